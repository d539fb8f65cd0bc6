package se.flerpart.avvikelse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.flerpart.process.MessagePublisher;
import se.flerpart.process.Processmeddelande;

/**
 * Starts the {@code avvikelse} process for a registered deviation after the registration has
 * committed, through its message start event correlated on the deviation's id: while that instance
 * runs, a publication delivered again starts nothing.
 */
@Component
class AvvikelseProcessListener {

  private final MessagePublisher motorn;
  private final String paminnelseEfter;

  AvvikelseProcessListener(
      MessagePublisher motorn,
      @Value("${flerpart.avvikelse.paminnelse-efter:P30D}") String paminnelseEfter) {
    this.motorn = motorn;
    this.paminnelseEfter = paminnelseEfter;
  }

  @ApplicationModuleListener
  void startaProcessen(AvvikelseRegistrerad h) {
    Map<String, Object> variabler = new LinkedHashMap<>();
    variabler.put("avvikelseId", h.avvikelseId().toString());
    variabler.put("avvikelsenummer", h.avvikelsenummer());
    variabler.put("typ", h.typ());
    variabler.put("berordPart", h.berordPart());
    variabler.put("paminnelseEfter", paminnelseEfter);
    motorn.publicera(
        new Processmeddelande(
            "avvikelse-rapporterad",
            h.avvikelseId().toString(),
            "avvikelse-rapporterad:" + h.avvikelseId(),
            Duration.ZERO,
            variabler));
  }
}
