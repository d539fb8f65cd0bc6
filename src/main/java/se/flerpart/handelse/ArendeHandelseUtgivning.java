package se.flerpart.handelse;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeHandelse;

/**
 * Every {@link ArendeHandelse} goes out on {@code flerpart.arende-handelser}, keyed by the case id,
 * after the change is committed, from the event publication registry: if Kafka is down the
 * publication stays incomplete and is resubmitted (at start, and on a schedule).
 */
@Component
class ArendeHandelseUtgivning {

  private final CloudEventUtgivare utgivare;

  ArendeHandelseUtgivning(CloudEventUtgivare utgivare) {
    this.utgivare = utgivare;
  }

  @ApplicationModuleListener
  void publicera(ArendeHandelse handelse) {
    String arende = handelse.arendeId().toString();
    utgivare.skicka(
        Amnen.ARENDE_HANDELSER, arende, handelse.typ(), arende, handelse.tidpunkt(), handelse);
  }
}
