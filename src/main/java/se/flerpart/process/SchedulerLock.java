package se.flerpart.process;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job on one Flerpart instance at a time when several share one database: the job
 * runs inside a transaction holding a PostgreSQL transaction-level advisory lock named after the
 * job, and is skipped by the instances that do not get it. The lock goes with the transaction, so a
 * crashed instance holds nothing.
 */
@Component
public class SchedulerLock {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaktion;

  SchedulerLock(JdbcClient jdbc, TransactionTemplate transaktion) {
    this.jdbc = jdbc;
    this.transaktion = transaktion;
  }

  /**
   * @return false when another instance was running the job, which then did not run here
   */
  public boolean korEnsam(String jobb, Runnable arbete) {
    return Boolean.TRUE.equals(
        transaktion.execute(
            status -> {
              boolean las =
                  jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))")
                      .param("flerpart:" + jobb)
                      .query(Boolean.class)
                      .single();
              if (las) {
                arbete.run();
              }
              return las;
            }));
  }
}
