package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
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
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * The task list reads one snapshot (repeatable read) with as few round trips to PostgreSQL as it
 * can: the isolation level is the transaction's first statement, not something the JDBC driver asks
 * for, sets and sets back around it. Read from what the application executes (Spring's JDBC log)
 * and from what the driver sends of its own (its log of the statements it parses: the driver's
 * questions and settings are parsed every time, the application's prepared statements only until
 * the driver keeps them on the server). A write of tasks, likewise, goes with its {@code NOTIFY} in
 * one transaction.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppgiftslistansTransaktionTest {

  /** What the driver logs as it sends a statement to be parsed (at FINEST). */
  private static final Pattern PARSE =
      Pattern.compile("FE=> (?:Parse|SimpleQuery)\\(.*?query=\"(.*?)\"");

  /** What Spring's JDBC template logs as it executes a statement (at DEBUG). */
  private static final Pattern UTFOR =
      Pattern.compile("^Executing [^\\[]*\\[(.*)\\]$", Pattern.DOTALL);

  @Autowired UppgiftService uppgifter;
  @Autowired UppgiftRepository lagrade;
  @Autowired AnvandareRepository anvandare;
  @Autowired TransactionTemplate transaktion;
  @Autowired JdbcClient jdbc;

  /** The statements this thread executed, and those the driver parsed, while {@code vad} ran. */
  private record Skickat(List<String> utforda, List<String> parsade) {}

  private static Skickat skickat(Runnable vad) {
    String tradnamn = Thread.currentThread().getName();
    long trad = Thread.currentThread().threadId();

    var mall = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(JdbcTemplate.class);
    ch.qos.logback.classic.Level mallensNiva = mall.getLevel();
    ListAppender<ILoggingEvent> spring = new ListAppender<>();
    spring.start();

    Logger drivrutin = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    Level drivrutinensNiva = drivrutin.getLevel();
    List<String> parsade = new CopyOnWriteArrayList<>();
    Handler hanterare =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            Matcher m = PARSE.matcher(new SimpleFormatter().formatMessage(r));
            if (r.getLongThreadID() == trad && m.find()) {
              parsade.add(m.group(1).toLowerCase());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };

    mall.setLevel(ch.qos.logback.classic.Level.DEBUG);
    mall.addAppender(spring);
    drivrutin.setLevel(Level.FINEST);
    drivrutin.addHandler(hanterare);
    try {
      vad.run();
    } finally {
      drivrutin.removeHandler(hanterare);
      drivrutin.setLevel(drivrutinensNiva);
      mall.detachAppender(spring);
      mall.setLevel(mallensNiva);
    }
    List<String> utforda = new ArrayList<>();
    for (ILoggingEvent e : spring.list) {
      Matcher m = UTFOR.matcher(e.getFormattedMessage());
      if (e.getThreadName().equals(tradnamn) && m.find()) {
        utforda.add(m.group(1).strip().toLowerCase());
      }
    }
    return new Skickat(utforda, parsade);
  }

  private Uppgiftsurval gruppensForstaSida() {
    return Uppgiftsurval.tolka("grupp", null, null, null, null, null, null, null, "1", null);
  }

  @Test
  void enOgonblicksbildUtanExtraRundor() {
    Anvandare bengt = anvandare.hitta("bengt").orElseThrow();
    // Often enough that the driver keeps the list's statements on the server, as in a server that
    // has run a while: from then on it no longer parses (nor logs) them.
    for (int i = 0; i < 10; i++) {
      uppgifter.lista(gruppensForstaSida(), bengt);
    }

    Skickat skickat = skickat(() -> uppgifter.lista(gruppensForstaSida(), bengt));

    assertThat(skickat.utforda())
        .as("det som utfördes")
        .anyMatch(s -> s.contains("uppgift_oppen_grupp"))
        .first()
        .isEqualTo("set transaction isolation level repeatable read");
    assertThat(skickat.parsade())
        .as("drivrutinens egna frågor och inställningar")
        .noneMatch(s -> s.contains("show transaction isolation level"))
        .noneMatch(s -> s.contains("set session characteristics"));
  }

  @Test
  void inomEnAnnanTransaktionGallerDensNiva() {
    Anvandare bengt = anvandare.hitta("bengt").orElseThrow();

    Skickat skickat =
        skickat(
            () ->
                transaktion.executeWithoutResult(
                    status -> {
                      jdbc.sql("select 1").query(Integer.class).single();
                      uppgifter.lista(gruppensForstaSida(), bengt);
                    }));

    assertThat(skickat.utforda()).first().isEqualTo("select 1");
    assertThat(skickat.utforda())
        .hasSizeGreaterThan(1)
        .noneMatch(s -> s.startsWith("set transaction"));
  }

  /**
   * A task the engine hands out is stored, and its notice to the other instances sent, in one
   * transaction: one commit, not one for the row and one for the {@code NOTIFY}. The same for a
   * task cancelled, where the drafts of it go in the same commit. Each transaction opens with a
   * {@code BEGIN} the driver parses every time (its {@code COMMIT} it soon keeps on the server);
   * statements run one by one, each its own commit, send none.
   */
  @Test
  void uppgiftOchNotisIEnTransaktion() {
    long id = 9_000_000_000L + System.nanoTime() % 1_000_000_000L;
    Uppgift uppgift = Testuppgift.oppen(id, "test-transaktion", "Prov", "ingen-sadan");

    Skickat sparad = skickat(() -> assertThat(lagrade.skapaOmNy(uppgift)).isTrue());
    Skickat avbruten = skickat(() -> assertThat(lagrade.avbryt(id)).isTrue());

    enTransaktionMedNotis(sparad, "insert into uppgift");
    enTransaktionMedNotis(avbruten, "update uppgift");
    assertThat(lagrade.hitta(id))
        .get()
        .extracting(Uppgift::status)
        .isEqualTo(UppgiftStatus.AVBRUTEN);
  }

  /** One transaction sent, holding the write that begins {@code skrivning} and its notice. */
  private static void enTransaktionMedNotis(Skickat s, String skrivning) {
    assertThat(s.parsade())
        .as("transaktionerna som drivrutinen öppnade")
        .filteredOn(q -> q.equals("begin"))
        .hasSize(1);
    assertThat(s.utforda())
        .as("det som utfördes")
        .anyMatch(q -> q.startsWith(skrivning))
        .anyMatch(q -> q.contains("pg_notify"));
  }
}
