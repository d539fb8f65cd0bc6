package se.flerpart.notifiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail sender keeps its SMTP session open after a mail the server took, for the next mail,
 * instead of opening one per mail; it ends a session the server refused a mail in, one idle for
 * {@code flerpart.mail.smtp-ledig-tid}, and every one when the application closes; and a kept
 * session the server has ended meanwhile costs the mail nothing (it goes in a new session, in the
 * same attempt).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SmtpSessionTest {

  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired TransactionTemplate transaktion;
  @Autowired JavaMailSenderImpl mailSender;

  @Value("${flerpart.mail.avsandare}")
  String avsandare;

  private ProvSmtp server;
  private MailDispatcher dispatcher;

  @AfterEach
  void stang() throws IOException {
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void mailEfterVarandraSkickasIEnOchSammaSession() throws Exception {
    server = new ProvSmtp("250 tagen", false, () -> {});
    dispatcher = dispatcher(Duration.ofSeconds(15));

    List<Long> mail = List.of(nyttMail("en"), nyttMail("tva"), nyttMail("tre"));
    for (long id : mail) {
      dispatcher.skicka(new MailKoat(id));
    }

    assertThat(server.sessioner).as("SMTP-sessioner").hasValue(1);
    assertThat(server.messageIds()).hasSize(3).doesNotHaveDuplicates();
    for (long id : mail) {
      assertThat(skickatEnGang(id)).isTrue();
    }
    assertThat(dispatcher.ledigaSessioner()).isEqualTo(1);
    assertThat(server.avslutade).as("QUIT").hasValue(0);

    dispatcher.close();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(server.avslutade).hasValue(1));
    assertThat(dispatcher.ledigaSessioner()).isZero();
  }

  @Test
  void enSessionSomServernAvslutatErsattsAvEnNyUtanAttMailetFalerar() throws Exception {
    server = new ProvSmtp("250 tagen", true, () -> {});
    dispatcher = dispatcher(Duration.ofSeconds(15));

    long forsta = nyttMail("forsta");
    dispatcher.skicka(new MailKoat(forsta));
    assertThat(dispatcher.ledigaSessioner()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> server.stangdaAvServern.get() == 1);

    long andra = nyttMail("andra");
    dispatcher.skicka(new MailKoat(andra));

    assertThat(server.sessioner).hasValue(2);
    assertThat(server.messageIds()).hasSize(2);
    assertThat(skickatEnGang(forsta)).isTrue();
    assertThat(skickatEnGang(andra)).as("skickat i första försöket, utan fel").isTrue();
  }

  @Test
  void enSessionDarServernNekadeEttMailAvslutas() throws Exception {
    server = new ProvSmtp("554 nekad", false, () -> {});
    dispatcher = dispatcher(Duration.ofSeconds(15));

    long id = nyttMail("nekad");
    assertThatThrownBy(() -> dispatcher.skicka(new MailKoat(id)))
        .isInstanceOf(MailDispatcher.MailSkickadesInte.class);

    assertThat(dispatcher.ledigaSessioner()).isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(server.avslutade).hasValue(1));
    Map<String, Object> rad =
        jdbc.sql("select skickad, forsok from mail_utkorg where id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(rad.get("skickad")).isNull();
    assertThat(((Number) rad.get("forsok")).intValue()).isEqualTo(1);
  }

  @Test
  void enSessionSomVaritOanvandLedigTidenAvslutas() throws Exception {
    server = new ProvSmtp("250 tagen", false, () -> {});
    dispatcher = dispatcher(Duration.ofMillis(300));

    dispatcher.skicka(new MailKoat(nyttMail("ledig")));
    dispatcher.stangInaktiva();
    assertThat(dispatcher.ledigaSessioner()).as("ännu inte ledig länge nog").isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              dispatcher.stangInaktiva();
              return dispatcher.ledigaSessioner() == 0;
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(server.avslutade).hasValue(1));

    dispatcher.skicka(new MailKoat(nyttMail("efter")));
    assertThat(server.sessioner).hasValue(2);
  }

  @Test
  void enSessionSomLegatLedigForLangeAnvandsInteForNastaMail() throws Exception {
    server = new ProvSmtp("250 tagen", false, () -> {});
    dispatcher = dispatcher(Duration.ofMillis(300));

    dispatcher.skicka(new MailKoat(nyttMail("gammal-1")));
    Thread.sleep(500);
    // No sweep in between: the next mail finds the session too old itself.
    dispatcher.skicka(new MailKoat(nyttMail("gammal-2")));

    assertThat(server.sessioner).hasValue(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(server.avslutade).hasValue(1));
  }

  /**
   * A server that does not answer {@code QUIT} holds only the thread that ends its session: the
   * sweep and the close return at once (the sender here has no time limit at all).
   */
  @Test
  void enServerSomInteSvararHallerVarkenSvepetEllerStangningen() throws Exception {
    server = new ProvSmtp("250 tagen", false, () -> {});
    server.svaraIntePaQuit();
    dispatcher = dispatcher(Duration.ofMillis(200));
    dispatcher.skicka(new MailKoat(nyttMail("tyst-1")));
    Thread.sleep(300);
    assertTimeoutPreemptively(Duration.ofSeconds(5), dispatcher::stangInaktiva);
    assertThat(dispatcher.ledigaSessioner()).isZero();

    ProvSmtp andra = new ProvSmtp("250 tagen", false, () -> {});
    try (andra) {
      andra.svaraIntePaQuit();
      MailDispatcher vid = dispatcher(Duration.ofSeconds(15), andra);
      vid.skicka(new MailKoat(nyttMail("tyst-2")));
      assertThat(vid.ledigaSessioner()).isEqualTo(1);
      assertTimeoutPreemptively(Duration.ofSeconds(5), vid::close);
    }
  }

  @Test
  void ingenLedigTidGerEnSessionPerMail() throws Exception {
    server = new ProvSmtp("250 tagen", false, () -> {});
    dispatcher = dispatcher(Duration.ZERO);

    dispatcher.skicka(new MailKoat(nyttMail("noll-1")));
    dispatcher.skicka(new MailKoat(nyttMail("noll-2")));

    assertThat(server.sessioner).hasValue(2);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(server.avslutade).hasValue(2));
    assertThat(dispatcher.ledigaSessioner()).isZero();
  }

  /** A server that stops answering times a session out instead of holding its thread for good. */
  @Test
  void smtpSessionernaHarTidsgranser() {
    var egenskaper = mailSender.getJavaMailProperties();
    assertThat(Integer.parseInt(egenskaper.getProperty("mail.smtp.connectiontimeout", "0")))
        .isPositive();
    assertThat(Integer.parseInt(egenskaper.getProperty("mail.smtp.timeout", "0"))).isPositive();
  }

  private MailDispatcher dispatcher(Duration ledigTid) {
    return dispatcher(ledigTid, server);
  }

  private MailDispatcher dispatcher(Duration ledigTid, ProvSmtp till) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(till.port());
    return new MailDispatcher(
        jdbc,
        json,
        sender,
        transaktion,
        Clock.systemUTC(),
        avsandare,
        ledigTid,
        new SimpleMeterRegistry());
  }

  private long nyttMail(String namn) {
    return jdbc.sql(
            "insert into mail_utkorg (idempotensnyckel, mottagare, amne, text, skapad)"
                + " values (?, ?, 'Test', 'Test', now()) returning id")
        .params(
            "test-smtp-session:" + namn + ":" + System.nanoTime(),
            new String[] {"session@smtp.example"})
        .query(Long.class)
        .single();
  }

  private boolean skickatEnGang(long id) {
    return jdbc.sql(
            "select skickad is not null and forsok = 1 and senaste_fel is null"
                + " from mail_utkorg where id = ?")
        .param(id)
        .query(Boolean.class)
        .single();
  }
}
