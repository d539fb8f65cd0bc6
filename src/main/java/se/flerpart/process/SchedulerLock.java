package se.flerpart.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
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
  private final DataSource datakalla;

  SchedulerLock(JdbcClient jdbc, TransactionTemplate transaktion, DataSource datakalla) {
    this.jdbc = jdbc;
    this.transaktion = transaktion;
    this.datakalla = datakalla;
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

  /**
   * Runs {@code arbete} once the lock named after the job is free, holding it meanwhile, for work
   * that must not run on two instances at once but spans many transactions of its own (seeding the
   * demo data while the engine works the cases). The lock is PostgreSQL's session-level advisory
   * lock on a connection of its own, so an instance that dies releases it with its connection.
   */
  public void vantaOchKor(String jobb, Runnable arbete) {
    try (Connection anslutning = datakalla.getConnection()) {
      las(anslutning, "select pg_advisory_lock(hashtext(?))", jobb);
      try {
        arbete.run();
      } finally {
        las(anslutning, "select pg_advisory_unlock(hashtext(?))", jobb);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Låset för " + jobb + " kunde inte tas", e);
    }
  }

  private static void las(Connection anslutning, String sql, String jobb) throws SQLException {
    try (PreparedStatement s = anslutning.prepareStatement(sql)) {
      s.setString(1, "flerpart:" + jobb);
      s.executeQuery().close();
    }
  }
}
