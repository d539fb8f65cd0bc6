package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.flerpart.ApiKlient.mailTill;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;
import se.flerpart.uppfoljning.UppfoljningSteg;

/**
 * The consent scope on every way to a case's personal data: task forms, the people a form names,
 * taking and handing on tasks, a withdrawn consent, and one audit row for each read (task forms,
 * the SUS export, the embedded mail server's mails, an invitee's answer page).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SamtyckesomfangTest {

  private static final String PERSONNUMMER = "19121212-1212";
  private static final String SKAL = "Lång sjukskrivning och sömnproblem";
  private static final String SYFTE = "Planera återgången till arbete och vården framåt";
  private static final String MAL = "Arbete på halvtid inom ett år";
  private static final List<String> ALLA_PARTER = List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA");
  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcClient jdbc;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  @DisplayName(
      "Givet ett ärende före samtycket, så arbetar bara den aktualiserande parten med det, och"
          + " varje öppning av formuläret ger en rad i granskningsloggen")
  void foreSamtycketArbetarBaraDenAktualiserandeParten() {
    String id = api.aktualisera("anna", aktualisering());
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");

    Svar tillBengt = api.post("anna", url(samtycke) + "/tilldela", Map.of("anvandare", "bengt"));
    assertThat(tillBengt.status()).isEqualTo(400);
    assertThat(tillBengt.kropp().path("fel").path("anvandare").asText())
        .contains("Bengt Ek", "aktualiserande parten (Försäkringskassan)");
    assertThat(api.get("anna", url(samtycke)).kropp().path("tilldelad").asText()).isEqualTo("anna");
    for (String vem : List.of("petra", "admin")) {
      Svar formular = api.get(vem, url(samtycke) + "/formular");
      assertThat(formular.status()).as(vem).isEqualTo(403);
      assertThat(formular.kropp().toString()).as(vem).doesNotContain("121212").doesNotContain(SKAL);
    }
    int fore = lasningar(id, "anna", "LAS_FORMULAR");
    assertThat(formularData("anna", samtycke).path("personnummer").asText())
        .isEqualTo(PERSONNUMMER);
    assertThat(lasningar(id, "anna", "LAS_FORMULAR")).isEqualTo(fore + 1);
  }

  @Test
  @DisplayName(
      "Givet ett samtycke för FK och AF, så varken läser, tar eller beslutar beredningsgruppens"
          + " ledamöter från andra parter ärendet, och en ärendebärare utanför samtycket är ett"
          + " fältfel")
  void beredningsgruppenUtanforSamtycketVarkenLaserEllerBeslutar() {
    String id = api.aktualisera("anna", aktualisering());
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(api.slutfor("anna", samtycke, samtyckeJa(List.of("FK", "AF"))).status())
        .isEqualTo(200);

    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    for (String vem : List.of("david", "cecilia")) {
      Svar utanfor = api.get(vem, url(beredning) + "/formular");
      assertThat(utanfor.status()).as(vem).isEqualTo(403);
      assertThat(utanfor.kropp().path("meddelande").asText())
          .as(vem)
          .contains("ingår inte i samtycket för ärende", "nytt samtycke");
      assertThat(utanfor.kropp().toString()).as(vem).doesNotContain(SKAL);
      assertThat(api.post(vem, url(beredning) + "/tilldela", Map.of("anvandare", vem)).status())
          .as(vem)
          .isEqualTo(403);
      assertThat(api.slutfor(vem, beredning, Map.of("beslut", "NEJ", "motivering", "m")).status())
          .as(vem)
          .isEqualTo(403);
    }
    Svar tillDavid = api.post("bengt", url(beredning) + "/tilldela", Map.of("anvandare", "david"));
    assertThat(tillDavid.status()).isEqualTo(400);
    assertThat(tillDavid.kropp().path("fel").path("anvandare").asText())
        .contains("REGION ingår inte i samtycket");
    assertThat(api.get("bengt", url(beredning)).kropp().has("tilldelad")).isFalse();

    // The beredning's motivering reaches the referrer only.
    assertThat(
            api.slutfor(
                    "bengt",
                    beredning,
                    Map.of("beslut", "KOMPLETTERA", "motivering", "Beskriv vårdkontakterna"))
                .status())
        .isEqualTo(200);
    JsonNode komplettera = api.vantaPaUppgift("anna", "mina", id, "komplettera-aktualisering");
    for (String vem : List.of("petra", "admin")) {
      Svar nekad = api.get(vem, url(komplettera) + "/formular");
      assertThat(nekad.status()).as(vem).isEqualTo(403);
      assertThat(nekad.kropp().toString()).as(vem).doesNotContain("vårdkontakterna");
    }
    assertThat(formularData("anna", komplettera).path("motivering").asText())
        .isEqualTo("Beskriv vårdkontakterna");
    assertThat(
            api.slutfor("anna", komplettera, Map.of("komplettering", "Vårdcentral varje månad"))
                .status())
        .isEqualTo(200);

    beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    JsonNode handlaggare = formularData("bengt", beredning).path("handlaggare");
    assertThat(etikett(handlaggare, "david")).endsWith("– utanför samtycket");
    assertThat(etikett(handlaggare, "anna")).isEqualTo("Anna Lind (Försäkringskassan)");
    Svar davidBarare =
        api.slutfor(
            "bengt",
            beredning,
            Map.of("beslut", "JA", "motivering", "Flera parter", "arendebarare", "david"));
    assertThat(davidBarare.status()).isEqualTo(400);
    assertThat(davidBarare.kropp().path("fel").path("arendebarare").asText())
        .contains("David Holm", "ingår inte i ärendets samtycke", "nytt samtycke");
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("BEREDNING");
    assertThat(api.hittaUppgift("bengt", "grupp", id, "bered-arende")).isPresent();
  }

  @Test
  @DisplayName(
      "Givet ett samtycke för FK och AF, så går kallelsen inte till en part utanför samtycket och"
          + " leds inte av en ordförande utanför det")
  void kallelsenGarInteUtanforSamtycket() {
    String id = beviljat(List.of("FK", "AF"));
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

    Svar utanfor =
        api.slutfor(
            "anna",
            kallelse,
            kallelse(
                motesTid,
                List.of(
                    deltagare("Bengt Ek", "bengt@af.example", "AF"),
                    deltagare("David Holm", "david@region.example", "REGION"))));

    assertThat(utanfor.status()).isEqualTo(400);
    JsonNode fel = utanfor.kropp().path("fel");
    assertThat(fel.path("ordforande").asText())
        .startsWith("Ordförande: Cecilia Berg (Uppsala kommun)")
        .contains("Uppsala kommun ingår inte i ärendets samtycke", "nytt samtycke");
    assertThat(fel.path("deltagare[1].part").asText())
        .startsWith("Deltagare 2: part (yrkesperson) – ")
        .contains("Region Uppsala", "ingår inte i ärendets samtycke", "nytt samtycke");
    assertThat(fel.has("deltagare[0].part")).isFalse();
    JsonNode data = formularData("anna", kallelse);
    assertThat(etikett(data.path("parter"), "REGION")).endsWith("– utanför samtycket");
    assertThat(etikett(data.path("parter"), "AF")).isEqualTo("Arbetsförmedlingen");
    assertThat(etikett(data.path("ordforandeAlternativ"), "cecilia"))
        .endsWith("– utanför samtycket");
    assertThat(api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten")).isEmpty();
    assertThat(api.hittaUppgift("anna", "mina", id, "forbered-kallelse")).isPresent();
  }

  @Test
  @DisplayName("Givet 31 kallade till ett möte, så är deltagarlistan ett fältfel och inget kallas")
  void enKallelseHarHogst30Deltagare() {
    String id = beviljat(ALLA_PARTER);
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);

    Svar forManga = api.slutfor("anna", kallelse, kallelse(motesTid, manga(31)));

    assertThat(forManga.status()).isEqualTo(400);
    assertThat(forManga.kropp().path("fel").path("deltagare").asText())
        .isEqualTo("Deltagare: ett flerpartsmöte kan ha högst 30 kallade (31 angivna)");
    assertThat(api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten")).isEmpty();
    assertThat(api.slutfor("anna", kallelse, kallelse(motesTid, manga(30))).status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Givet ett möte och en plan, så ser processledaren och administratören varken syftet eller"
          + " planen i något formulär; ordföranden och ärendebäraren gör det")
  void motetOchPlanenVisasBaraInomSamtycket() {
    String id = beviljat(ALLA_PARTER);
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    assertThat(
            api.slutfor(
                    "anna",
                    kallelse,
                    kallelse(motesTid, List.of(deltagare("Bengt Ek", "bengt@af.example", "AF"))))
                .status())
        .isEqualTo(200);
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT3H")).status())
        .isEqualTo(200);

    JsonNode mote = api.vantaPaUppgift("cecilia", "mina", id, "genomfor-mote");
    for (String vem : List.of("petra", "admin")) {
      Svar nekad = api.get(vem, url(mote) + "/formular");
      assertThat(nekad.status()).as(vem).isEqualTo(403);
      assertThat(nekad.kropp().toString()).as(vem).doesNotContain(SYFTE).doesNotContain("Bengt");
    }
    assertThat(html("petra", "/uppgifter/" + mote.path("id").asText()))
        .contains("Formuläret visas inte")
        .doesNotContain("id=\"formular\"");
    int fore = lasningar(id, "cecilia", "LAS_FORMULAR");
    assertThat(formularData("cecilia", mote).path("syfte").asText()).isEqualTo(SYFTE);
    assertThat(lasningar(id, "cecilia", "LAS_FORMULAR")).isEqualTo(fore + 1);
    LocalDate idag = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
    assertThat(
            api.slutfor(
                    "cecilia",
                    mote,
                    Map.of(
                        "narvaro", List.of(Map.of("epost", "bengt@af.example", "narvarande", true)),
                        "plan",
                            Map.of(
                                "mal", MAL,
                                "atgarder",
                                    List.of(
                                        Map.of(
                                            "beskrivning", "Arbetsprövning på lager",
                                            "ansvarigPart", "AF",
                                            "ansvarig", "Bengt Ek",
                                            "senast", idag.plusMonths(1).toString())),
                                "uppfoljningsdatum", idag.plusMonths(2).toString())))
                .status())
        .isEqualTo(200);

    JsonNode uppfoljning = UppfoljningSteg.vantaPaUppfoljning(api, id, "anna");
    for (String vem : List.of("petra", "admin")) {
      Svar nekad = api.get(vem, url(uppfoljning) + "/formular");
      assertThat(nekad.status()).as(vem).isEqualTo(403);
      assertThat(nekad.kropp().toString()).as(vem).doesNotContain(MAL).doesNotContain("lager");
    }
    assertThat(formularData("anna", uppfoljning).path("planMal").asText()).isEqualTo(MAL);
  }

  @Test
  @DisplayName(
      "Givet en skickad kallelse, så ger varje visning av svarssidan, av inbyggda mail och av"
          + " SUS-exporten med personnummer en rad i granskningsloggen")
  void svarssidaMailOchSusExportLoggas() {
    String id = beviljat(ALLA_PARTER);
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
    assertThat(
            api.slutfor(
                    "anna",
                    kallelse,
                    kallelse(motesTid, List.of(deltagare("Bengt Ek", "bengt@af.example", "AF"))))
                .status())
        .isEqualTo(200);
    String token = token(api.vantaPaMail(kallelseTill("bengt@af.example", nummer)));

    // The answer page names the invitee and the syfte; the invitee is not logged in.
    Svar inbjudan = api.get(null, "/api/kallelsesvar/" + token);
    assertThat(inbjudan.kropp().path("syfte").asText()).isEqualTo(SYFTE);
    String kallad = "kallad:" + inbjudan.kropp().path("kallelseId").asText();
    assertThat(lasningar(id, kallad, "LAS_KALLELSE")).isEqualTo(1);
    assertThat(html(null, "/svar/" + token)).contains(SYFTE, "Bengt Ek");
    assertThat(lasningar(id, kallad, "LAS_KALLELSE")).isEqualTo(2);

    // The embedded mail server's mails name the invitees and the syfte: the administrator alone
    // reads them, and each read is logged.
    int foreMail = lasningar(id, "admin", "LAS_MAIL");
    assertThat(api.get("admin", "/api/dev/mail").kropp().toString()).contains(SYFTE);
    assertThat(lasningar(id, "admin", "LAS_MAIL")).isEqualTo(foreMail + 1);
    assertThat(html("admin", "/dev/mail")).contains("ärende " + nummer);
    assertThat(lasningar(id, "admin", "LAS_MAIL")).isEqualTo(foreMail + 2);
    for (String annan : List.of("anna", "petra", "sara")) {
      Svar nekad = api.get(annan, "/api/dev/mail");
      assertThat(nekad.status()).isEqualTo(403);
      assertThat(nekad.kropp().toString()).doesNotContain(SYFTE);
      assertThat(lasningar(id, annan, "LAS_MAIL")).isZero();
    }

    // The deltagaransvarig's export shows the personnummer: one row per person in it.
    JsonNode rad =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    ApiKlient.stream(api.get("petra", "/api/sus/registreringar").kropp())
                        .filter(r -> nummer.equals(r.path("arendenummer").asText()))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(rad.has("personnummer")).isFalse();
    assertThat(lasningar(id, "petra", "LAS_SUS_EXPORT")).isZero();
    int foreExport = lasningar(id, "sara", "LAS_SUS_EXPORT");
    JsonNode saras =
        ApiKlient.stream(api.get("sara", "/api/sus/registreringar").kropp())
            .filter(r -> nummer.equals(r.path("arendenummer").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(saras.path("personnummer").asText()).isEqualTo(PERSONNUMMER);
    assertThat(lasningar(id, "sara", "LAS_SUS_EXPORT")).isEqualTo(foreExport + 1);
  }

  @Test
  @DisplayName(
      "Givet ett återkallat samtycke, så ser den aktualiserande parten att ärendet fanns men läser"
          + " inga personuppgifter: varken på ärendet, i formulär, i mötet eller via svarslänken")
  void efterAterkallatSamtyckeLasesIngaPersonuppgifter() {
    String id = api.aktualisera("anna", aktualisering());
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(api.slutfor("anna", samtycke, samtyckeJa(ALLA_PARTER)).status()).isEqualTo(200);
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    assertThat(
            api.slutfor(
                    "bengt",
                    beredning,
                    Map.of("beslut", "JA", "motivering", "Flera parter", "arendebarare", "anna"))
                .status())
        .isEqualTo(200);
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
    assertThat(
            api.slutfor(
                    "anna",
                    kallelse,
                    kallelse(motesTid, List.of(deltagare("Bengt Ek", "bengt@af.example", "AF"))))
                .status())
        .isEqualTo(200);
    String token = token(api.vantaPaMail(kallelseTill("bengt@af.example", nummer)));
    assertThat(api.arende("anna", id).path("personnummer").asText()).isEqualTo(PERSONNUMMER);

    Svar aterkallat =
        api.post("anna", "/api/arenden/" + id + "/aterkalla-samtycke", Map.of("hur", "MUNTLIGT"));
    assertThat(aterkallat.status()).isEqualTo(200);
    assertThat(aterkallat.kropp().toString()).doesNotContain("121212").doesNotContain(SKAL);
    int fore = allaLasningar(id);

    // The fact of the referral remains for the referring part; the details do not.
    JsonNode arende = api.arende("anna", id);
    assertThat(arende.path("arendenummer").asText()).isEqualTo(nummer);
    assertThat(arende.path("insatsNamn").asText()).isEqualTo("Flerpartssamverkan");
    assertThat(arende.path("status").asText()).isEqualTo("AVBRUTET_SAMTYCKE_ATERKALLAT");
    assertThat(arende.path("skapad").asText()).isNotBlank();
    assertThat(arende.path("avslutadTid").asText()).isNotBlank();
    assertThat(arende.path("personuppgifterDolda").asBoolean()).isTrue();
    assertThat(arende.has("personnummer")).isFalse();
    assertThat(arende.has("skal")).isFalse();
    assertThat(arende.has("behov")).isFalse();
    assertThat(html("anna", "/arenden/" + id))
        .contains(nummer, "samtycket är återkallat")
        .doesNotContain("121212")
        .doesNotContain(SKAL)
        .doesNotContain(SYFTE);
    JsonNode moten = api.get("anna", "/api/moten?arendeId=" + id).kropp();
    assertThat(moten.path("moten")).hasSize(1);
    assertThat(moten.toString()).doesNotContain(SYFTE);
    Svar formular = api.get("anna", url(samtycke) + "/formular");
    assertThat(formular.status()).isEqualTo(403);
    assertThat(formular.kropp().path("meddelande").asText()).contains("återkallat");
    assertThat(formular.kropp().toString()).doesNotContain("121212");
    for (String vem : List.of("bengt", "cecilia", "david")) {
      assertThat(api.arende(vem, id).toString()).as(vem).doesNotContain("121212");
    }
    Svar svarslank = api.get(null, "/api/kallelsesvar/" + token);
    assertThat(svarslank.status()).isEqualTo(410);
    assertThat(svarslank.kropp().toString()).doesNotContain(SYFTE);
    assertThat(allaLasningar(id)).isEqualTo(fore);
  }

  // ---------------------------------------------------------------- hjälpmetoder

  private static Map<String, Object> aktualisering() {
    return Map.of(
        "personnummer",
        PERSONNUMMER,
        "insats",
        "flerpartssamverkan",
        "skal",
        SKAL,
        "behov",
        List.of("FK", "AF"));
  }

  /** A new case through samtycke for the parts and beredning Ja with anna as ärendebärare. */
  @Test
  @DisplayName(
      "Givet ett ärende med samtycke för FK och AF, så visar ärendesidan parternas och"
          + " användarnas namn, aldrig koderna eller användar-id:n")
  void arendesidanVisarNamnIStalletForKoder() {
    String id = beviljat(List.of("FK", "AF"));
    api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");

    String html = Sidklient.inloggad(port, "anna").get("/arenden/" + id).html();

    assertThat(html)
        .contains("<dt>Aktualiserande part</dt><dd>Försäkringskassan</dd>")
        .contains("Ja – Försäkringskassan, Arbetsförmedlingen")
        .contains("Aktualisering registrerad av Anna Lind (Försäkringskassan)")
        .contains("tilldelad Anna Lind")
        .contains("(Anna Lind)")
        .doesNotContain(">FK<")
        .doesNotContain("Ja – FK")
        .doesNotContain(">FK, ")
        .doesNotContain("(FK)")
        .doesNotContain("tilldelad anna")
        .doesNotContain("(anna)");
  }

  private String beviljat(List<String> parter) {
    String id = api.aktualisera("anna", aktualisering());
    ArendeSteg.beviljat(api, id, "anna", parter, true, "anna");
    return id;
  }

  private static Map<String, Object> samtyckeJa(List<String> parter) {
    return ArendeSteg.samtyckeJa(parter, true);
  }

  private static Map<String, Object> kallelse(
      Instant motesTid, List<Map<String, Object>> deltagare) {
    Map<String, Object> data = new HashMap<>();
    data.put("syfte", SYFTE);
    data.put("motesTid", motesTid.atOffset(ZoneOffset.UTC).toString());
    data.put("plats", "Kontaktcenter");
    data.put("ordforande", "cecilia");
    data.put("deltagare", deltagare);
    return data;
  }

  private static Map<String, Object> deltagare(String namn, String epost, String part) {
    return Map.of("namn", namn, "epost", epost, "roll", "PROFESSIONELL", "part", part);
  }

  private static List<Map<String, Object>> manga(int antal) {
    return IntStream.range(0, antal)
        .mapToObj(i -> deltagare("Person " + i, "person" + i + "@af.example", "AF"))
        .toList();
  }

  private static String url(JsonNode uppgift) {
    return "/api/uppgifter/" + uppgift.path("id").asText();
  }

  private JsonNode formularData(String anvandare, JsonNode uppgift) {
    Svar svar = api.get(anvandare, url(uppgift) + "/formular");
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    return svar.kropp().path("data");
  }

  /** The label of an option in a form's option list. */
  private static String etikett(JsonNode alternativ, String varde) {
    return ApiKlient.stream(alternativ)
        .filter(a -> varde.equals(a.path("value").asText()))
        .findFirst()
        .orElseThrow()
        .path("label")
        .asText();
  }

  private int lasningar(String arendeId, String vem, String handling) {
    return jdbc.sql(
            "select count(*) from granskningslogg"
                + " where arende_id = ?::uuid and anvandare_id = ? and handling = ?")
        .params(arendeId, vem, handling)
        .query(Integer.class)
        .single();
  }

  private int allaLasningar(String arendeId) {
    return jdbc.sql("select count(*) from granskningslogg where arende_id = ?::uuid")
        .param(arendeId)
        .query(Integer.class)
        .single();
  }

  /** The kallelse mail to the address about the case. */
  private static Predicate<JsonNode> kallelseTill(String epost, String arendenummer) {
    return m ->
        mailTill(epost, "ärende " + arendenummer).test(m)
            && m.path("amne").asText().startsWith("Kallelse till flerpartsmöte");
  }

  private static String token(JsonNode mail) {
    Matcher m = MotesSteg.SVARSLANK.matcher(mail.path("text").asText());
    assertThat(m.find()).as("svarslänk i mailet").isTrue();
    return m.group(1);
  }

  private String html(String anvandare, String sokvag) {
    var anrop = RestClient.create().get().uri("http://localhost:" + port + sokvag);
    if (anvandare != null) {
      anrop =
          anrop.header(
              HttpHeaders.AUTHORIZATION,
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return anrop.retrieve().body(String.class);
  }
}
