package se.flerpart.process;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resubmits event publications whose listener failed (Kafka or the engine unreachable, a crash)
 * once they are older than {@code flerpart.handelse.aterforsok-intervall}, and does so every such
 * interval. With several Flerpart instances against one database only one resubmits at a time: each
 * run takes a PostgreSQL transaction-level advisory lock and is skipped when another instance holds
 * it. Listeners are idempotent, so a publication that is delivered twice does no harm.
 */
@Component
public class HandelseAterutgivning {

  /** The advisory lock's key, "flerpart" in ASCII; no other lock in the database uses it. */
  static final long LAS = 0x666c_6572_7061_7274L;

  private static final Logger log = LoggerFactory.getLogger(HandelseAterutgivning.class);

  private final IncompleteEventPublications publiceringar;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaktion;
  private final Duration intervall;

  public HandelseAterutgivning(
      IncompleteEventPublications publiceringar,
      JdbcClient jdbc,
      TransactionTemplate transaktion,
      @Value("${flerpart.handelse.aterforsok-intervall}") Duration intervall) {
    this.publiceringar = publiceringar;
    this.jdbc = jdbc;
    this.transaktion = transaktion;
    this.intervall = intervall;
  }

  @Scheduled(
      initialDelayString = "${flerpart.handelse.aterforsok-intervall}",
      fixedDelayString = "${flerpart.handelse.aterforsok-intervall}")
  public void aterutge() {
    transaktion.executeWithoutResult(
        status -> {
          boolean las =
              jdbc.sql("select pg_try_advisory_xact_lock(?)")
                  .param(LAS)
                  .query(Boolean.class)
                  .single();
          if (!las) {
            log.debug("En annan instans återutger händelser just nu");
            return;
          }
          publiceringar.resubmitIncompletePublicationsOlderThan(intervall);
        });
  }
}
