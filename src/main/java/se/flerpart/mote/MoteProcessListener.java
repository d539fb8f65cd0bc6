package se.flerpart.mote;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.flerpart.process.MessagePublisher;
import se.flerpart.process.Processmeddelande;

/**
 * Tells the meeting's {@code flerpartsmote} process that it was moved or cancelled, after the
 * change has committed, so the worker the message wakes reads the new time or the cancellation.
 */
@Component
class MoteProcessListener {

  private static final Duration LIVSLANGD = Duration.ofHours(1);

  private final MessagePublisher motorn;

  MoteProcessListener(MessagePublisher motorn) {
    this.motorn = motorn;
  }

  @ApplicationModuleListener
  void flyttat(MoteFlyttat h) {
    publicera("mote-flyttat", h.moteId().toString(), h.sekvens());
  }

  @ApplicationModuleListener
  void installt(MoteInstallt h) {
    publicera("mote-installt", h.moteId().toString(), h.sekvens());
  }

  /** The answer reaches the kallelse's wait in {@code flerpartsmote}, correlated on its id. */
  @ApplicationModuleListener
  void besvarad(KallelseBesvarad h) {
    Map<String, Object> variabler = new HashMap<>();
    variabler.put("svar", h.svar());
    if (h.ersattareKallelseId() != null) {
      variabler.put("ersattareKallelseId", h.ersattareKallelseId().toString());
    }
    motorn.publicera(
        new Processmeddelande(
            "kallelsesvar",
            h.kallelseId().toString(),
            "kallelsesvar-" + h.kallelseId() + "-" + h.sekvens(),
            Duration.ofDays(1),
            variabler));
  }

  private void publicera(String meddelande, String moteId, int sekvens) {
    motorn.publicera(
        new Processmeddelande(
            meddelande, moteId, meddelande + "-" + moteId + "-" + sekvens, LIVSLANGD, Map.of()));
  }
}
