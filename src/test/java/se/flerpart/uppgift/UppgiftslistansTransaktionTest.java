package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * The task list reads one snapshot (repeatable read) with as few round trips to PostgreSQL as it
 * can: the isolation level is the transaction's first statement, not something the JDBC driver asks
 * for, sets and sets back around it. Read from what the driver actually sends.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppgiftslistansTransaktionTest {

  /** What the driver logs as it sends a statement (at FINEST). */
  private static final Pattern PARSE =
      Pattern.compile("FE=> (?:Parse|SimpleQuery)\\(.*?query=\"(.*?)\"");

  @Autowired UppgiftService uppgifter;
  @Autowired AnvandareRepository anvandare;
  @Autowired TransactionTemplate transaktion;
  @Autowired JdbcClient jdbc;

  /** The SQL this thread sends through the PostgreSQL driver while {@code vad} runs. */
  private static List<String> skickat(Runnable vad) {
    Logger drivrutin = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    Level fore = drivrutin.getLevel();
    long trad = Thread.currentThread().threadId();
    List<String> sql = new CopyOnWriteArrayList<>();
    Handler hanterare =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLongThreadID() != trad) {
              return;
            }
            Matcher m = PARSE.matcher(new SimpleFormatter().formatMessage(r));
            if (m.find()) {
              String fraga = m.group(1).toLowerCase();
              if (!fraga.equals("begin") && !fraga.equals("commit")) {
                sql.add(fraga);
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    drivrutin.setLevel(Level.FINEST);
    drivrutin.addHandler(hanterare);
    try {
      vad.run();
    } finally {
      drivrutin.removeHandler(hanterare);
      drivrutin.setLevel(fore);
    }
    return sql;
  }

  @Test
  void enOgonblicksbildUtanExtraRundor() {
    Anvandare bengt = anvandare.hitta("bengt").orElseThrow();
    Uppgiftsurval grupp =
        Uppgiftsurval.tolka("grupp", null, null, null, null, null, null, null, "1", null);

    List<String> sql = skickat(() -> uppgifter.lista(grupp, bengt));

    assertThat(sql).as("det som skickades").isNotEmpty();
    assertThat(sql.getFirst()).isEqualTo("set transaction isolation level repeatable read");
    assertThat(sql)
        .noneMatch(s -> s.contains("show transaction isolation level"))
        .noneMatch(s -> s.contains("set session characteristics"));
  }

  @Test
  void inomEnAnnanTransaktionGallerDensNiva() {
    Anvandare bengt = anvandare.hitta("bengt").orElseThrow();
    Uppgiftsurval grupp =
        Uppgiftsurval.tolka("grupp", null, null, null, null, null, null, null, "1", null);

    List<String> sql =
        skickat(
            () ->
                transaktion.executeWithoutResult(
                    status -> {
                      jdbc.sql("select 1").query(Integer.class).single();
                      uppgifter.lista(grupp, bengt);
                    }));

    assertThat(sql).noneMatch(s -> s.startsWith("set transaction"));
  }
}
