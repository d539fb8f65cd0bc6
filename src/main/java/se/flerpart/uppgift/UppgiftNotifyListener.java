package se.flerpart.uppgift;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the changes to tasks that other instances write. Each write sends {@code NOTIFY
 * flerpart_uppgift} in its own transaction ({@link UppgiftRepository}), which PostgreSQL delivers
 * when it commits; this instance listens on a connection of its own, not one of the pool (which may
 * be small), and wakes its requests that wait for the changed cases' tasks ({@link
 * UppgiftSignal#hord}; its own notices are left alone, their requests were woken at the commit).
 * When the connection breaks it connects again after {@link #PAUS}; meanwhile the waiting requests
 * still find changes by asking again ({@code flerpart.uppgift.vanta.kontroll-intervall}).
 */
@Component
class UppgiftNotifyListener implements SmartLifecycle {

  /** The channel every task write notifies. */
  static final String KANAL = "flerpart_uppgift";

  static final Duration PAUS = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(UppgiftNotifyListener.class);

  private final DataSource dataSource;
  private final UppgiftSignal signal;
  private volatile boolean igang;
  private volatile boolean lyssnar;
  private volatile Connection anslutning;
  private Thread trad;

  UppgiftNotifyListener(DataSource dataSource, UppgiftSignal signal) {
    this.dataSource = dataSource;
    this.signal = signal;
  }

  @Override
  public synchronized void start() {
    if (igang) {
      return;
    }
    if (!(dataSource instanceof HikariDataSource)) {
      log.info(
          "Uppgiftslistans väntande frågor hör andra instansers ändringar genom att fråga igen"
              + " (ingen egen anslutning för LISTEN med {})",
          dataSource.getClass().getSimpleName());
      return;
    }
    igang = true;
    trad = Thread.ofPlatform().daemon().name("uppgift-notify").start(this::lyssna);
  }

  @Override
  public synchronized void stop() {
    igang = false;
    Connection c = anslutning;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing is all that is left to do.
      }
    }
    if (trad != null) {
      trad.interrupt();
      try {
        trad.join(PAUS.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      trad = null;
    }
  }

  @Override
  public boolean isRunning() {
    return igang;
  }

  /** For tests: whether the connection listens now. */
  boolean lyssnar() {
    return lyssnar;
  }

  private void lyssna() {
    while (igang) {
      try (Connection c = anslut()) {
        anslutning = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + KANAL);
        }
        lyssnar = true;
        // A change may have come while the connection was away: the waiting requests look again.
        signal.vack();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (igang) {
          PGNotification[] notiser = pg.getNotifications((int) PAUS.toMillis());
          if (notiser != null) {
            for (PGNotification notis : notiser) {
              signal.hord(notis.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        lyssnar = false;
        if (igang) {
          log.warn(
              "Lyssnaren på uppgiftsändringar tappade databasen ({}); ansluter igen om {} s",
              e.getMessage(),
              PAUS.toSeconds());
          try {
            Thread.sleep(PAUS);
          } catch (InterruptedException avbruten) {
            return;
          }
        }
      } finally {
        lyssnar = false;
        anslutning = null;
      }
    }
  }

  private Connection anslut() throws SQLException {
    HikariDataSource hikari = (HikariDataSource) dataSource;
    Properties egenskaper = new Properties();
    egenskaper.putAll(hikari.getDataSourceProperties());
    if (hikari.getUsername() != null) {
      egenskaper.setProperty("user", hikari.getUsername());
    }
    if (hikari.getPassword() != null) {
      egenskaper.setProperty("password", hikari.getPassword());
    }
    egenskaper.setProperty("ApplicationName", "flerpart-uppgift-notify");
    return DriverManager.getConnection(hikari.getJdbcUrl(), egenskaper);
  }
}
