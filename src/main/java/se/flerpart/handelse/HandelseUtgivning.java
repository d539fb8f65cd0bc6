package se.flerpart.handelse;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import se.flerpart.arende.ArendeHandelse;
import se.flerpart.avvikelse.AvvikelseRegistrerad;

/**
 * Every {@link ArendeHandelse} goes out on {@code flerpart.arende-handelser}, keyed by the case id,
 * and every registered deviation on {@code flerpart.avvikelser}, keyed by its id: after the change
 * is committed, from the event publication registry. If Kafka is down the publication stays
 * incomplete and is resubmitted (at start, and on a schedule). The sends run on one thread, in
 * commit order (see {@link KafkaKonfiguration#kafkaUtgivning()}).
 */
@Component
class HandelseUtgivning {

  private final CloudEventUtgivare utgivare;

  HandelseUtgivning(CloudEventUtgivare utgivare) {
    this.utgivare = utgivare;
  }

  @Async(KafkaKonfiguration.UTGIVNING)
  @TransactionalEventListener
  void publicera(ArendeHandelse handelse) {
    String arende = handelse.arendeId().toString();
    utgivare.skicka(
        Amnen.ARENDE_HANDELSER, arende, handelse.typ(), arende, handelse.tidpunkt(), handelse);
  }

  @Async(KafkaKonfiguration.UTGIVNING)
  @TransactionalEventListener
  void publicera(AvvikelseRegistrerad handelse) {
    String avvikelse = handelse.avvikelseId().toString();
    utgivare.skicka(
        Amnen.AVVIKELSER,
        avvikelse,
        "avvikelse.registrerad",
        avvikelse,
        handelse.tidpunkt(),
        handelse);
  }
}
