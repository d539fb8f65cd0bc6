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
 * process waits for the new {@code uppfoljningsdatum}. A message for an open task lives no time at
 * all: a message for a follow-up that is no longer open must not move the next one.
 */
@Component
class UppfoljningProcessListener {

  /**
   * A move while the process waits for the day may come just after an earlier move, before the
   * process is back at its gateway: that message waits a moment for it instead of being lost.
   */
  static final Duration VANTANDE_LIVSLANGD = Duration.ofMinutes(1);

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
                : "uppfoljningsdag-flyttad:" + h.flytt(),
            h.uppgiftId() != null ? Duration.ZERO : VANTANDE_LIVSLANGD,
            Map.of("uppfoljningsdatum", h.datum().toString())));
  }
}
