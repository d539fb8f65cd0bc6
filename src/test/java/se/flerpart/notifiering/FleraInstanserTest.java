package se.flerpart.notifiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.EnAnslutning;
import se.flerpart.FlerpartApplication;
import se.flerpart.Sidklient;
import se.flerpart.embedded.EmbeddedStack;
import se.flerpart.process.SchedulerLock;
import se.flerpart.uppgift.Testuppgift;
import se.flerpart.uppgift.UppgiftApiController;
import se.flerpart.uppgift.UppgiftRepository;

/**
 * Two Flerpart instances against one database, one engine, one Kafka broker and one SMTP server, as
 * behind a load balancer: a scheduled job runs on one instance at a time, a mail that both
 * instances try to send at once reaches its recipient once, with its idempotency key as Message-ID,
 * and a request waiting for the task list on one instance is answered when the other stores a task.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleraInstanserTest {

  private static GreenMail smtp;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void startaTvaInstanser() {
    int smtpPort = ledigPort();
    smtp = EmbeddedStack.startaSmtp(smtpPort);
    List<String> gemensamt =
        List.of(
            "--server.port=0",
            "--flerpart.embedded.kafka-port=0",
            "--flerpart.demo.arenden=false",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort);
    // The first instance embeds the database, the engine and the broker; the second is pointed at
    // them through the ordinary configuration, as any further instance would be.
    a = FlerpartApplication.start(gemensamt.toArray(String[]::new));
    Environment env = a.getEnvironment();
    List<String> andra = new ArrayList<>(gemensamt);
    for (String nyckel :
        List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "camunda.client.grpc-address",
            "camunda.client.rest-address",
            "spring.kafka.bootstrap-servers")) {
      andra.add("--" + nyckel + "=" + env.getRequiredProperty(nyckel));
    }
    andra.add("--camunda.client.prefer-rest-over-grpc=false");
    b = FlerpartApplication.start(andra.toArray(String[]::new));
  }

  @AfterAll
  static void stoppa() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void ettSchemalagtJobbKorPaEnInstansITaget() throws Exception {
    SchedulerLock lasA = a.getBean(SchedulerLock.class);
    SchedulerLock lasB = b.getBean(SchedulerLock.class);
    CountDownLatch inne = new CountDownLatch(1);
    CountDownLatch slapp = new CountDownLatch(1);
    CompletableFuture<Boolean> iA =
        CompletableFuture.supplyAsync(
            () ->
                lasA.korEnsam(
                    "test-flera-instanser",
                    () -> {
                      inne.countDown();
                      vanta(slapp);
                    }));
    assertThat(inne.await(20, TimeUnit.SECONDS)).isTrue();

    AtomicBoolean kordeIB = new AtomicBoolean();
    assertThat(lasB.korEnsam("test-flera-instanser", () -> kordeIB.set(true))).isFalse();
    assertThat(kordeIB).isFalse();
    // Another job is not held up.
    assertThat(lasB.korEnsam("test-annat-jobb", () -> kordeIB.set(true))).isTrue();

    slapp.countDown();
    assertThat(iA.get(20, TimeUnit.SECONDS)).isTrue();
    kordeIB.set(false);
    assertThat(lasB.korEnsam("test-flera-instanser", () -> kordeIB.set(true))).isTrue();
    assertThat(kordeIB).isTrue();
  }

  @Test
  void arbeteSomVantarPaLasetKorEfterDenAndraInstansen() throws Exception {
    SchedulerLock lasA = a.getBean(SchedulerLock.class);
    SchedulerLock lasB = b.getBean(SchedulerLock.class);
    List<String> ordning = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch inne = new CountDownLatch(1);
    CountDownLatch slapp = new CountDownLatch(1);
    CompletableFuture<Void> iA =
        CompletableFuture.runAsync(
            () ->
                lasA.vantaOchKor(
                    "test-seedning",
                    () -> {
                      ordning.add("A börjar");
                      inne.countDown();
                      vanta(slapp);
                      ordning.add("A klar");
                    }));
    assertThat(inne.await(20, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> iB =
        CompletableFuture.runAsync(
            () -> lasB.vantaOchKor("test-seedning", () -> ordning.add("B börjar")));
    Thread.sleep(500);
    assertThat(iB).isNotDone();
    slapp.countDown();
    iA.get(20, TimeUnit.SECONDS);
    iB.get(20, TimeUnit.SECONDS);
    assertThat(ordning).containsExactly("A börjar", "A klar", "B börjar");
  }

  @Test
  void ettMailSomBadaInstansernaSkickarSamtidigtKommerFramEnGang() throws Exception {
    Map<ConfigurableApplicationContext, MailUtkorg> utkorgar =
        Map.of(a, a.getBean(MailUtkorg.class), b, b.getBean(MailUtkorg.class));
    Map<String, String> nycklar = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      String nyckel = "test-flera-instanser:" + i;
      String mottagare = "mottagare" + i + "@flera-instanser.example";
      nycklar.put(mottagare, nyckel);
      utkorgar
          .get(i % 2 == 0 ? a : b)
          .koa(
              nyckel,
              List.of(mottagare),
              "paminnelse-samtycke",
              Map.of(
                  "arendenummer", "T-" + i, "uppgift", "Test", "mottagare", "Anna", "lank", "x"));
    }
    JdbcClient jdbc = a.getBean(JdbcClient.class);
    List<Long> ider =
        jdbc.sql("select id from mail_utkorg where idempotensnyckel like 'test-flera-instanser:%'")
            .query(Long.class)
            .list();
    assertThat(ider).hasSize(20);
    // Both instances try every mail at once, as when one resubmits what the other is sending.
    MailDispatcher iA = a.getBean(MailDispatcher.class);
    MailDispatcher iB = b.getBean(MailDispatcher.class);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<Void>> forsok = new ArrayList<>();
      for (long id : ider) {
        for (MailDispatcher d : List.of(iA, iB, iA, iB)) {
          forsok.add(CompletableFuture.runAsync(() -> d.skicka(new MailKoat(id)), pool));
        }
      }
      CompletableFuture.allOf(forsok.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdown();
    }
    vantaTillsSkickade(jdbc, "test-flera-instanser:", 20);
    // Anything sent twice would have arrived by now.
    Thread.sleep(2_000);

    List<MimeMessage> mottagna = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (mottagare(m).endsWith("@flera-instanser.example")) {
        mottagna.add(m);
      }
    }
    assertThat(mottagna).hasSize(20);
    Map<String, Long> perMessageId =
        mottagna.stream().collect(Collectors.groupingBy(m -> messageId(m), Collectors.counting()));
    assertThat(perMessageId).hasSize(20).allSatisfy((id, antal) -> assertThat(antal).isOne());
    String avsandare = a.getEnvironment().getRequiredProperty("flerpart.mail.avsandare");
    for (MimeMessage m : mottagna) {
      String mottagare = mottagare(m);
      assertThat(messageId(m)).isEqualTo(MeddelandeId.av(nycklar.get(mottagare), avsandare));
    }
  }

  /**
   * The mail is marked sent, and committed, right after its last line is written, before the SMTP
   * server's answer to it is read: the server here holds that answer until the test has seen the
   * row committed as sent from another connection. From then on a crash of the sender neither loses
   * the mark nor stops the mail, so it cannot be sent again. A server that refuses the mail in that
   * answer gets it marked unsent again, with the error, for its retry.
   */
  @Test
  void ettMailArMarkeratSkickatInnanServernSvararPaDessData() throws Exception {
    JdbcClient jdbc = a.getBean(JdbcClient.class);
    long tagen = nyttMail(jdbc, "test-efter-data:tagen");
    AtomicBoolean markeratForeSvaret = new AtomicBoolean();
    List<String> data = skickaTill(jdbc, tagen, "250 tagen", markeratForeSvaret);
    assertThat(data).anyMatch(rad -> rad.startsWith("Message-ID:"));
    assertThat(markeratForeSvaret).as("markerat skickat innan servern svarat på data").isTrue();
    assertThat(forsok(jdbc, tagen)).isEqualTo(1);
    assertThat(
            jdbc.sql("select skickad is not null from mail_utkorg where id = ?")
                .param(tagen)
                .query(Boolean.class)
                .single())
        .isTrue();

    long nekad = nyttMail(jdbc, "test-efter-data:nekad");
    AtomicBoolean nekadMarkerad = new AtomicBoolean();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> skickaTill(jdbc, nekad, "554 nekad", nekadMarkerad))
        .hasCauseInstanceOf(MailDispatcher.MailSkickadesInte.class);
    assertThat(nekadMarkerad).isTrue();
    Map<String, Object> rad =
        jdbc.sql("select skickad, senaste_fel, forsok from mail_utkorg where id = ?")
            .param(nekad)
            .query()
            .singleRow();
    assertThat(rad.get("skickad")).as("omarkerat för återförsöket").isNull();
    assertThat((String) rad.get("senaste_fel")).contains("SMTPSendFailedException");
    assertThat(((Number) rad.get("forsok")).intValue()).isEqualTo(1);
  }

  private static long nyttMail(JdbcClient jdbc, String nyckel) {
    return jdbc.sql(
            "insert into mail_utkorg (idempotensnyckel, mottagare, amne, text, skapad)"
                + " values (?, ?, 'Test', 'Test', now()) returning id")
        .params(nyckel, new String[] {"efter-data@smtp-langsam.example"})
        .query(Long.class)
        .single();
  }

  /**
   * Sends mail {@code id} to an SMTP server of the test's own that answers the mail's data with
   * {@code svar}, once it has seen (from another connection, for at most ten seconds) the row
   * committed as sent; {@code markeratForeSvaret} tells whether it did. The lines of the mail's
   * data.
   */
  private List<String> skickaTill(
      JdbcClient jdbc, long id, String svar, AtomicBoolean markeratForeSvaret) throws Exception {
    Runnable foreSvaretPaData =
        () -> {
          try {
            await()
                .atMost(Duration.ofSeconds(10))
                .until(
                    () ->
                        jdbc.sql("select skickad is not null from mail_utkorg where id = ?")
                            .param(id)
                            .query(Boolean.class)
                            .single());
            markeratForeSvaret.set(true);
          } catch (org.awaitility.core.ConditionTimeoutException e) {
            markeratForeSvaret.set(false);
          }
        };
    // A thread of its own: the common pool may have a single one on two cores.
    ExecutorService trad = Executors.newSingleThreadExecutor();
    try (ProvSmtp server = new ProvSmtp(svar, false, foreSvaretPaData)) {
      JavaMailSenderImpl langsam = new JavaMailSenderImpl();
      langsam.setHost("127.0.0.1");
      langsam.setPort(server.port());
      MailDispatcher dispatcher =
          new MailDispatcher(
              jdbc,
              a.getBean(ObjectMapper.class),
              langsam,
              a.getBean(TransactionTemplate.class),
              java.time.Clock.systemUTC(),
              a.getEnvironment().getRequiredProperty("flerpart.mail.avsandare"),
              Duration.ofSeconds(15),
              new SimpleMeterRegistry());
      try {
        CompletableFuture.runAsync(() -> dispatcher.skicka(new MailKoat(id)), trad)
            .get(30, TimeUnit.SECONDS);
      } finally {
        // A session the server took the mail in is kept for the next one until this ends it.
        dispatcher.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> server.avslutade.get() == 1);
      }
      return List.copyOf(server.data);
    } finally {
      trad.shutdownNow();
    }
  }

  /**
   * A mail the SMTP server does not take is one attempt recorded (without addresses) in the
   * listener's own transaction, with the connection that holds the mail's row: with a pool of one
   * connection nothing waits for a second. Its publication stays incomplete, and it is sent, once,
   * when the server is back and the publication is resubmitted.
   */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void ettMailSomSmtpServernInteTarEmotForsoksIgen() {
    JdbcClient jdbc = a.getBean(JdbcClient.class);
    String avsandare = a.getEnvironment().getRequiredProperty("flerpart.mail.avsandare");
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    try (HikariDataSource en = EnAnslutning.mot(a.getEnvironment())) {
      // The listener's own work, with one connection: the attempt is recorded and kept. The mail
      // is written directly, so that no publication sends it meanwhile.
      long enAnslutning =
          jdbc.sql(
                  "insert into mail_utkorg (idempotensnyckel, mottagare, amne, text, skapad)"
                      + " values ('test-smtp-nere:en-anslutning', ?, 'Test', 'Test', now())"
                      + " returning id")
              .param(new String[] {"en-anslutning@smtp-nere.example"})
              .query(Long.class)
              .single();
      JavaMailSenderImpl stangd = new JavaMailSenderImpl();
      stangd.setHost("127.0.0.1");
      stangd.setPort(port);
      MailDispatcher dispatcher =
          new MailDispatcher(
              JdbcClient.create(en),
              a.getBean(ObjectMapper.class),
              stangd,
              new TransactionTemplate(new DataSourceTransactionManager(en)),
              java.time.Clock.systemUTC(),
              avsandare,
              Duration.ofSeconds(15),
              new SimpleMeterRegistry());
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> dispatcher.skicka(new MailKoat(enAnslutning)))
          .isInstanceOf(MailDispatcher.MailSkickadesInte.class);
      assertThat(forsok(jdbc, enAnslutning)).isEqualTo(1);

      // The application's listener, after the commit of the mail it queued.
      a.getBean(MailUtkorg.class)
          .koa(
              "test-smtp-nere:lyssnaren",
              List.of("lyssnaren@smtp-nere.example"),
              "paminnelse-samtycke",
              Map.of("arendenummer", "T-L", "uppgift", "Test", "mottagare", "Anna", "lank", "x"));
      long lyssnaren = mailId(jdbc, "test-smtp-nere:lyssnaren");
      await().atMost(Duration.ofSeconds(30)).until(() -> forsok(jdbc, lyssnaren) >= 1);
      Map<String, Object> rad =
          jdbc.sql("select skickad, senaste_fel from mail_utkorg where id = ?")
              .param(lyssnaren)
              .query()
              .singleRow();
      assertThat(rad.get("skickad")).isNull();
      assertThat((String) rad.get("senaste_fel")).isNotBlank().doesNotContain("@");
    } finally {
      smtp = EmbeddedStack.startaSmtp(port);
    }
    // The listener's publication is resubmitted; the mail written directly has none and is handed
    // to the listener as a resubmission would.
    a.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(p -> true);
    a.getBean(MailDispatcher.class)
        .skicka(new MailKoat(mailId(jdbc, "test-smtp-nere:en-anslutning")));
    vantaTillsSkickade(jdbc, "test-smtp-nere:", 2);
    assertThat(
            java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> mottagare(m).endsWith("@smtp-nere.example"))
                .count())
        .isEqualTo(2);
  }

  /** Waits until {@code antal} mails whose idempotency key starts with {@code prefix} are sent. */
  private static void vantaTillsSkickade(JdbcClient jdbc, String prefix, long antal) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "select count(*) from mail_utkorg"
                            + " where idempotensnyckel like ? and skickad is not null")
                    .param(prefix + "%")
                    .query(Long.class)
                    .single(),
            n -> n == antal);
  }

  private static long mailId(JdbcClient jdbc, String nyckel) {
    return jdbc.sql("select id from mail_utkorg where idempotensnyckel = ?")
        .param(nyckel)
        .query(Long.class)
        .single();
  }

  private static int forsok(JdbcClient jdbc, long id) {
    return jdbc.sql("select forsok from mail_utkorg where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  private static String mottagare(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void enVantandeFragaPaEnInstansFarSvarNarDenAndraLagrarEnUppgift() throws Exception {
    int portA = ((ServletWebServerApplicationContext) a).getWebServer().getPort();
    se.flerpart.ApiKlient api = new se.flerpart.ApiKlient(portA);
    String typ = "flera-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    // Instance A asks again only every 10 s; the wait is 5 s, so only B's NOTIFY can answer it.
    CompletableFuture<se.flerpart.ApiKlient.Svar> vantar =
        CompletableFuture.supplyAsync(
            () -> api.get("anna", "/api/uppgifter?vy=mina&typ=" + typ + "&vanta=5"));
    Thread.sleep(300);
    long id = 7_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 30);
    b.getBean(UppgiftRepository.class)
        .skapaOmNy(Testuppgift.oppen(id, typ, "Lagrad av den andra instansen", "anna"));

    se.flerpart.ApiKlient.Svar svar = vantar.get(30, TimeUnit.SECONDS);
    assertThat(svar.status()).isEqualTo(200);
    assertThat(se.flerpart.ApiKlient.stream(svar.kropp()).map(u -> u.path("id").asLong()))
        .containsExactly(id);
  }

  /**
   * A client's request to end its wait may reach another instance than the one the wait is on (a
   * load balancer without sticky sessions): that instance passes it on with NOTIFY, and the wait
   * ends with 204.
   */
  @Test
  void enVantanPaEnInstansAvslutasGenomDenAndra() throws Exception {
    se.flerpart.ApiKlient apiA =
        new se.flerpart.ApiKlient(
            ((ServletWebServerApplicationContext) a).getWebServer().getPort());
    se.flerpart.ApiKlient apiB =
        new se.flerpart.ApiKlient(
            ((ServletWebServerApplicationContext) b).getWebServer().getPort());
    String typ = "flera-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String namn = "sida-" + java.util.UUID.randomUUID();
    CompletableFuture<se.flerpart.ApiKlient.Svar> vantar =
        CompletableFuture.supplyAsync(
            () ->
                apiA.anrop(
                    "anna",
                    "GET",
                    "/api/uppgifter?vy=mina&typ=" + typ + "&vanta=25",
                    null,
                    java.util.Map.of(UppgiftApiController.VANTAN_ID, namn)));
    Thread.sleep(1000);
    assertThat(vantar).as("väntar på instans A").isNotDone();

    assertThat(apiB.anrop("anna", "DELETE", "/api/uppgifter/vantan/" + namn, null).status())
        .isEqualTo(204);
    // 204 only when ended: at its time it would have answered 200 (an empty list).
    assertThat(vantar.get(30, TimeUnit.SECONDS).status()).as("avslutad").isEqualTo(204);
  }

  /** Last: it stops the second instance. */
  @Test
  @Order(Integer.MAX_VALUE)
  void enInloggningGallerPaBadaInstansernaOchOverleverDenEna() {
    int portA = ((ServletWebServerApplicationContext) a).getWebServer().getPort();
    int portB = ((ServletWebServerApplicationContext) b).getWebServer().getPort();
    Sidklient iB = Sidklient.inloggad(portB, "anna");
    Sidklient iA = iB.mot(portA);
    Sidklient.Sida sida = iA.get("/uppgifter");
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.html()).contains("Anna Lind");

    b.close();
    b = null;
    sida = iA.get("/uppgifter");
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.html()).contains("Anna Lind");

    // The session in the database holds no password hash.
    JdbcClient jdbc = a.getBean(JdbcClient.class);
    List<byte[]> attribut =
        jdbc.sql("select attribute_bytes from spring_session_attributes")
            .query(byte[].class)
            .list();
    assertThat(attribut).isNotEmpty();
    for (byte[] bytes : attribut) {
      assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("{bcrypt}");
    }
  }

  private static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void vanta(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int ledigPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
