package se.flerpart.uppfoljning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Moving the next follow-up from the task list, the case page and the API: the open {@code
 * folj-upp-plan} task goes away, or the process still waiting for the day waits for the new one,
 * and it comes back on the new date (the engine's timer follows the new {@code uppfoljningsdatum}),
 * only for the ärendebärare, with Swedish errors for bad dates.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppfoljningFlyttTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  void uppfoljningenFlyttasFranListanOchKommerTillbakaPaDetNyaDatumet() throws Exception {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Flytta uppföljningen",
                "behov", List.of("FK", "AF")));
    ArendeSteg.beviljat(api, id, "anna", List.of("FK", "AF", "KOMMUN-UPPSALA"), true, "anna");
    MotesSteg.genomfor(api, motor, id, "anna");
    JsonNode uppgift = UppfoljningSteg.vantaPaUppfoljning(api, id, "anna");
    long uppgiftId = uppgift.path("id").asLong();
    LocalDate idag = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
    String adress = "/api/arenden/" + id + "/nasta-uppfoljning";

    // Bad dates and the wrong people change nothing.
    Svar olasligt = api.anrop("anna", "PUT", adress, Map.of("datum", "2027-13-45"));
    assertThat(olasligt.status()).isEqualTo(400);
    assertThat(olasligt.kropp().path("fel").path("datum").asText()).contains("inte ett datum");
    Svar bakat = api.anrop("anna", "PUT", adress, Map.of("datum", idag.minusDays(1).toString()));
    assertThat(bakat.kropp().path("fel").path("datum").asText()).contains("bakåt i tiden");
    Svar forLangt =
        api.anrop("anna", "PUT", adress, Map.of("datum", idag.plusYears(2).plusDays(1).toString()));
    assertThat(forLangt.status()).isEqualTo(400);
    assertThat(forLangt.kropp().path("fel").path("datum").asText()).contains("högst två år");
    assertThat(api.anrop("anna", "PUT", adress, Map.of()).kropp().path("fel").has("datum"))
        .isTrue();
    String om10 = idag.plusDays(10).toString();
    assertThat(api.anrop("bengt", "PUT", adress, Map.of("datum", om10)).status()).isEqualTo(403);
    assertThat(api.anrop("petra", "PUT", adress, Map.of("datum", om10)).status()).isEqualTo(403);
    assertThat(
            api.anrop(
                    "anna",
                    "PUT",
                    "/api/arenden/" + UUID.randomUUID() + "/nasta-uppfoljning",
                    Map.of("datum", om10))
                .status())
        .isEqualTo(404);
    assertThat(api.hittaUppgift("anna", "mina", id, "folj-upp-plan")).isPresent();

    // From the list row, written ÅÅÅÅMMDD.
    Sidklient anna = Sidklient.inloggad(port, "anna");
    // Only this case's tasks: others' tests leave anna many, beyond the list's first page.
    String lista =
        "/uppgifter?vy=mina&arende=" + api.arende("anna", id).path("arendenummer").asText();
    assertThat(anna.get(lista).html()).contains("nasta-uppfoljning-" + uppgiftId);
    assertThat(anna.get(lista).html())
        .doesNotContain("nasta-uppfoljning-" + (uppgiftId + 1_000_000));
    Sidklient.Sida svar =
        anna.post(
            "/uppgifter/" + uppgiftId + "/nasta-uppfoljning",
            Map.of(
                "datum",
                idag.plusDays(10).format(DateTimeFormatter.BASIC_ISO_DATE),
                "tillbaka",
                "/uppgifter?vy=mina"));
    assertThat(svar.status()).isEqualTo(302);
    assertThat(svar.plats()).endsWith("/uppgifter?vy=mina");
    assertThat(anna.get("/uppgifter?vy=mina").html())
        .contains("Uppföljningen är flyttad till " + om10);
    assertThat(api.hittaUppgift("anna", "mina", id, "folj-upp-plan")).isEmpty();
    assertThat(
            ApiKlient.stream(api.arende("anna", id).path("historik"))
                .map(h -> h.path("beskrivning").asText()))
        .contains("Uppföljningen flyttad till " + om10);
    // While the plan waits for the day, the ärendebärare moves it again from the case page; only
    // she sees the form, and a bad date is named.
    assertThat(anna.get("/arenden/" + id).html()).contains("Flytta nästa uppföljning till");
    assertThat(Sidklient.inloggad(port, "bengt").get("/arenden/" + id).html())
        .doesNotContain("Flytta nästa uppföljning till");
    assertThat(api.anrop("bengt", "PUT", adress, Map.of("datum", om10)).status()).isEqualTo(403);
    anna.post("/arenden/" + id + "/nasta-uppfoljning", Map.of("datum", "31/12"));
    assertThat(anna.get("/arenden/" + id).html())
        .contains("Nästa uppföljning: Datumet 31/12 är inte ett datum");
    String om13 = idag.plusDays(13).toString();
    Sidklient.Sida franArendet =
        anna.post("/arenden/" + id + "/nasta-uppfoljning", Map.of("datum", om13));
    assertThat(franArendet.status()).isEqualTo(302);
    assertThat(franArendet.plats()).endsWith("/arenden/" + id);
    String sidan = anna.get("/arenden/" + id).html();
    assertThat(sidan).contains("Nästa uppföljning är flyttad till " + om13);
    assertThat(sidan)
        .as("ärendesidan visar det flyttade datumet")
        .containsPattern("Nästa uppföljning: <strong>" + om13 + "</strong>");
    assertThat(
            ApiKlient.stream(api.arende("anna", id).path("historik"))
                .map(h -> h.path("beskrivning").asText()))
        .contains("Uppföljningen flyttad till " + om13);

    // Both earlier dates pass: had the timer kept either, the task would be back.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P11D")).status())
        .isEqualTo(200);
    Thread.sleep(3_000);
    assertThat(api.hittaUppgift("anna", "mina", id, "folj-upp-plan")).isEmpty();
    // The follow-up day's timer fires at 08:00 Swedish time: nine hours more pass it whatever the
    // time of day the earlier tests have left the engine clock at.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P2DT9H")).status())
        .isEqualTo(200);
    JsonNode tillbaka = api.vantaPaUppgift("anna", "mina", id, "folj-upp-plan");
    assertThat(tillbaka.path("id").asLong()).isNotEqualTo(uppgiftId);

    // The API moves it too.
    String om20 = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate().plusDays(20).toString();
    Svar flyttad = api.anrop("anna", "PUT", adress, Map.of("datum", om20));
    assertThat(flyttad.status()).as(flyttad.toString()).isEqualTo(200);
    assertThat(flyttad.kropp().path("nastaUppfoljning").asText()).isEqualTo(om20);
    assertThat(api.hittaUppgift("anna", "mina", id, "folj-upp-plan")).isEmpty();
  }
}
