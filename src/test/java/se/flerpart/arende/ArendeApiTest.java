package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.flerpart.ApiKlient.mailTill;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppfoljning.UppfoljningSteg;
import se.flerpart.uppgift.UppgiftService;

/**
 * A case from aktualisering to avslut through the REST API, on the whole application with its
 * embedded engine, PostgreSQL and SMTP server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ArendeApiTest {

  static final List<String> ALLA_PARTER = List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA");

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcClient jdbc;
  @Autowired UppgiftService uppgifter;
  @Autowired AnvandareRepository anvandare;
  @Autowired MailUtkorg utkorg;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  static Map<String, Object> aktualisering(String personnummer) {
    return Map.of(
        "personnummer",
        personnummer,
        "insats",
        "flerpartssamverkan",
        "skal",
        "Lång sjukskrivning, behöver stöd från flera parter",
        "behov",
        List.of("FK", "AF"));
  }

  static Map<String, Object> samtyckeJa(List<String> parter) {
    return ArendeSteg.samtyckeJa(parter, true);
  }

  /** Registers a case and takes it through samtycke JA to an open bered-arende. */
  String iBeredning(List<String> samtyckeParter) {
    String id = api.aktualisera("anna", aktualisering("19121212-1212"));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(api.slutfor("anna", samtycke, samtyckeJa(samtyckeParter)).status()).isEqualTo(200);
    api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    return id;
  }

  @Test
  void ettArendeFranAktualiseringTillAvslut() {
    Svar skapat = api.post("anna", "/api/arenden", aktualisering("19121212-1212"));
    assertThat(skapat.status()).isEqualTo(201);
    String id = skapat.kropp().path("id").asText();
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("SAMTYCKE");

    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(samtycke.path("tilldelad").asText()).isEqualTo("anna");
    assertThat(samtycke.path("formularId").asText()).isEqualTo("inhamta-samtycke");
    assertThat(samtycke.path("forfallodatum").isTextual()).isTrue();
    JsonNode iListan =
        ApiKlient.stream(api.get("anna", "/api/arenden").kropp())
            .filter(a -> id.equals(a.path("id").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(iListan.path("insatsNamn").asText()).isEqualTo("Flerpartssamverkan");
    assertThat(iListan.path("aktualiseradAvNamn").asText()).isEqualTo("Anna Lind");
    assertThat(ApiKlient.stream(iListan.path("uppgifter")).map(u -> u.path("elementId").asText()))
        .containsExactly("inhamta-samtycke");
    assertThat(iListan.has("personnummer")).isFalse();
    assertThat(api.slutfor("anna", samtycke, samtyckeJa(ALLA_PARTER)).status()).isEqualTo(200);

    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    assertThat(beredning.path("kandidatgrupper").toString())
        .contains("beredning-flerpartssamverkan");
    JsonNode formular =
        api.get("bengt", "/api/uppgifter/" + beredning.path("id").asText() + "/formular").kropp();
    assertThat(formular.path("schema").path("id").asText()).isEqualTo("bered-arende");
    assertThat(formular.path("data").path("vagledning").path("utfall").asText()).isEqualTo("JA");

    Svar tagen =
        api.post(
            "bengt",
            "/api/uppgifter/" + beredning.path("id").asText() + "/tilldela",
            Map.of("anvandare", "bengt"));
    assertThat(tagen.status()).isEqualTo(200);
    assertThat(tagen.kropp().path("tilldelad").asText()).isEqualTo("bengt");
    assertThat(api.hittaUppgift("bengt", "mina", id, "bered-arende")).isPresent();
    Svar beslut =
        api.slutfor(
            "bengt",
            beredning,
            Map.of("beslut", "JA", "motivering", "Behov hos flera parter", "arendebarare", "anna"));
    assertThat(beslut.status()).isEqualTo(200);

    String arendenummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode aterkoppling = api.vantaPaMail(mailTill("anna@fk.example", arendenummer + ": beslut"));
    assertThat(aterkoppling.path("text").asText())
        .contains("Beredningsgruppen beslutade Ja")
        .doesNotContain("19121212");

    MotesSteg.genomfor(api, motor, id, "anna");
    JsonNode avslut = UppfoljningSteg.tillAvslut(api, id, "anna");
    assertThat(api.slutfor("anna", avslut, Map.of("avslutsorsak", "STUDIER")).status())
        .isEqualTo(200);
    JsonNode arende = api.arende("anna", id);
    assertThat(arende.path("status").asText()).isEqualTo("AVSLUTAT");
    assertThat(arende.path("avslutsorsak").asText()).isEqualTo("STUDIER");
    assertThat(arende.path("uppgifter")).isEmpty();
    assertThat(ApiKlient.stream(arende.path("historik")).map(h -> h.path("typ").asText()))
        .contains("AKTUALISERING", "SAMTYCKE", "BEREDNING", "ATERKOPPLING", "AVSLUT");
    api.vantaPaMail(mailTill("anna@fk.example", arendenummer + ": ärendet är avslutat"));

    Svar igen =
        api.slutfor("anna", avslut, Map.of("avslutsorsak", "STUDIER", "planUppfylld", "JA"));
    assertThat(igen.status()).isEqualTo(409);
    assertThat(igen.kropp().path("meddelande").asText()).isEqualTo("Uppgiften är redan slutförd.");
    assertThat(api.arende("anna", id).path("avslutsorsak").asText()).isEqualTo("STUDIER");
  }

  @Test
  void ettOtillatetTeckenGerFelPaFaltetOchSkaparInget() {
    int fore = antalArenden();
    Map<String, Object> medNul = new HashMap<>(aktualisering("19121212-1212"));
    medNul.put("skal", "Lång sjukskrivning\u0000");

    Svar svar = api.post("anna", "/api/arenden", medNul);

    assertThat(svar.status()).isEqualTo(400);
    assertThat(svar.kropp().path("fel").path("skal").asText())
        .as(svar.toString())
        .isEqualTo("Texten innehåller ett otillåtet tecken");
    Svar fraga = api.get("anna", "/api/uppgifter?vy=mina\u0000");
    assertThat(fraga.status()).isEqualTo(400);
    assertThat(fraga.kropp().path("fel").path("vy").asText())
        .isEqualTo("Texten innehåller ett otillåtet tecken");
    Map<String, Object> forLangt = new HashMap<>(aktualisering("19121212-1212"));
    forLangt.put("skal", "x".repeat(1_000_000));
    Svar langt = api.post("anna", "/api/arenden", forLangt);
    assertThat(langt.status()).isEqualTo(400);
    assertThat(langt.kropp().path("fel").path("skal").asText()).contains("högst 4000 tecken");
    assertThat(antalArenden()).isEqualTo(fore);
  }

  @Test
  void ettOgiltigtPersonnummerGer400OchSkaparInget() {
    int fore = antalArenden();
    Svar svar = api.post("anna", "/api/arenden", aktualisering("19121212-1213"));
    assertThat(svar.status()).isEqualTo(400);
    assertThat(svar.kropp().path("fel").path("personnummer").asText())
        .isEqualTo("Personnumrets kontrollsiffra stämmer inte");
    Svar utanSkal =
        api.post(
            "anna",
            "/api/arenden",
            Map.of("personnummer", "19900231-2385", "insats", "flerpartssamverkan"));
    assertThat(utanSkal.status()).isEqualTo(400);
    assertThat(utanSkal.kropp().path("fel").path("skal").asText()).isNotBlank();
    assertThat(utanSkal.kropp().path("fel").path("personnummer").asText())
        .isEqualTo("Personnumret innehåller inget giltigt datum");
    Svar okandInsats =
        api.post(
            "anna",
            "/api/arenden",
            Map.of("personnummer", "19121212-1212", "insats", "x", "skal", "s"));
    assertThat(okandInsats.kropp().path("fel").path("insats").asText()).contains("finns inte");
    assertThat(antalArenden()).isEqualTo(fore);
  }

  @Test
  void skyddadIdentitetRegistrerasUtanPersonnummer() {
    String id =
        api.aktualisera(
            "bengt",
            Map.of(
                "skyddadIdentitet", true,
                "kon", "KVINNA",
                "insats", "flerpartssamverkan",
                "skal", "Skyddad identitet"));
    JsonNode arende = api.arende("bengt", id);
    assertThat(arende.path("skyddadIdentitet").asBoolean()).isTrue();
    assertThat(arende.has("personnummer")).isFalse();
    assertThat(
            jdbc.sql("select personnummer_krypterat is null from arende where id = ?::uuid")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
    Svar medPersonnummer =
        api.post(
            "bengt",
            "/api/arenden",
            Map.of(
                "skyddadIdentitet", true,
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "x"));
    assertThat(medPersonnummer.status()).isEqualTo(400);
  }

  @Test
  void personnummerLagrasKrypterat() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212"));
    String lagrat =
        jdbc.sql("select personnummer_krypterat from arende where id = ?::uuid")
            .param(id)
            .query(String.class)
            .single();
    assertThat(lagrat).isNotBlank().doesNotContain("191212");
    assertThat(api.arende("anna", id).path("personnummer").asText()).isEqualTo("19121212-1212");
    assertThat(
            jdbc.sql(
                    "select count(*) from granskningslogg where arende_id = ?::uuid"
                        + " and anvandare_id = 'anna'")
                .param(id)
                .query(Integer.class)
                .single())
        .isPositive();
  }

  @Test
  void nejTillSamtyckeAvslutarArendetAnonymtMedAterkoppling() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212"));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(api.slutfor("anna", samtycke, Map.of("samtycke", "NEJ")).status()).isEqualTo(200);

    JsonNode arende = api.arende("anna", id);
    assertThat(arende.path("status").asText()).isEqualTo("AVSLUTAT_SAMTYCKE_SAKNAS");
    assertThat(arende.path("statusText").asText()).isEqualTo("Avslutad – samtycke saknas");
    assertThat(arende.path("personnummer").isMissingNode()).isTrue();
    assertThat(
            jdbc.sql("select kon || ':' || fodelsear from arende where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("MAN:1912");
    api.vantaPaMail(
        mailTill("anna@fk.example", arende.path("arendenummer").asText() + ": samtycke saknas"));
    assertThat(api.arende("anna", id).path("uppgifter")).isEmpty();
  }

  @Test
  void nejOchHanvisaIBeredningAvslutarMedAterkoppling() {
    for (var fall : Map.of("NEJ", "EJ_BEVILJAT", "HANVISA", "HANVISAT").entrySet()) {
      String id = iBeredning(ALLA_PARTER);
      JsonNode beredning = api.vantaPaUppgift("david", "grupp", id, "bered-arende");
      assertThat(
              api.slutfor(
                      "david", beredning, Map.of("beslut", fall.getKey(), "motivering", "Motiv"))
                  .status())
          .isEqualTo(200);
      JsonNode arende = api.arende("anna", id);
      assertThat(arende.path("status").asText()).isEqualTo(fall.getValue());
      assertThat(arende.path("arendebarare").isMissingNode()).isTrue();
      api.vantaPaMail(
          mailTill("anna@fk.example", arende.path("arendenummer").asText() + ": beslut"));
    }
  }

  @Test
  void kompletteringGarTillbakaTillBeredning() {
    String id = iBeredning(ALLA_PARTER);
    JsonNode beredning = api.vantaPaUppgift("cecilia", "grupp", id, "bered-arende");
    assertThat(
            api.slutfor(
                    "cecilia",
                    beredning,
                    Map.of("beslut", "KOMPLETTERA", "motivering", "Beskriv vårdkontakterna"))
                .status())
        .isEqualTo(200);
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("KOMPLETTERING");

    JsonNode komplettera = api.vantaPaUppgift("anna", "mina", id, "komplettera-aktualisering");
    JsonNode formular =
        api.get("anna", "/api/uppgifter/" + komplettera.path("id").asText() + "/formular").kropp();
    assertThat(formular.path("data").path("motivering").asText())
        .isEqualTo("Beskriv vårdkontakterna");
    Svar tomt = api.slutfor("anna", komplettera, Map.of());
    assertThat(tomt.status()).isEqualTo(400);
    assertThat(tomt.kropp().path("fel").path("komplettering").asText())
        .isEqualTo("Komplettering saknas");
    assertThat(
            api.slutfor(
                    "anna",
                    komplettera,
                    Map.of("komplettering", "Regelbunden kontakt med vårdcentral"))
                .status())
        .isEqualTo(200);

    api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    JsonNode arende = api.arende("anna", id);
    assertThat(arende.path("status").asText()).isEqualTo("BEREDNING");
    assertThat(arende.path("skal").asText()).contains("Regelbunden kontakt med vårdcentral");
  }

  @Test
  void uppgifterFoljerTilldelningOchGrupp() {
    String id = iBeredning(ALLA_PARTER);
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    String sokvag = "/api/uppgifter/" + beredning.path("id").asText();

    assertThat(api.hittaUppgift("petra", "grupp", id, "bered-arende")).isEmpty();
    assertThat(api.post("petra", sokvag + "/tilldela", Map.of("anvandare", "petra")).status())
        .isEqualTo(403);
    assertThat(api.slutfor("petra", beredning, Map.of("beslut", "NEJ", "motivering", "m")).status())
        .isEqualTo(403);

    assertThat(api.post("bengt", sokvag + "/tilldela", Map.of("anvandare", "bengt")).status())
        .isEqualTo(200);
    assertThat(api.post("cecilia", sokvag + "/tilldela", Map.of("anvandare", "cecilia")).status())
        .isEqualTo(409);
    Svar annans = api.slutfor("cecilia", beredning, Map.of("beslut", "NEJ", "motivering", "m"));
    assertThat(annans.status()).isEqualTo(403);
    assertThat(api.post("cecilia", sokvag + "/slapp", null).status()).isEqualTo(403);

    assertThat(api.post("bengt", sokvag + "/tilldela", Map.of("anvandare", "petra")).status())
        .isEqualTo(400);
    Svar vidare = api.post("bengt", sokvag + "/tilldela", Map.of("anvandare", "david"));
    assertThat(vidare.kropp().path("tilldelad").asText()).isEqualTo("david");
    Svar slappt = api.post("david", sokvag + "/slapp", null);
    assertThat(slappt.status()).isEqualTo(200);
    assertThat(slappt.kropp().has("tilldelad")).isFalse();
    assertThat(api.get("anna", "/api/uppgifter?vy=bogus").status()).isEqualTo(400);
    assertThat(api.get("anna", "/api/uppgifter/123").status()).isEqualTo(404);

    JsonNode samtycke =
        api.vantaPaUppgift(
            "anna",
            "mina",
            api.aktualisera("anna", aktualisering("19121212-1212")),
            "inhamta-samtycke");
    assertThat(api.slutfor("bengt", samtycke, Map.of("samtycke", "NEJ")).status()).isEqualTo(403);
  }

  @Test
  void personuppgifterFoljerSamtycketsParter() {
    String id = iBeredning(List.of("FK", "REGION"));
    JsonNode forBengt = api.arende("bengt", id);
    assertThat(forBengt.path("personuppgifterDolda").asBoolean()).isTrue();
    assertThat(forBengt.has("personnummer")).isFalse();
    assertThat(forBengt.has("skal")).isFalse();
    JsonNode forDavid = api.arende("david", id);
    assertThat(forDavid.path("personnummer").asText()).isEqualTo("19121212-1212");

    JsonNode forPetra = api.arende("petra", id);
    assertThat(forPetra.path("status").asText()).isEqualTo("BEREDNING");
    assertThat(forPetra.has("personnummer")).isFalse();
    assertThat(forPetra.has("skal")).isFalse();

    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    Svar formular =
        api.get("bengt", "/api/uppgifter/" + beredning.path("id").asText() + "/formular");
    assertThat(formular.status()).isEqualTo(403);
    assertThat(formular.kropp().path("meddelande").asText())
        .contains("AF ingår inte i samtycket för ärende");
    assertThat(formular.kropp().toString()).doesNotContain("Lång sjukskrivning");
    assertThat(
            jdbc.sql(
                    "select count(*) from granskningslogg where arende_id = ?::uuid"
                        + " and anvandare_id in ('bengt', 'petra')")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void enInskickadUppgiftSlutforsIMotornAvAterforsoket() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212"));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    // Stores the form as the API does, but stops before the engine hears of it, as after a crash.
    uppgifter.slutfor(
        samtycke.path("id").asLong(),
        samtyckeJa(ALLA_PARTER),
        anvandare.hitta("anna").orElseThrow());
    assertThat(
            api.get("anna", "/api/uppgifter/" + samtycke.path("id").asText())
                .kropp()
                .path("status")
                .asText())
        .isIn("INSKICKAD", "SLUTFORD");
    api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    assertThat(
            api.get("anna", "/api/uppgifter/" + samtycke.path("id").asText())
                .kropp()
                .path("status")
                .asText())
        .isEqualTo("SLUTFORD");
  }

  @Test
  void klockanFramUtloserPaminnelseOmSamtycke() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212"));
    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P15D")).status())
        .isEqualTo(200);
    JsonNode paminnelse =
        api.vantaPaMail(
            mailTill("anna@fk.example", "Påminnelse: Inhämta samtycke för ärende " + nummer));
    assertThat(paminnelse.path("text").asText())
        .contains("Samtycket har inte registrerats inom fristen.", "/uppgifter/");
    assertThat(api.hittaUppgift("anna", "mina", id, "inhamta-samtycke")).isPresent();
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "imorgon")).status())
        .isEqualTo(400);
  }

  @Test
  void klockanFlyttasBaraAvAdministratorenOchInomRimligaGranser() {
    assertThat(api.post("anna", "/api/dev/klocka", Map.of("fram", "PT1H")).status()).isEqualTo(403);
    for (String fram : List.of("P1001D", "PT0.5S", "P99999999999D", "-P1D", "PT0S")) {
      Svar svar = api.post("admin", "/api/dev/klocka", Map.of("fram", fram));
      assertThat(svar.status()).as(fram).isEqualTo(400);
      assertThat(svar.kropp().path("fel").path("fram").asText()).as(fram).isNotBlank();
    }
  }

  @Test
  void enForLangOrsakAvbryterInteArendet() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212"));

    Svar svar =
        api.post("anna", "/api/arenden/" + id + "/avbryt", Map.of("orsak", "x".repeat(2001)));

    assertThat(svar.status()).isEqualTo(400);
    assertThat(svar.kropp().path("fel").path("orsak").asText())
        .isEqualTo("Orsaken får vara högst 2000 tecken");
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("SAMTYCKE");
  }

  @Test
  void behovMedAnnatAnPartkoderGerFelPaFaltet() {
    Map<String, Object> felBehov = new HashMap<>(aktualisering("19121212-1212"));
    felBehov.put("behov", Arrays.asList("FK", 1, null));
    int fore = antalArenden();

    Svar svar = api.post("anna", "/api/arenden", felBehov);

    assertThat(svar.status()).isEqualTo(400);
    assertThat(svar.kropp().path("fel").path("behov").asText()).isNotBlank();
    assertThat(antalArenden()).isEqualTo(fore);
  }

  @Test
  void ettApiFelBesvarasMedJsonAvenNarKlientenBerOmHtml() {
    var svar =
        api.http()
            .get()
            .uri("/api/arenden/finns-inte")
            .header(
                HttpHeaders.AUTHORIZATION,
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("anna:demo".getBytes(StandardCharsets.UTF_8)))
            .accept(MediaType.TEXT_HTML)
            .exchange(
                (req, res) ->
                    Map.entry(
                        res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    assertThat(svar.getKey()).isEqualTo(404);
    assertThat(svar.getValue()).contains("Ärendet finns inte");
  }

  @Test
  void sammaMailKoasBaraEnGang() {
    Map<String, Object> modell =
        Map.of(
            "arendenummer", "T-1",
            "uppgift", "Test",
            "mottagare", "Anna",
            "lank", "http://x");
    String mall = "paminnelse-samtycke";
    assertThat(utkorg.koa("test:unik", List.of("anna@fk.example"), mall, modell)).isTrue();
    assertThat(utkorg.koa("test:unik", List.of("anna@fk.example"), mall, modell)).isFalse();
    api.vantaPaMail(mailTill("anna@fk.example", "ärende T-1"));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                ApiKlient.stream(api.get("admin", "/api/dev/mail").kropp())
                        .filter(mailTill("anna@fk.example", "ärende T-1"))
                        .count()
                    == 1);
  }

  @Test
  void aterkallatSamtyckeAvbryterArendetOchTarBortUppgifterna() {
    String id = iBeredning(ALLA_PARTER);
    assertThat(api.hittaUppgift("bengt", "grupp", id, "bered-arende")).isPresent();

    Svar fraganAnnan =
        api.post("bengt", "/api/arenden/" + id + "/aterkalla-samtycke", Map.of("hur", "MUNTLIGT"));
    assertThat(fraganAnnan.status()).isEqualTo(403);
    Svar fel =
        api.post(
            "anna",
            "/api/arenden/" + id + "/aterkalla-samtycke",
            Map.of("datum", "2999-01-01", "hur", "BREVDUVA"));
    assertThat(fel.status()).isEqualTo(400);
    assertThat(fel.kropp().path("fel").path("datum").asText()).contains("framtiden");
    assertThat(fel.kropp().path("fel").path("hur").asText()).isNotBlank();
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("BEREDNING");

    Svar aterkallat =
        api.post("anna", "/api/arenden/" + id + "/aterkalla-samtycke", Map.of("hur", "MUNTLIGT"));
    assertThat(aterkallat.status()).isEqualTo(200);
    assertThat(aterkallat.kropp().path("status").asText())
        .isEqualTo("AVBRUTET_SAMTYCKE_ATERKALLAT");
    assertThat(aterkallat.kropp().path("avslutsorsak").asText()).isEqualTo("SAMTYCKE_ATERKALLAT");
    assertThat(aterkallat.kropp().path("uppgifter")).isEmpty();
    for (String anvandare : List.of("anna", "bengt", "cecilia", "david", "petra")) {
      for (String vy : List.of("mina", "grupp", "alla")) {
        assertThat(
                ApiKlient.stream(api.get(anvandare, "/api/uppgifter?vy=" + vy).kropp())
                    .filter(u -> id.equals(u.path("arendeId").asText())))
            .isEmpty();
      }
    }
    assertThat(api.arende("bengt", id).has("personnummer")).isFalse();
    api.vantaPaMail(
        mailTill(
            "anna@fk.example", aterkallat.kropp().path("arendenummer").asText() + ": samtycket"));
    assertThat(
            api.post(
                    "anna", "/api/arenden/" + id + "/aterkalla-samtycke", Map.of("hur", "MUNTLIGT"))
                .status())
        .isEqualTo(409);
  }

  @Test
  void avbrutetArendeKraverOrsakUtanPersonnummer() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212"));
    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(api.post("anna", "/api/arenden/" + id + "/avbryt", Map.of()).status())
        .isEqualTo(400);
    Svar medPersonnummer =
        api.post("anna", "/api/arenden/" + id + "/avbryt", Map.of("orsak", "Gäller 121212-1212"));
    assertThat(medPersonnummer.status()).isEqualTo(400);
    assertThat(medPersonnummer.kropp().path("fel").path("orsak").asText()).contains("personnummer");
    Svar avbrutet =
        api.post("anna", "/api/arenden/" + id + "/avbryt", Map.of("orsak", "Flyttat från länet"));
    assertThat(avbrutet.kropp().path("status").asText()).isEqualTo("AVBRUTET");
    api.vantaPaMail(
        mailTill(
            "anna@fk.example",
            avbrutet.kropp().path("arendenummer").asText() + ": ärendet är avbrutet"));
    assertThat(api.hittaUppgift("anna", "mina", id, "inhamta-samtycke")).isEmpty();
    assertThat(
            ApiKlient.stream(avbrutet.kropp().path("historik"))
                .map(h -> h.path("beskrivning").asText()))
        .anyMatch(t -> t.contains("Flyttat från länet"));
  }

  @Test
  void apietKraverInloggning() {
    assertThat(api.get(null, "/api/arenden").status()).isEqualTo(401);
    JsonNode halsa = api.get(null, "/actuator/health").kropp();
    assertThat(halsa.path("status").asText()).isEqualTo("UP");
    assertThat(halsa.path("components").path("motor").path("status").asText()).isEqualTo("UP");
    assertThat(halsa.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(api.get(null, "/actuator/health/readiness").kropp().path("status").asText())
        .isEqualTo("UP");
  }

  private int antalArenden() {
    return jdbc.sql("select count(*) from arende").query(Integer.class).single();
  }
}
