package se.flerpart.handelse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import se.flerpart.arende.ArendeHandelse;
import se.flerpart.avvikelse.AvvikelseRegistrerad;

/**
 * Every {@link ArendeHandelse} goes out on {@code flerpart.arende-handelser}, keyed by the case id,
 * and every registered deviation on {@code flerpart.avvikelser}, keyed by its id: after the change
 * is committed, from the event publication registry. If Kafka is down the publication stays
 * incomplete and is resubmitted (at start, and on a schedule).
 *
 * <p>The sends run on one thread, in commit order (see {@link
 * KafkaKonfiguration#kafkaUtgivning()}), without waiting for each acknowledgement: the producer
 * keeps the order within a partition (it is idempotent, with at most five requests under way), so
 * the events of one case arrive in order, and the records that wait go to the broker together.
 * Waiting for every acknowledgement before the next send allowed one event per round trip to the
 * brokers: with a replicated cluster a few milliseconds away, a few hundred events a second, fewer
 * than the ~320 that twenty cases a second produce. A publication is completed (or left for
 * resubmission) once its record is acknowledged (or not), on the sending thread, never on the Kafka
 * client's own.
 */
@Component
class HandelseUtgivning {

  private final CloudEventUtgivare utgivare;
  private final Executor utgivning;

  HandelseUtgivning(
      CloudEventUtgivare utgivare, @Qualifier(KafkaKonfiguration.UTGIVNING) Executor utgivning) {
    this.utgivare = utgivare;
    this.utgivning = utgivning;
  }

  @TransactionalEventListener
  CompletableFuture<Void> publicera(ArendeHandelse handelse) {
    String arende = handelse.arendeId().toString();
    return iTur(
        () ->
            utgivare.skicka(
                Amnen.ARENDE_HANDELSER,
                arende,
                handelse.typ(),
                arende,
                handelse.tidpunkt(),
                handelse));
  }

  @TransactionalEventListener
  CompletableFuture<Void> publicera(AvvikelseRegistrerad handelse) {
    String avvikelse = handelse.avvikelseId().toString();
    return iTur(
        () ->
            utgivare.skicka(
                Amnen.AVVIKELSER,
                avvikelse,
                "avvikelse.registrerad",
                avvikelse,
                handelse.tidpunkt(),
                handelse));
  }

  /**
   * The send, queued on the sending thread; the answer completes on that thread when the broker has
   * acknowledged (or failed), so that what follows — the registry marking the publication completed
   * — does not run on the Kafka client's network thread.
   */
  private CompletableFuture<Void> iTur(Supplier<CompletableFuture<Void>> skicka) {
    return CompletableFuture.supplyAsync(skicka, utgivning)
        .thenCompose(kvitto -> kvitto)
        .whenCompleteAsync((svar, fel) -> {}, utgivning);
  }
}
