package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.Sidklient;

/**
 * Waiting for the task list to change ({@code GET /api/uppgifter?vanta=…} with {@code
 * If-None-Match}) instead of asking again and again: the answer comes when a task is stored, by
 * this instance (signalled) or by another (written into the table with NOTIFY); 304 when nothing
 * changed in the time; only what the user may see counts; bad input gives 400 and a Swedish
 * message. Tasks of a kind of their own (a fresh {@code typ}) keep each test to its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppgiftVantanTest {

  private static final AtomicLong NASTA_ID =
      new AtomicLong(8_000_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired UppgiftRepository uppgifter;
  @Autowired UppgiftNotifyListener lyssnare;
  @Autowired UppgiftSignal signal;
  @Autowired org.springframework.transaction.support.TransactionTemplate transaktion;
  ApiKlient api;
  String typ;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
    typ = "vanta-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @DisplayName("Den som väntar på en tom lista får svar med uppgiften när den lagras")
  void svarNarEnUppgiftLagras() throws Exception {
    CompletableFuture<ApiKlient.Svar> vantar =
        CompletableFuture.supplyAsync(() -> lista("anna", "vy=mina&vanta=20", null));
    Thread.sleep(300);
    long id = lagra("anna");

    ApiKlient.Svar svar = vantar.get(25, TimeUnit.SECONDS);
    assertThat(svar.status()).isEqualTo(200);
    assertThat(ids(svar)).containsExactly(id);
    assertThat(svar.rubriker().getETag()).startsWith("W/\"");
  }

  @Test
  @DisplayName(
      "Varje skrivning av en uppgift väcker bara dem som väntar på dess ärende, eller på alla")
  void skrivningarVackerSittArende() throws Exception {
    long ett = NASTA_ID.incrementAndGet();
    long annat = NASTA_ID.incrementAndGet();
    try (var paEtt = new Raknad("2026-" + ett);
        var paAlla = new Raknad(null)) {
      uppgifter.skapaOmNy(Testuppgift.oppen(annat, typ, "Ett annat ärendes uppgift", "anna"));
      uppgifter.tilldela(annat, "bengt");
      uppgifter.andraForfallodatum(annat, Instant.now());
      uppgifter.markeraInskickad(annat, Map.of(), "bengt");
      assertThat(paEtt.vackt(500)).as("ett annat ärendes skrivningar").isFalse();
      assertThat(paAlla.vackt(500)).as("den som väntar på alla").isTrue();

      uppgifter.skapaOmNy(Testuppgift.oppen(ett, typ, "Ärendets uppgift", "anna"));
      assertThat(paEtt.vackt(5_000)).as("lagrad").isTrue();
      uppgifter.tilldela(ett, "bengt");
      assertThat(paEtt.vackt(5_000)).as("tilldelad").isTrue();
      uppgifter.andraForfallodatum(ett, Instant.now());
      assertThat(paEtt.vackt(5_000)).as("nytt förfallodatum").isTrue();
      assertThat(uppgifter.avbryt(ett)).isTrue();
      assertThat(paEtt.vackt(5_000)).as("avbruten").isTrue();
      assertThat(uppgifter.avbryt(ett)).as("redan avbruten").isFalse();
      assertThat(paEtt.vackt(500)).as("ingen ändring").isFalse();
      uppgifter.markeraInskickad(ett, Map.of(), "bengt");
      assertThat(paEtt.vackt(5_000)).as("inskickad").isTrue();
      assertThat(paEtt.vackt(500)).as("inget mer").isFalse();
      uppgifter.skapaOmNy(Testuppgift.oppen(ett, typ, "Ärendets uppgift", "anna"));
      assertThat(paEtt.vackt(500)).as("samma jobb igen: ingen ändring").isFalse();
    }
  }

  /** A wait whose readings of the list after the first are counted; it never answers. */
  private final class Raknad implements AutoCloseable {

    private final Semaphore lasningar = new Semaphore(0);
    private final UppgiftSignal.Vantan vantan;

    Raknad(String arende) {
      AtomicBoolean forsta = new AtomicBoolean(true);
      vantan =
          signal.vanta(
              arende,
              System.nanoTime() + TimeUnit.HOURS.toNanos(1),
              new UppgiftSignal.Fraga() {
                @Override
                public boolean las() {
                  if (!forsta.getAndSet(false)) {
                    lasningar.release();
                  }
                  return false;
                }

                @Override
                public void svara() {}

                @Override
                public void fel(RuntimeException e) {}

                @Override
                public void avbruten() {}
              });
    }

    /** Whether the list was read again within {@code ms} (after the last call). */
    boolean vackt(long ms) throws InterruptedException {
      boolean vackt = lasningar.tryAcquire(ms, TimeUnit.MILLISECONDS);
      lasningar.drainPermits();
      return vackt;
    }

    @Override
    public void close() {
      vantan.avsluta();
    }
  }

  @Test
  @DisplayName(
      "Väntande frågor håller ingen av serverns trådar, och bara den vars ärende ändras svarar")
  void vantanHallerIngenTrad() throws Exception {
    int fore = signal.vantande();
    long omlasningar = signal.omlasningar();
    List<Long> arenden = new ArrayList<>();
    List<Socket> klienter = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        long arende = NASTA_ID.incrementAndGet();
        arenden.add(arende);
        klienter.add(vantaRatt(basic("anna"), "vy=mina&arende=2026-" + arende + "&vanta=25"));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> signal.vantande() >= fore + 20);
      assertThat(UppgiftSignalTest.tradarI(UppgiftApiController.class))
          .as("trådar som står i listfrågan medan 20 frågor väntar")
          .isEmpty();

      // One case's task answers that case's request, and only that one.
      long forsta = arenden.get(0);
      uppgifter.skapaOmNy(Testuppgift.oppen(forsta, typ, "Väntad uppgift", "anna"));
      assertThat(statusrad(klienter.get(0))).startsWith("HTTP/1.1 200");
      await().atMost(Duration.ofSeconds(5)).until(() -> signal.vantande() == fore + 19);
      assertThat(signal.omlasningar()).as("omläsningar").isGreaterThanOrEqualTo(omlasningar + 1);
      Thread.sleep(300);
      assertThat(signal.vantande()).as("de andra väntar kvar").isEqualTo(fore + 19);

      // Then each of the others gets its answer when its case gets a task; one whose client went
      // away meanwhile ends as well.
      klienter.get(1).close();
      for (long arende : arenden.subList(1, arenden.size())) {
        uppgifter.skapaOmNy(Testuppgift.oppen(arende, typ, "Väntad uppgift", "anna"));
      }
      for (Socket klient : klienter.subList(2, klienter.size())) {
        assertThat(statusrad(klient)).startsWith("HTTP/1.1 200");
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> signal.vantande() == fore);
    } finally {
      for (Socket klient : klienter) {
        klient.close();
      }
    }
  }

  @Test
  @DisplayName(
      "En inloggning har högst fyra väntande frågor: när en femte väntar besvaras den äldsta genast,"
          + " och de andra och en annan inloggnings väntar kvar")
  void enInloggningsAldstaVantanBesvaras() throws Exception {
    String en = "Cookie: " + Sidklient.inloggad(port, "anna").kakor();
    String annan = "Cookie: " + Sidklient.inloggad(port, "anna").kakor();
    assertThat(en).contains("SESSION=").isNotEqualTo(annan);
    int fore = signal.vantande();
    List<Socket> klienter = new ArrayList<>();
    try {
      klienter.add(vantaRatt(annan, "vy=mina&vanta=25"));
      for (int i = 0; i < 4; i++) {
        klienter.add(vantaRatt(en, "vy=mina&vanta=25"));
        // one at a time, so that which is the oldest is known
        int vantar = fore + klienter.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> signal.vantande() >= vantar);
      }
      Thread.sleep(300);
      assertThat(signal.vantande()).as("fyra och en annan inloggnings").isEqualTo(fore + 5);

      long start = System.nanoTime();
      klienter.add(vantaRatt(en, "vy=mina&vanta=25"));
      assertThat(statusrad(klienter.get(1))).as("den äldsta").startsWith("HTTP/1.1 200");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      Thread.sleep(300);
      assertThat(signal.vantande()).as("den femte i den äldstas ställe").isEqualTo(fore + 5);
      for (int i : List.of(0, 2, 3, 4, 5)) {
        assertThat(klienter.get(i).getInputStream().available()).as("fråga %s", i).isZero();
      }
    } finally {
      for (Socket klient : klienter) {
        klient.close();
      }
    }
  }

  /** The first line of the answer on {@code klient}'s socket, waiting for it at most 10 s. */
  private static String statusrad(Socket klient) throws Exception {
    klient.setSoTimeout(10_000);
    return new BufferedReader(
            new InputStreamReader(klient.getInputStream(), StandardCharsets.UTF_8))
        .readLine();
  }

  /** The header line of {@code vem}'s HTTP Basic login (no session). */
  private static String basic(String vem) {
    return "Authorization: Basic "
        + Base64.getEncoder().encodeToString((vem + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A list request over a socket of its own with the header line {@code inloggning}, left waiting;
   * its answer is not read here.
   */
  private Socket vantaRatt(String inloggning, String fraga) throws Exception {
    Socket klient = new Socket("localhost", port);
    klient
        .getOutputStream()
        .write(
            ("HEAD /api/uppgifter?typ="
                    + typ
                    + "&"
                    + fraga
                    + " HTTP/1.1\r\nHost: localhost\r\n"
                    + inloggning
                    + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    klient.getOutputStream().flush();
    return klient;
  }

  @Test
  @DisplayName(
      "Med If-None-Match: 304 när inget ändrats, och svar när en annan instans skrivit en uppgift"
          + " (NOTIFY)")
  void etagOchAnnanInstans() throws Exception {
    long forsta = lagra("anna");
    ApiKlient.Svar nu = lista("anna", "vy=mina&vanta=1", null);
    assertThat(ids(nu)).containsExactly(forsta);
    String etag = nu.rubriker().getETag();
    assertThat(etag).isNotBlank();

    ApiKlient.Svar oforandrad = lista("anna", "vy=mina&vanta=1", etag);
    assertThat(oforandrad.status()).isEqualTo(304);
    assertThat(oforandrad.rubriker().getETag()).isEqualTo(etag);
    assertThat(lista("anna", "vy=mina", etag).status())
        .as("If-None-Match utan vanta: en vanlig villkorlig fråga")
        .isEqualTo(304);
    assertThat(lista("anna", "vy=mina", "W/\"annan\"").status()).isEqualTo(200);

    // Another instance's write reaches this one only through NOTIFY: the wait (5 s) is shorter
    // than the asking again (10 s), so the answer comes from the notification or not at all.
    assertThat(lyssnare.lyssnar()).isTrue();
    CompletableFuture<ApiKlient.Svar> vantar =
        CompletableFuture.supplyAsync(() -> lista("anna", "vy=mina&vanta=5", etag));
    Thread.sleep(300);
    long andra = somEnAnnanInstans("anna");

    ApiKlient.Svar svar = vantar.get(25, TimeUnit.SECONDS);
    assertThat(svar.status()).isEqualTo(200);
    assertThat(ids(svar)).containsExactlyInAnyOrder(forsta, andra);
    assertThat(svar.rubriker().getETag()).isNotEqualTo(etag);
    assertThat(svar.totalt()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "Uppgiftssidan väntar på samma lista som den visar: API:t svarar 304 på sidans ETag tills"
          + " listan ändras")
  void sidanOchApietHarSammaEtag() {
    lagra("anna");
    String html =
        api.http()
            .get()
            .uri("/uppgifter?vy=mina&sortering=-skapad&typ=" + typ)
            .header(
                HttpHeaders.AUTHORIZATION,
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            "anna:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .retrieve()
            .body(String.class);
    var m =
        java.util.regex.Pattern.compile(
                "id=\"listan-andrad\" role=\"status\" data-adress=\"([^\"]+)\" data-etag=\"([^\"]+)\"")
            .matcher(html);
    assertThat(m.find()).as("sidans väntan").isTrue();
    String adress = org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
    String etag = org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(2));
    assertThat(adress).startsWith("/api/uppgifter?vy=mina&sortering=-skapad&typ=" + typ);

    assertThat(
            api.anrop("anna", "GET", adress, null, Map.of(HttpHeaders.IF_NONE_MATCH, etag))
                .status())
        .isEqualTo(304);
    lagra("anna");
    assertThat(
            api.anrop("anna", "GET", adress, null, Map.of(HttpHeaders.IF_NONE_MATCH, etag))
                .status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "HEAD svarar som GET men utan kropp, och läser (och loggar) därför inget namn; GET loggar"
          + " namnet")
  void headLaserIngetNamn() {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "namn", "Hedda Huvud",
                "insats", "flerpartssamverkan",
                "skal", "Behöver stöd från flera parter",
                "behov", List.of("FK", "AF")));
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    String adress = "/api/uppgifter?vy=mina&arende=" + nummer;
    long fore = lasningarAvNamn(id);

    ApiKlient.Svar huvud = api.anrop("anna", "HEAD", adress + "&vanta=5", null);
    assertThat(huvud.status()).isEqualTo(200);
    assertThat(huvud.rubriker().getETag()).startsWith("W/\"");
    assertThat(huvud.totalt()).isEqualTo(1);
    assertThat(lasningarAvNamn(id)).as("HEAD läser inget namn").isEqualTo(fore);
    assertThat(
            api.anrop(
                    "anna",
                    "HEAD",
                    adress + "&vanta=1",
                    null,
                    Map.of(HttpHeaders.IF_NONE_MATCH, huvud.rubriker().getETag()))
                .status())
        .isEqualTo(304);

    ApiKlient.Svar lista = api.get("anna", adress);
    assertThat(lista.kropp().path(0).path("individ").asText()).isEqualTo("Hedda Huvud");
    assertThat(lasningarAvNamn(id)).as("GET visar namnet och loggar det").isEqualTo(fore + 1);
  }

  private long lasningarAvNamn(String arendeId) {
    return jdbc.sql(
            "select count(*) from granskningslogg where arende_id = ?::uuid and handling = 'LAS_NAMN'")
        .param(arendeId)
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName("En uppgift som användaren inte får se avslutar inte väntan")
  void barUppgifterAnvandarenFarSe() throws Exception {
    CompletableFuture<ApiKlient.Svar> vantar =
        CompletableFuture.supplyAsync(() -> lista("bengt", "vy=alla&vanta=2", null));
    Thread.sleep(300);
    lagra("anna");

    ApiKlient.Svar svar = vantar.get(25, TimeUnit.SECONDS);
    assertThat(svar.status()).isEqualTo(200);
    assertThat(svar.kropp()).isEmpty();
    assertThat(svar.totalt()).isZero();
  }

  @Test
  @DisplayName(
      "Fel vanta ger 400 med ett svenskt meddelande, också tillsammans med sökning; vanta utan"
          + " värde svarar genast")
  void felaktigVanta() {
    for (String varde : List.of("0", "31", "en", "1.5", "-1", "99999999999", "%00")) {
      ApiKlient.Svar svar = lista("anna", "vy=mina&vanta=" + varde, null);
      assertThat(svar.status()).as(varde).isEqualTo(400);
      String fel = svar.kropp().path("fel").path("vanta").asText();
      if (!varde.equals("%00")) {
        assertThat(fel).as(varde).contains("Vänta ska vara ett helt antal sekunder från 1 till 30");
      }
    }
    long id = lagra("anna");
    ApiKlient.Svar utanVarde = lista("anna", "vy=mina&vanta=", null);
    assertThat(utanVarde.status()).as("vanta utan värde: ingen väntan").isEqualTo(200);
    assertThat(ids(utanVarde)).containsExactly(id);
    ApiKlient.Svar medSok = lista("anna", "vy=mina&vanta=5&sok=2026", null);
    assertThat(medSok.status()).isEqualTo(400);
    assertThat(medSok.kropp().path("fel").path("vanta").asText()).contains("sökning");
  }

  @Test
  @DisplayName(
      "En väntan med namn (X-Vantan-Id) avslutas av sin användare med DELETE: den besvaras genast"
          + " och lämnar sin plats; en annan användares DELETE lämnar den; fel namn ger 400")
  void namngivenVantanAvslutas() throws Exception {
    int fore = signal.vantande();
    String namn = "sida-" + UUID.randomUUID();
    try (Socket klient = vantaRatt(basic("anna") + "\r\n" + namngiven(namn), "vy=mina&vanta=25")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> signal.vantande() == fore + 1);

      assertThat(avsluta("bengt", namn)).as("en annan användares").isEqualTo(204);
      Thread.sleep(300);
      assertThat(signal.vantande()).as("väntan står kvar").isEqualTo(fore + 1);

      long start = System.nanoTime();
      assertThat(avsluta("anna", namn)).isEqualTo(204);
      assertThat(statusrad(klient)).as("avslutad utan lista").startsWith("HTTP/1.1 204");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(signal.vantande()).as("platsen lämnad").isEqualTo(fore);
      assertThat(avsluta("anna", namn)).as("redan avslutad").isEqualTo(204);
    }

    for (String fel : List.of("a.b", "ä", "x".repeat(65), "%00")) {
      assertThat(avsluta("anna", fel)).as(fel).isEqualTo(400);
    }
    assertThat(
            api.anrop("anna", "DELETE", "/api/uppgifter/vantan/a.b", null)
                .kropp()
                .path("fel")
                .path(UppgiftApiController.VANTAN_ID)
                .asText())
        .contains("Väntans id ska vara 1–64 tecken");
    ApiKlient.Svar felNamn =
        api.anrop(
            "anna",
            "GET",
            "/api/uppgifter?typ=" + typ + "&vy=mina&vanta=5",
            null,
            Map.of(UppgiftApiController.VANTAN_ID, "x y"));
    assertThat(felNamn.status()).isEqualTo(400);
    assertThat(felNamn.kropp().path("fel").path(UppgiftApiController.VANTAN_ID).asText())
        .contains("Väntans id");
    assertThat(signal.vantande()).as("ingen väntan för fel namn").isEqualTo(fore);
  }

  private int avsluta(String vem, String namn) {
    return api.anrop(vem, "DELETE", "/api/uppgifter/vantan/" + namn, null).status();
  }

  private static String namngiven(String namn) {
    return UppgiftApiController.VANTAN_ID + ": " + namn;
  }

  private ApiKlient.Svar lista(String vem, String fraga, String etag) {
    return api.anrop(
        vem,
        "GET",
        "/api/uppgifter?typ=" + typ + "&" + fraga,
        null,
        etag == null ? Map.of() : Map.of(HttpHeaders.IF_NONE_MATCH, etag));
  }

  /** A task stored as the job worker stores it, through the repository. */
  private long lagra(String tilldelad) {
    long id = NASTA_ID.incrementAndGet();
    uppgifter.skapaOmNy(Testuppgift.oppen(id, typ, "Väntad uppgift", tilldelad));
    return id;
  }

  /**
   * A task written as another instance writes it: into the table, with NOTIFY in the same
   * transaction, and no signal inside this instance.
   */
  private long somEnAnnanInstans(String tilldelad) {
    long id = NASTA_ID.incrementAndGet();
    transaktion.executeWithoutResult(
        t -> {
          skrivRad(id, tilldelad);
          jdbc.sql("select pg_notify('flerpart_uppgift', '')").query(rs -> {});
        });
    return id;
  }

  private void skrivRad(long id, String tilldelad) {
    jdbc.sql(
            """
            insert into uppgift (id, element_instans_nyckel, process_instans_nyckel, process_id,
              element_id, namn, formular_id, tilldelad, kandidatgrupper, variabler, status, skapad)
            values (?, ?, ?, 'test', ?, 'Annan instans', 'test', ?, '{}', '{}'::jsonb, 'OPPEN', ?)
            """)
        .params(id, id, id, typ, tilldelad, Timestamp.from(Instant.now()))
        .update();
  }

  private static List<Long> ids(ApiKlient.Svar svar) {
    return ApiKlient.stream(svar.kropp()).map(u -> u.path("id").asLong()).toList();
  }
}
