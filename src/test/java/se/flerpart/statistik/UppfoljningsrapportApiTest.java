package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.flerpart.ApiKlient.mailTill;
import static se.flerpart.ApiKlient.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.Konflikt;

/**
 * The quarterly uppföljningsrapport on the whole application with its embedded engine, PostgreSQL
 * and SMTP server: the engine's clock is moved past a quarter, petra reviews the draft, comments
 * and approves it, the styrgrupp gets PDF and Excel, and the approved version stays downloadable
 * unchanged. Its own application context, since it moves the engine's clock by months.
 *
 * <p>The tests that make a report ({@code nedladdning}, {@code kvartalsrapporten…}, {@code
 * sammanstallIgen…}, {@code utanStyrgrupp…}) need the computation of {@link Statistikrapporter}.
 */
// A property of its own gives the class its own context, closed afterwards, so that moving the
// clock by months leaves the other classes' shared engine alone; the monthly avvikelserapport that
// the move fires goes to the processledare only.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"flerpart.demo.arenden=false", "flerpart.avvikelse.rapport.mottagare="})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UppfoljningsrapportApiTest {

  static final String STYRGRUPP = "styrgrupp@forbund.example";

  @LocalServerPort int port;
  @Autowired Clock klocka;
  @Autowired JdbcClient jdbc;
  @Autowired InsatsRepository insatser;
  @Autowired Uppfoljningsrapporter rapporter;
  @Autowired AnvandareRepository anvandare;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  @DisplayName("Bara processledaren och administratören ser statistiken och rapporterna")
  void atkomst() {
    assertThat(api.get("anna", "/api/rapporter?format=pdf").status()).isEqualTo(403);
    assertThat(api.get("sara", "/api/rapporter?format=xlsx").status()).isEqualTo(403);
    assertThat(api.get("anna", "/api/rapporter/uppfoljningsrapporter").status()).isEqualTo(403);
    assertThat(api.get("bengt", "/api/rapporter/uppfoljningsrapporter/1?format=pdf").status())
        .isEqualTo(403);
    assertThat(api.post("anna", "/api/rapporter/uppfoljningsrapport", null).status())
        .isEqualTo(403);
    assertThat(api.post("admin", "/api/rapporter/uppfoljningsrapport", null).status())
        .as("processledaren begär rapporten, administratören läser den")
        .isEqualTo(403);
    assertThat(api.get("admin", "/api/rapporter/uppfoljningsrapporter").status()).isEqualTo(200);

    Sidklient anna = Sidklient.inloggad(port, "anna");
    anna.get("/uppgifter");
    assertThat(anna.post("/statistik/uppfoljningsrapport", Map.of()).status()).isEqualTo(403);
    Sidklient.Sida sida = anna.get("/statistik");
    assertThat(sida.status()).isEqualTo(403);
    assertThat(sida.html()).doesNotContain("id=\"ladda-ner-pdf\"");
    assertThat(Sidklient.inloggad(port, "anna").get("/uppgifter").html())
        .doesNotContain("id=\"meny-statistik\"");
    assertThat(Sidklient.inloggad(port, "petra").get("/uppgifter").html())
        .contains("id=\"meny-statistik\"");
  }

  @Test
  @DisplayName(
      "Felaktig period, insats eller format ger 400 med fältet på svenska och ändrar inget")
  void felaktigIndata() {
    long fore = antalVersioner();
    Svar datum = api.get("petra", "/api/rapporter?format=pdf&fran=2026-13-01&till=2026-03-31");
    assertThat(datum.status()).isEqualTo(400);
    assertThat(datum.kropp().path("fel").path("fran").asText()).contains("ÅÅÅÅ-MM-DD");

    Svar bakvand = api.get("petra", "/api/rapporter?format=xlsx&fran=2026-04-01&till=2026-03-31");
    assertThat(bakvand.status()).isEqualTo(400);
    assertThat(bakvand.kropp().path("fel").path("till").asText())
        .isEqualTo("Till och med får inte vara före från och med (2026-04-01)");

    Svar insats = api.get("petra", "/api/rapporter?format=pdf&insats=finns-inte");
    assertThat(insats.status()).isEqualTo(400);
    assertThat(insats.kropp().path("fel").path("insats").asText())
        .isEqualTo("Okänd insats: finns-inte");

    Svar halv =
        api.post("petra", "/api/rapporter/uppfoljningsrapport", Map.of("fran", "2026-01-01"));
    assertThat(halv.status()).isEqualTo(400);
    assertThat(halv.kropp().path("fel").has("till")).isTrue();
    Svar overAr =
        api.post(
            "petra",
            "/api/rapporter/uppfoljningsrapport",
            Map.of("fran", "2025-10-01", "till", "2026-03-31"));
    assertThat(overAr.status()).isEqualTo(400);
    assertThat(overAr.kropp().path("fel").path("till").asText()).contains("kalenderår");

    assertThat(api.get("petra", "/api/rapporter/uppfoljningsrapporter/999999").status())
        .isEqualTo(404);
    assertThat(antalVersioner()).isEqualTo(fore);

    Sidklient.Sida sida =
        Sidklient.inloggad(port, "petra").get("/statistik?fran=2026-04-01&till=2026-03-01");
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.html())
        .contains("id=\"felsammanfattning\"")
        .contains("Till och med får inte vara före från och med (2026-04-01)")
        .doesNotContain("class=\"statistiktabell\"");
  }

  @Test
  void datumSkrivsAaaaMmDdEllerAaaaMmDdUtanBindestreck() {
    assertThat(Rapporturval.datum("2026-03-31")).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(Rapporturval.datum(" 20260331 ")).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(Rapporturval.datum("20260231")).isNull();
    assertThat(Rapporturval.datum("31/3 2026")).isNull();
  }

  @Test
  @DisplayName("Det senaste kvartalet räknas från dagen rapporten görs")
  void senasteKvartalet() {
    assertThat(Uppfoljningsrapporter.senasteKvartal(LocalDate.of(2027, 1, 1)))
        .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
    assertThat(Uppfoljningsrapporter.senasteKvartal(LocalDate.of(2026, 5, 17)))
        .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    assertThat(Uppfoljningsrapporter.senasteKvartal(LocalDate.of(2026, 9, 30)))
        .containsExactly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
  }

  @Test
  @DisplayName(
      "Givet att kvartalet tar slut, så får petra granska rapporten, och när hon godkänner den"
          + " får styrgruppen PDF och Excel och versionen finns kvar oförändrad")
  void kvartalsrapportenGranskasGodkannsOchSkickas() throws IOException {
    insatser.sparaInstallningar(
        medStyrgrupp(
            insatser.installningar("flerpartssamverkan").orElseThrow(), List.of(STYRGRUPP)));

    ZonedDateTime nu = ZonedDateTime.now(klocka);
    ZonedDateTime kvartal = UppfoljningsrapportProcessTest.nastaKvartal(nu);
    LocalDate[] vantat =
        Uppfoljningsrapporter.senasteKvartal(
            kvartal.plusHours(2).withZoneSameInstant(Rapporturval.SVERIGE).toLocalDate());
    String fran = vantat[0].toString();
    String till = vantat[1].toString();
    Svar flytt =
        api.post(
            "admin",
            "/api/dev/klocka",
            Map.of("fram", Duration.between(nu, kvartal).plusMinutes(5).toString()));
    assertThat(flytt.status()).as(flytt.toString()).isEqualTo(200);

    JsonNode uppgift = vantaPaGranskning();
    JsonNode version =
        stream(api.get("petra", "/api/rapporter/uppfoljningsrapporter").kropp())
            .filter(v -> v.path("till").asText().equals(till))
            .findFirst()
            .orElseThrow();
    assertThat(version.path("fran").asText()).isEqualTo(fran);
    assertThat(version.path("status").asText()).isEqualTo("UTKAST");
    long id = version.path("id").asLong();
    // Stored under the job's key within the engine's time when the task was entered.
    assertThat(
            jdbc.sql("select sammanstall_nyckel from uppfoljningsrapport where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .matches("\\d{4}-\\d{2}-\\d{2}T.+:\\d+");

    JsonNode innehall =
        api.get("petra", "/api/rapporter/uppfoljningsrapporter/" + id + "?format=json").kropp();
    List<String> rubriker =
        stream(innehall.path("delar")).map(d -> d.path("rubrik").asText()).toList();
    assertThat(rubriker).contains("Hela förbundet, perioden", "Flerpartssamverkan, perioden");
    assertThat(
            stream(innehall.path("delar").get(0).path("tabeller"))
                .map(t -> t.path("tabell").asText()))
        .containsExactlyElementsOf(Statistikrapporter.TABELLER);
    String utkast = pdfText(hamta("/api/rapporter/uppfoljningsrapporter/" + id + "?format=pdf"));
    assertThat(utkast)
        .contains("Uppföljningsrapport " + fran + " – " + till)
        .contains("Utkast: ännu inte granskat");

    JsonNode formular =
        api.get("petra", "/api/uppgifter/" + uppgift.path("id").asText() + "/formular").kropp();
    assertThat(formular.toString()).contains("?format=pdf").contains("granskning");

    Svar personnummer =
        api.slutfor(
            "petra",
            uppgift,
            Map.of("granskning", "GODKAND", "kommentarDeltagare", "Gäller 19121212-1212"));
    assertThat(personnummer.status()).isEqualTo(400);
    assertThat(personnummer.kropp().path("fel").has("kommentarDeltagare")).isTrue();
    assertThat(status(id)).isEqualTo("UTKAST");

    Map<String, Object> granskning = new HashMap<>();
    granskning.put("granskning", "GODKAND");
    granskning.put("kommentarAvslutade", "Fler avslut till arbete än förra kvartalet.");
    Svar godkand = api.slutfor("petra", uppgift, granskning);
    assertThat(godkand.status()).as(godkand.toString()).isEqualTo(200);

    JsonNode mail =
        api.vantaPaMail(mailTill(STYRGRUPP, "Uppföljningsrapport " + fran + " – " + till));
    assertThat(mail.path("text").asText()).contains("Flerpartssamverkan").contains("Godkänd av");
    Map<String, byte[]> bilagor = new HashMap<>();
    for (JsonNode b : mail.path("bilagor")) {
      bilagor.put(
          b.path("filnamn").asText(), Base64.getDecoder().decode(b.path("innehall").asText()));
    }
    String pdfNamn = "uppfoljningsrapport-" + fran + "-" + till + ".pdf";
    String xlsxNamn = "uppfoljningsrapport-" + fran + "-" + till + ".xlsx";
    assertThat(bilagor).containsOnlyKeys(pdfNamn, xlsxNamn);
    assertThat(pdfText(bilagor.get(pdfNamn)))
        .contains("Godkänd av Petra")
        .contains("Processledarens kommentar: Fler avslut till arbete än förra kvartalet.")
        .contains("Flerpartssamverkan, perioden");
    try (ReadableWorkbook bok =
        new ReadableWorkbook(new ByteArrayInputStream(bilagor.get(xlsxNamn)))) {
      assertThat(bok.getSheets().map(Sheet::getName).toList())
          .hasSize(1 + Statistikrapporter.TABELLER.size());
    }

    assertThat(status(id)).isEqualTo("GODKAND");
    assertThat(hamta("/api/rapporter/uppfoljningsrapporter/" + id + "?format=pdf"))
        .as("den godkända versionen är exakt den som skickades")
        .isEqualTo(bilagor.get(pdfNamn));
    assertThat(hamta("/api/rapporter/uppfoljningsrapporter/" + id + "?format=xlsx"))
        .isEqualTo(bilagor.get(xlsxNamn));
    ResponseHeaders rubrik = rubriker("/api/rapporter/uppfoljningsrapporter/" + id + "?format=pdf");
    assertThat(rubrik.disposition()).contains("filename=\"" + pdfNamn + "\"");

    Svar igen = api.slutfor("petra", uppgift, granskning);
    assertThat(igen.status()).isIn(400, 404, 409);
    assertThat(status(id)).isEqualTo("GODKAND");
  }

  @Test
  @DisplayName("Hela rapporten laddas ner som PDF och Excel med periodens filnamn")
  void nedladdning() throws IOException {
    Sidklient.Sida admin = Sidklient.inloggad(port, "admin").get("/statistik");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.html())
        .contains("id=\"meny-statistik\"")
        .contains("href=\"/statistik/import\"");
    assertThat(Sidklient.inloggad(port, "petra").get("/statistik").html())
        .doesNotContain("/statistik/import");
    ResponseHeaders pdf = rubriker("/api/rapporter?format=pdf&fran=2026-01-01&till=2026-03-31");
    assertThat(pdf.typ()).isEqualTo("application/pdf");
    assertThat(pdf.disposition())
        .contains("filename=\"uppfoljningsrapport-2026-01-01-2026-03-31.pdf\"");
    assertThat(pdfText(hamta("/api/rapporter?format=pdf&fran=2026-01-01&till=2026-03-31")))
        .contains("Statistik 2026-01-01 – 2026-03-31, hela förbundet");

    ResponseHeaders xlsx =
        rubriker(
            "/api/rapporter?format=xlsx&fran=2026-01-01&till=2026-03-31&insats=flerpartssamverkan");
    assertThat(xlsx.typ()).isEqualTo(RapportExcel.MEDIATYP);
    assertThat(xlsx.disposition())
        .contains("filename=\"uppfoljningsrapport-2026-01-01-2026-03-31-flerpartssamverkan.xlsx\"");
  }

  @Test
  @DisplayName(
      "Sammanställs rapporten igen ersätts utkastet, och ett upprepat jobb sparar ingen ny version")
  void sammanstallIgenErsatterUtkastet() {
    Anvandare petra = anvandare.hitta("petra").orElseThrow();
    LocalDate fran = LocalDate.of(2025, 4, 1);
    LocalDate till = LocalDate.of(2025, 6, 30);
    var forsta = rapporter.sammanstall("test-igen-1", 4711L, fran, till);
    assertThat(rapporter.sammanstall("test-igen-1", 4711L, null, null)).isEqualTo(forsta);
    assertThat(rapporter.innehall(forsta.rapportId()).delar())
        .extracting(Rapportdel::rubrik)
        .startsWith("Hela förbundet, perioden")
        .contains("Hela förbundet, året hittills");

    rapporter.granska(
        forsta.rapportId(),
        Map.of("ledtider", "Beslut dröjer, se över beredningen."),
        Uppfoljningsrapporter.SAMMANSTALL_IGEN,
        petra);
    assertThat(status(forsta.rapportId())).isEqualTo("UTKAST");
    assertThat(rapporter.innehall(forsta.rapportId()).kommentarer())
        .containsEntry("ledtider", "Beslut dröjer, se över beredningen.");

    var andra = rapporter.sammanstall("test-igen-2", 4711L, fran, till);
    assertThat(andra.rapportId()).isNotEqualTo(forsta.rapportId());
    assertThat(status(forsta.rapportId())).isEqualTo("ERSATT");
    assertThat(status(andra.rapportId())).isEqualTo("UTKAST");
    assertThatThrownBy(() -> rapporter.skicka(andra.rapportId()))
        .as("ett utkast skickas aldrig")
        .isInstanceOf(Konflikt.class);
  }

  @Test
  @DisplayName(
      "Har ingen insats någon styrgruppsadress får processledaren rapporten i stället, en gång")
  void utanStyrgruppFarProcessledarenRapporten() {
    List<InsatsRepository.Installningar> fore = insatser.allaInstallningar();
    try {
      for (InsatsRepository.Installningar i : fore) {
        insatser.sparaInstallningar(medStyrgrupp(i, List.of()));
      }
      LocalDate fran = LocalDate.of(2025, 7, 1);
      LocalDate till = LocalDate.of(2025, 9, 30);
      var s = rapporter.sammanstall("test-utan-styrgrupp", 4712L, fran, till);
      rapporter.granska(
          s.rapportId(),
          Map.of(),
          Uppfoljningsrapporter.GODKAND,
          anvandare.hitta("petra").orElseThrow());

      assertThat(rapporter.skicka(s.rapportId())).isEqualTo(1);
      assertThat(rapporter.skicka(s.rapportId())).isZero();
      JsonNode mail =
          api.vantaPaMail(
              mailTill("petra@forbund.example", "Uppföljningsrapport 2025-07-01 – 2025-09-30"));
      assertThat(mail.path("text").asText())
          .contains("Ingen insats har någon e-postadress till sin styrgrupp");
      assertThat(stream(mail.path("bilagor")).map(b -> b.path("filnamn").asText()))
          .containsExactlyInAnyOrder(
              "uppfoljningsrapport-2025-07-01-2025-09-30.pdf",
              "uppfoljningsrapport-2025-07-01-2025-09-30.xlsx");
    } finally {
      fore.forEach(insatser::sparaInstallningar);
    }
  }

  private static InsatsRepository.Installningar medStyrgrupp(
      InsatsRepository.Installningar i, List<String> epost) {
    return new InsatsRepository.Installningar(
        i.kod(),
        i.namn(),
        i.beskrivning(),
        i.maxTid(),
        i.uppfoljningKort(),
        i.uppfoljningPlan(),
        i.uppfoljningPaminnelse(),
        i.uppfoljningFrist(),
        i.gallringEfter(),
        epost,
        i.aktiv());
  }

  record ResponseHeaders(String typ, String disposition) {}

  private JsonNode vantaPaGranskning() {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                stream(api.get("petra", "/api/uppgifter?vy=grupp").kropp())
                    .filter(u -> "granska-rapport".equals(u.path("elementId").asText()))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private long antalVersioner() {
    return jdbc.sql("select count(*) from uppfoljningsrapport").query(Long.class).single();
  }

  private String status(long id) {
    return jdbc.sql("select status from uppfoljningsrapport where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private RestClient.RequestHeadersSpec<?> som(String anvandare, String sokvag) {
    return api.http()
        .get()
        .uri(sokvag)
        .header(
            HttpHeaders.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString((anvandare + ":demo").getBytes()));
  }

  private byte[] hamta(String sokvag) {
    return som("petra", sokvag).retrieve().body(byte[].class);
  }

  private ResponseHeaders rubriker(String sokvag) {
    var svar = som("petra", sokvag).retrieve().toEntity(byte[].class);
    return new ResponseHeaders(
        String.valueOf(svar.getHeaders().getContentType()),
        svar.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
  }

  private static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument dok = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(dok);
    }
  }
}
