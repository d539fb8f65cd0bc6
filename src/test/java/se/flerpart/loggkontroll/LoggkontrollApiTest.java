package se.flerpart.loggkontroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.Sidklient.Sida;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * The logggranskare (lena) sees who read a person's data: found by personnummer, a search that is
 * itself audited; per user and period; as Excel; with a flag on every read outside the consent in
 * force, of which normal work makes none.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class LoggkontrollApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AnvandareRepository anvandare;
  @Autowired Clock klocka;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  /** A valid personnummer no other test uses, so the search finds only this test's case. */
  static String nyttPersonnummer() {
    ThreadLocalRandom slump = ThreadLocalRandom.current();
    LocalDate fodd = LocalDate.of(1940, 1, 1).plusDays(slump.nextInt(20_000));
    String nio =
        String.format(
            "%02d%02d%02d%03d",
            fodd.getYear() % 100, fodd.getMonthValue(), fodd.getDayOfMonth(), slump.nextInt(1000));
    int summa = 0;
    for (int i = 0; i < 9; i++) {
      int siffra = (nio.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      summa += siffra > 9 ? siffra - 9 : siffra;
    }
    int kontroll = (10 - summa % 10) % 10;
    return fodd.getYear() / 100 + nio.substring(0, 6) + "-" + nio.substring(6) + kontroll;
  }

  /** anna refers, the person consents for FK and AF; anna and bengt read the case. */
  private String arendeMedLasningar(String personnummer) {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                personnummer,
                "insats",
                "flerpartssamverkan",
                "skal",
                "Lång sjukskrivning",
                "behov",
                List.of("FK", "AF")));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(
            api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), false))
                .status())
        .isEqualTo(200);
    vantaPaSamtycke(id, "JA");
    assertThat(api.arende("anna", id).path("personnummer").asText()).isEqualTo(personnummer);
    assertThat(api.arende("bengt", id).path("personnummer").asText()).isEqualTo(personnummer);
    return id;
  }

  private void vantaPaSamtycke(String arendeId, String samtycke) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "select count(*) from loggkontroll_samtycke"
                            + " where arende_id = ?::uuid and samtycke = ?")
                    .params(arendeId, samtycke)
                    .query(Long.class)
                    .single(),
            n -> n == 1);
  }

  private Svar sok(String vem, Map<String, Object> urval) {
    return api.post(vem, "/api/loggkontroll/sok", urval);
  }

  @Test
  void lenaSokerPaPersonnummerOchSerVemSomLasteUtanFlaggor() {
    String personnummer = nyttPersonnummer();
    String id = arendeMedLasningar(personnummer);
    String arendenummer = api.arende("anna", id).path("arendenummer").asText();

    Svar svar = sok("lena", Map.of("personnummer", personnummer));
    assertThat(svar.status()).isEqualTo(200);
    JsonNode resultat = svar.kropp();
    assertThat(ApiKlient.stream(resultat.path("arenden")).map(JsonNode::asText))
        .containsExactly(arendenummer);
    List<JsonNode> rader = ApiKlient.stream(resultat.path("rader")).toList();
    assertThat(rader)
        .filteredOn(r -> r.path("handling").asText().equals("LAS_PERSONUPPGIFTER"))
        .extracting(r -> r.path("anvandare").asText() + "/" + r.path("part").asText())
        .contains("anna/FK", "bengt/AF")
        .doesNotContain("lena/FORBUND");
    assertThat(rader)
        .allSatisfy(r -> assertThat(r.path("arendenummer").asText()).isEqualTo(arendenummer));
    assertThat(rader).noneMatch(r -> r.path("flaggad").asBoolean());
    assertThat(resultat.path("antalFlaggade").asLong()).as("normal drift").isZero();

    // The search itself is in the audit log of the person's case, and shows in the next search.
    assertThat(
            jdbc.sql(
                    "select count(*) from granskningslogg where arende_id = ?::uuid"
                        + " and anvandare_id = 'lena' and handling = 'LOGGKONTROLL_SOKNING'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    JsonNode igen = sok("lena", Map.of("personnummer", personnummer.replace("-", ""))).kropp();
    assertThat(ApiKlient.stream(igen.path("rader")))
        .anySatisfy(
            r -> {
              assertThat(r.path("anvandare").asText()).isEqualTo("lena");
              assertThat(r.path("handlingText").asText())
                  .isEqualTo("Loggkontroll: sökte fram personens ärenden");
              assertThat(r.path("flaggad").asBoolean()).isFalse();
            });

    // Per user and period.
    String idag =
        LocalDate.now(klocka.withZone(se.flerpart.arende.ArendeService.SVERIGE)).toString();
    JsonNode bengts = sok("lena", Map.of("anvandare", "bengt", "fran", idag, "till", idag)).kropp();
    assertThat(ApiKlient.stream(bengts.path("rader")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path("anvandare").asText()).isEqualTo("bengt"))
        .anySatisfy(r -> assertThat(r.path("arendenummer").asText()).isEqualTo(arendenummer));
    JsonNode igar =
        sok(
                "lena",
                Map.of("anvandare", "bengt", "till", LocalDate.parse(idag).minusDays(1).toString()))
            .kropp();
    assertThat(ApiKlient.stream(igar.path("rader")))
        .noneMatch(r -> r.path("arendenummer").asText().equals(arendenummer));
  }

  @Test
  void baraLogggranskarenSerGranskningsloggenOchHonSerIngaArendeuppgifter() {
    for (String vem : List.of("petra", "anna", "admin", "sara")) {
      Svar svar = sok(vem, Map.of("personnummer", "19121212-1212"));
      assertThat(svar.status()).as(vem).isEqualTo(403);
      assertThat(svar.kropp().path("meddelande").asText())
          .isEqualTo("Bara logggranskare kan läsa granskningsloggen.");
      assertThat(api.post(vem, "/api/loggkontroll/export", Map.of()).status()).isEqualTo(403);
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from granskningslogg where handling like 'LOGGKONTROLL%'"
                        + " and anvandare_id in ('petra', 'anna', 'admin', 'sara')")
                .query(Long.class)
                .single())
        .isZero();
    Sida petra = Sidklient.inloggad(port, "petra").get("/loggkontroll");
    assertThat(petra.status()).isEqualTo(403);
    assertThat(petra.html()).contains("Bara logggranskare kan läsa granskningsloggen.");

    Anvandare lena = anvandare.hitta("lena").orElseThrow();
    assertThat(lena.roller()).containsExactly(Anvandare.LOGGGRANSKARE);
    assertThat(lena.part()).isEqualTo("FORBUND");
    assertThat(lena.arUtanPersonuppgifter()).isTrue();
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                nyttPersonnummer(),
                "insats",
                "flerpartssamverkan",
                "skal",
                "x",
                "behov",
                List.of("FK")));
    assertThat(api.get("lena", "/api/arenden/" + id).status()).isEqualTo(403);
    assertThat(ApiKlient.stream(api.get("lena", "/api/arenden").kropp()))
        .noneMatch(a -> a.path("id").asText().equals(id));
  }

  @Test
  void felaktigtUrvalGerSvensktFaltfelOchLoggarIngenting() {
    // Lena's rows only: other tests' work in the same application may log reads meanwhile.
    long fore = lenasRader();
    Svar fel =
        sok(
            "lena",
            Map.of(
                "personnummer", "19121212-1213",
                "anvandare", "ingen-sadan",
                "fran", "1 januari",
                "till", "2026-13-01"));
    assertThat(fel.status()).isEqualTo(400);
    JsonNode falt = fel.kropp().path("fel");
    assertThat(falt.path("personnummer").asText())
        .isEqualTo("Personnumrets kontrollsiffra stämmer inte");
    assertThat(falt.path("anvandare").asText()).isEqualTo("Användaren ingen-sadan finns inte");
    assertThat(falt.path("fran").asText()).isEqualTo("Ange datum som ÅÅÅÅ-MM-DD");
    assertThat(falt.path("till").asText()).isEqualTo("Ange datum som ÅÅÅÅ-MM-DD");
    assertThat(
            sok("lena", Map.of("fran", "2026-05-02", "till", "2026-05-01"))
                .kropp()
                .path("fel")
                .path("till")
                .asText())
        .isEqualTo("Till-datumet ligger före från-datumet");
    assertThat(lenasRader()).isEqualTo(fore);

    Sidklient sida = Sidklient.inloggad(port, "lena");
    assertThat(sida.get("/loggkontroll").html())
        .contains("id=\"meny-loggkontroll\"")
        .contains("Visar alla läsningar de senaste 30 dagarna");
    Sida svar = sida.post("/loggkontroll", Map.of("personnummer", "12345"));
    assertThat(svar.status()).isEqualTo(200);
    assertThat(svar.html())
        .contains("Sökningen kunde inte göras")
        .contains("Personnummer: Personnumret ska ha 12 siffror (ÅÅÅÅMMDD-NNNN)");
  }

  @Test
  void lasningarUtanforSamtycketOchEfterAterkallelseFlaggas() {
    String personnummer = nyttPersonnummer();
    String id = arendeMedLasningar(personnummer);
    assertThat(
            sok("lena", Map.of("personnummer", personnummer))
                .kropp()
                .path("antalFlaggade")
                .asLong())
        .isZero();

    // A constructed bad read: David (Region) is outside the scope FK, AF.
    laggIn("david", id, klocka.instant());
    JsonNode resultat = sok("lena", Map.of("personnummer", personnummer)).kropp();
    assertThat(resultat.path("antalFlaggade").asLong()).isEqualTo(1);
    JsonNode flaggad =
        ApiKlient.stream(resultat.path("rader"))
            .filter(r -> r.path("flaggad").asBoolean())
            .findFirst()
            .orElseThrow();
    assertThat(flaggad.path("anvandare").asText()).isEqualTo("david");
    assertThat(flaggad.path("part").asText()).isEqualTo("REGION");
    assertThat(flaggad.path("orsak").asText())
        .isEqualTo(
            "Läst av Region Uppsala, som inte ingår i samtycket (Försäkringskassan, Arbetsförmedlingen)");
    JsonNode bara = sok("lena", Map.of("personnummer", personnummer, "baraFlaggade", true)).kropp();
    assertThat(ApiKlient.stream(bara.path("rader")).map(r -> r.path("anvandare").asText()))
        .containsExactly("david");

    // After the consent is withdrawn, a read by the referrer herself is flagged too.
    assertThat(
            api.post(
                    "anna",
                    "/api/arenden/" + id + "/aterkalla-samtycke",
                    Map.of("hur", "SKRIFTLIGT"))
                .status())
        .isEqualTo(200);
    vantaPaSamtycke(id, "ATERKALLAT");
    laggIn("anna", id, klocka.instant().plusSeconds(1));
    JsonNode efter =
        sok("lena", Map.of("personnummer", personnummer, "baraFlaggade", true)).kropp();
    assertThat(ApiKlient.stream(efter.path("rader")).map(r -> r.path("orsak").asText()))
        .contains(
            "Läst efter att samtycket återkallades",
            "Läst av Region Uppsala, som inte ingår i samtycket (Försäkringskassan, Arbetsförmedlingen)");

    Sidklient lena = Sidklient.inloggad(port, "lena");
    lena.get("/loggkontroll");
    Sida sida = lena.post("/loggkontroll", Map.of("personnummer", personnummer));
    assertThat(sida.html())
        .contains("David Holm")
        .contains("Flaggad: Läst av Region Uppsala")
        .doesNotContain("Läst av REGION")
        .contains("class=\"flaggad\"");
  }

  @Test
  void exportenArEnExcelfilMedLasningarna() throws IOException {
    String personnummer = nyttPersonnummer();
    String id = arendeMedLasningar(personnummer);
    String arendenummer = api.arende("anna", id).path("arendenummer").asText();

    byte[] fil =
        api.http()
            .post()
            .uri("/api/loggkontroll/export")
            .header(HttpHeaders.AUTHORIZATION, basic("lena"))
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("personnummer", personnummer))
            .exchange(
                (req, res) -> {
                  assertThat(res.getStatusCode().value()).isEqualTo(200);
                  assertThat(res.getHeaders().getContentType().toString())
                      .isEqualTo(
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                  assertThat(res.getHeaders().getContentDisposition().getFilename())
                      .startsWith("granskningslogg-")
                      .endsWith(".xlsx");
                  return res.getBody().readAllBytes();
                });
    List<List<String>> rader = lasExcel(fil);
    assertThat(rader.get(0))
        .containsExactly(
            "Tid",
            "Användar-id",
            "Namn",
            "Part vid läsningen",
            "Ärende",
            "Handling",
            "Flaggad",
            "Orsak till flaggan");
    Map<String, List<String>> perAnvandare = new HashMap<>();
    for (List<String> r : rader.subList(1, rader.size())) {
      if (r.get(5).equals("Läste ärendets personuppgifter")) {
        perAnvandare.put(r.get(1), r);
      }
    }
    assertThat(perAnvandare).containsKeys("anna", "bengt");
    assertThat(perAnvandare.get("bengt").subList(2, 7))
        .containsExactly(
            "Bengt Ek",
            "Arbetsförmedlingen",
            arendenummer,
            "Läste ärendets personuppgifter",
            "Nej");
    assertThat(
            rader.stream().map(r -> r.get(0)).collect(Collectors.toList()).subList(1, rader.size()))
        .allSatisfy(t -> assertThat(t).isNotBlank());
    assertThat(
            jdbc.sql(
                    "select count(*) from granskningslogg where arende_id = ?::uuid"
                        + " and anvandare_id = 'lena' and handling = 'LOGGKONTROLL_EXPORT'")
                .param(id)
                .query(Long.class)
                .single())
        .as("exporten av en persons läsningar loggas")
        .isEqualTo(1);

    Sidklient lena = Sidklient.inloggad(port, "lena");
    lena.get("/loggkontroll");
    HttpResponse<byte[]> fran =
        lena.postFil("/loggkontroll/export.xlsx", Map.of("anvandare", "bengt"));
    assertThat(fran.statusCode()).isEqualTo(200);
    assertThat(lasExcel(fran.body()).subList(1, lasExcel(fran.body()).size()))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("bengt"));
  }

  private void laggIn(String anvandareId, String arendeId, java.time.Instant tid) {
    jdbc.sql(
            "insert into granskningslogg (tid, anvandare_id, arende_id, handling)"
                + " values (?, ?, ?::uuid, 'LAS_PERSONUPPGIFTER')")
        .params(Timestamp.from(tid), anvandareId, arendeId)
        .update();
  }

  private static List<List<String>> lasExcel(byte[] fil) throws IOException {
    try (ReadableWorkbook bok = new ReadableWorkbook(new ByteArrayInputStream(fil))) {
      try (var rader = bok.getFirstSheet().openStream()) {
        return rader
            .map(
                (Row r) ->
                    java.util.stream.IntStream.range(0, 8)
                        .mapToObj(i -> r.getOptionalCell(i).map(Cell::getText).orElse(""))
                        .toList())
            .toList();
      }
    }
  }

  private static String basic(String anvandare) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (anvandare + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private long lenasRader() {
    return jdbc.sql("select count(*) from granskningslogg where anvandare_id = 'lena'")
        .query(Long.class)
        .single();
  }
}
