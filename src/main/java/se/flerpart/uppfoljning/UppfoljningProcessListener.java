package se.flerpart.uppfoljning;

import java.time.Duration;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.flerpart.process.MessagePublisher;
import se.flerpart.process.Processmeddelande;

/**
 * Tells the {@code uppfoljning} process that its follow-up was moved: the message interrupts the
 * open {@code folj-upp-plan} task, or reaches the process while it waits for the day, and the
 * process waits for the new {@code uppfoljningsdatum}. It lives no time at all: a message for a
 * follow-up that is no longer open must not move the next one.
 */
@Component
class UppfoljningProcessListener {

  private final MessagePublisher motorn;

  UppfoljningProcessListener(MessagePublisher motorn) {
    this.motorn = motorn;
  }

  @ApplicationModuleListener
  void flyttad(UppfoljningFlyttad h) {
    motorn.publicera(
        new Processmeddelande(
            "uppfoljning-flyttad",
            h.arendeId().toString(),
            h.uppgiftId() != null
                ? "uppfoljning-flyttad:" + h.uppgiftId()
                : "uppfoljningsdag-flyttad:" + h.arendeId() + ":" + h.datum(),
            Duration.ZERO,
            Map.of("uppfoljningsdatum", h.datum().toString())));
  }
}
