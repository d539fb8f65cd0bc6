package se.flerpart.process;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications whose listener failed (Kafka or the engine unreachable, a crash)
 * once they are older than {@code flerpart.handelse.aterforsok-intervall}, and does so every such
 * interval. With several Flerpart instances against one database only one resubmits at a time
 * ({@link SchedulerLock}). Listeners are idempotent, so a publication delivered twice does no harm.
 */
@Component
class HandelseAterutgivning {

  private static final Logger log = LoggerFactory.getLogger(HandelseAterutgivning.class);

  private final IncompleteEventPublications publiceringar;
  private final SchedulerLock las;
  private final Duration intervall;

  HandelseAterutgivning(
      IncompleteEventPublications publiceringar,
      SchedulerLock las,
      @Value("${flerpart.handelse.aterforsok-intervall}") Duration intervall) {
    this.publiceringar = publiceringar;
    this.las = las;
    this.intervall = intervall;
  }

  @Scheduled(
      initialDelayString = "${flerpart.handelse.aterforsok-intervall}",
      fixedDelayString = "${flerpart.handelse.aterforsok-intervall}")
  void aterutge() {
    if (!las.korEnsam(
        "aterutge-handelser",
        () -> publiceringar.resubmitIncompletePublicationsOlderThan(intervall))) {
      log.debug("En annan instans återutger händelser just nu");
    }
  }
}
