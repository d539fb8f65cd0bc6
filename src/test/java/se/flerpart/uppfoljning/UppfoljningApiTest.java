package se.flerpart.uppfoljning;

import static org.assertj.core.api.Assertions.assertThat;
import static se.flerpart.ApiKlient.mailTill;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;

/**
 * Follow-up, avslut and SUS through the API on the whole application, with the engine clock moved
 * to the plan's dates.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppfoljningApiTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  /** A case through samtycke, beredning Ja (ärendebärare anna) and its first meeting. */
  String efterMotet(boolean susSamtycke) {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Uppföljningstest",
                "behov", List.of("FK", "AF")));
    ArendeSteg.beviljat(
        api, id, "anna", List.of("FK", "AF", "KOMMUN-UPPSALA"), susSamtycke, "anna");
    MotesSteg.genomfor(api, motor, id, "anna");
    return id;
  }

  @Test
  void uppfoljningenKommerPaPlanensDagOchFortsattPlanerarEnNy() {
    String id = efterMotet(true);
    JsonNode uppgift = UppfoljningSteg.vantaPaUppfoljning(api, id, "anna");
    JsonNode data =
        api.get("anna", "/api/uppgifter/" + uppgift.path("id").asText() + "/formular")
            .kropp()
            .path("data");
    assertThat(data.path("planMal").asText()).isEqualTo("Arbete");
    assertThat(data.path("atgardStatus").get(0).path("beskrivning").asText())
        .isEqualTo("Arbetsprövning");

    Svar utanOrsak =
        api.slutfor(
            "anna",
            uppgift,
            Map.of(
                "atgardStatus",
                List.of(Map.of("status", "EJ_GENOMFORD")),
                "progression",
                4,
                "uppfoljningsbeslut",
                "FORTSATT",
                "nyttDatum",
                "2000-01-01"));
    assertThat(utanOrsak.status()).isEqualTo(400);
    assertThat(utanOrsak.kropp().path("fel").has("atgardStatus[0].orsak")).isTrue();
    Svar felProgression =
        api.slutfor(
            "anna",
            uppgift,
            Map.of(
                "atgardStatus",
                List.of(Map.of("status", "GENOMFORD")),
                "progression",
                11,
                "uppfoljningsbeslut",
                "AVSLUTA"));
    assertThat(felProgression.kropp().path("fel").path("progression").asText())
        .contains("högst 10");

    String nyttDatum =
        motor.nu().atZone(ArendeService.SVERIGE).toLocalDate().plusDays(40).toString();
    assertThat(
            api.slutfor(
                    "anna",
                    uppgift,
                    Map.of(
                        "atgardStatus",
                        List.of(Map.of("status", "DELVIS", "orsak", "PA_GANG")),
                        "progression",
                        5,
                        "uppfoljningsbeslut",
                        "FORTSATT",
                        "nyttDatum",
                        nyttDatum))
                .status())
        .isEqualTo(200);
    JsonNode arende = api.arende("anna", id);
    assertThat(ApiKlient.stream(arende.path("historik")).map(h -> h.path("beskrivning").asText()))
        .anyMatch(t -> t.contains("0 av 1 åtgärder genomförda, stegförflyttning 5"));

    String sida =
        api.http()
            .get()
            .uri("/arenden/" + id)
            .headers(h -> h.setBasicAuth("anna", "demo"))
            .retrieve()
            .body(String.class);
    assertThat(sida)
        .contains("Uppföljningar")
        .contains("stegförflyttning 5 av 10")
        .contains("Delvis genomförd")
        .contains("På gång");

    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P30D")).status())
        .isEqualTo(200);
    assertThat(api.hittaUppgift("anna", "mina", id, "folj-upp-plan")).isEmpty();
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P11D")).status())
        .isEqualTo(200);
    api.vantaPaUppgift("anna", "mina", id, "folj-upp-plan");
  }

  @Test
  void nyttMoteVidUppfoljningenGerEnNyKallelse() {
    String id = efterMotet(true);
    UppfoljningSteg.foljUpp(api, id, "anna", Map.of("uppfoljningsbeslut", "NYTT_MOTE"));
    api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
  }

  @Test
  void avslutGerUtregistreringIExportenAnonymtUtanSusSamtycke() {
    String anonymt = efterMotet(false);
    JsonNode avslut = UppfoljningSteg.tillAvslut(api, anonymt, "anna");
    assertThat(
            api.slutfor(
                    "anna",
                    avslut,
                    Map.of(
                        "avslutsorsak", "ARBETE_EJ_SUBVENTIONERAT",
                        "forsorjningEfter", List.of("LON"),
                        "sysselsattningEfter", "ARBETE",
                        "omfattning", "100"))
                .status())
        .isEqualTo(200);
    String medSamtycke = efterMotet(true);
    JsonNode avslut2 = UppfoljningSteg.tillAvslut(api, medSamtycke, "anna");
    api.slutfor("anna", avslut2, Map.of("avslutsorsak", "STUDIER"));

    List<JsonNode> rader =
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    ApiKlient.stream(api.get("sara", "/api/sus/registreringar").kropp())
                        .filter(
                            r ->
                                List.of(anonymt, medSamtycke).contains(r.path("arendeId").asText()))
                        .toList(),
                r -> r.size() == 4);
    JsonNode ut =
        rader.stream()
            .filter(r -> r.path("arendeId").asText().equals(anonymt))
            .filter(r -> r.path("typ").asText().equals("UTREGISTRERING"))
            .findFirst()
            .orElseThrow();
    assertThat(ut.path("anonym").asBoolean()).isTrue();
    assertThat(ut.has("personnummer")).isFalse();
    assertThat(ut.path("kon").asText()).isEqualTo("MAN");
    assertThat(ut.has("avslutsorsak")).isFalse();
    JsonNode utMed =
        rader.stream()
            .filter(r -> r.path("arendeId").asText().equals(medSamtycke))
            .filter(r -> r.path("typ").asText().equals("UTREGISTRERING"))
            .findFirst()
            .orElseThrow();
    assertThat(utMed.path("personnummer").asText()).isEqualTo("19121212-1212");
    assertThat(utMed.path("avslutsorsak").asText()).isEqualTo("STUDIER");
    assertThat(utMed.path("susGrupp").asInt()).isEqualTo(1);

    assertThat(
            ApiKlient.stream(api.get("petra", "/api/sus/registreringar").kropp())
                .filter(r -> r.path("arendeId").asText().equals(medSamtycke))
                .noneMatch(r -> r.has("personnummer")))
        .isTrue();
    assertThat(api.get("anna", "/api/sus/registreringar").status()).isEqualTo(403);
    assertThat(api.get("sara", "/api/sus/registreringar?fran=igar").status()).isEqualTo(400);

    byte[] csv =
        api.http()
            .get()
            .uri("/api/sus/registreringar?format=csv")
            .headers(h -> h.setBasicAuth("sara", "demo"))
            .retrieve()
            .body(byte[].class);
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFTyp;Datum;Ärende;Personnummer");
    assertThat(text).contains("Utregistrering").contains("19121212-1212");
  }

  @Test
  void aterkallatSamtyckeVidUppfoljningenAvslutarArendet() {
    String id = efterMotet(true);
    UppfoljningSteg.vantaPaUppfoljning(api, id, "anna");
    Svar svar =
        api.post("anna", "/api/arenden/" + id + "/aterkalla-samtycke", Map.of("hur", "SKRIFTLIGT"));
    assertThat(svar.status()).isEqualTo(200);
    for (String anvandare : List.of("anna", "bengt", "cecilia", "david", "petra")) {
      for (String vy : List.of("mina", "grupp", "alla")) {
        assertThat(
                ApiKlient.stream(api.get(anvandare, "/api/uppgifter?vy=" + vy).kropp())
                    .filter(u -> id.equals(u.path("arendeId").asText())))
            .isEmpty();
      }
    }
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    api.vantaPaMail(mailTill("anna@fk.example", nummer + ": samtycket är återkallat"));
    assertThat(api.hittaUppgift("anna", "mina", id, "folj-upp-plan")).isEmpty();
  }

  @Test
  void arendebararenAvbryterFranArendesidan() {
    String id = efterMotet(true);
    // The page answers with a redirect back to the case; the outcome is what the case says.
    Sidklient anna = Sidklient.inloggad(port, "anna");
    anna.get("/arenden/" + id);
    assertThat(
            anna.post("/arenden/" + id + "/avbryt", Map.of("orsak", "Flyttat till annan kommun"))
                .status())
        .isEqualTo(302);
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("AVBRUTET");
    Sidklient bengt = Sidklient.inloggad(port, "bengt");
    bengt.get("/arenden/" + id);
    int annans =
        bengt.post("/arenden/" + id + "/aterkalla-samtycke", Map.of("hur", "MUNTLIGT")).status();
    assertThat(annans).isEqualTo(403);
  }

  @Test
  void forsenadUppfoljningGerPaminnelseOchSedanAvvikelse() {
    String id = efterMotet(true);
    UppfoljningSteg.vantaPaUppfoljning(api, id, "anna");
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P8D")).status()).isEqualTo(200);
    api.vantaPaMail(mailTill("anna@fk.example", "Påminnelse: Följ upp plan för ärende " + nummer));
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P14D")).status())
        .isEqualTo(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ApiKlient.stream(api.get("petra", "/api/avvikelser").kropp())
                    .anyMatch(
                        a ->
                            id.equals(a.path("arendeId").asText())
                                && "TIDSFRIST_OVERSKRIDEN".equals(a.path("typ").asText())));
  }
}
