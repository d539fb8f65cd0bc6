package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;

/** The statistics definitions per year over the REST API. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class DefinitionApiTest {

  static final int AR = 2001;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StatistikDefinitioner definitioner;
  ApiKlient api;

  @BeforeEach
  void forbered() {
    api = new ApiKlient(port);
    stada();
  }

  @AfterEach
  void stada() {
    jdbc.sql("delete from statistik_definition where ar in (?, ?)").params(AR, AR + 1).update();
    jdbc.sql("delete from admin_logg where objekttyp = 'STATISTIKDEFINITION' and objekt_id = ?")
        .param(String.valueOf(AR))
        .update();
  }

  static Map<String, Object> definition(String beskrivning, Map<String, List<String>> positiv) {
    return Map.of(
        "beskrivning",
        beskrivning,
        "positivLosning",
        positiv,
        "avbrottHalsoskal",
        List.of("OHALSA"),
        "anonymaITotalen",
        false,
        "delradAndelAv",
        "AVSLUTADE");
  }

  @Test
  @DisplayName(
      "Givet ett år utan egen definition när administratören sätter en så gäller den för året"
          + " och för de följande åren utan egen, syns i listan och i adminloggen")
  void satterArsDefinition() {
    Svar fore = api.get("petra", "/api/rapporter/definitioner/" + AR);
    assertThat(fore.status()).isEqualTo(200);
    assertThat(fore.kropp().path("egen").asBoolean()).isFalse();

    Svar sparad =
        api.anrop(
            "admin",
            "PUT",
            "/api/rapporter/definitioner/" + AR,
            definition(
                "Bara arbete och studier " + AR,
                Map.of(
                    "arbete", List.of("ARBETE_EJ_SUBVENTIONERAT", "ARBETE_SUBVENTIONERAT"),
                    "studier", List.of("STUDIER"))));

    assertThat(sparad.status()).as(sparad.kropp().toString()).isEqualTo(200);
    assertThat(sparad.kropp().path("egen").asBoolean()).isTrue();
    JsonNode d = api.get("petra", "/api/rapporter/definitioner/" + AR).kropp().path("definition");
    assertThat(d.path("ar").asInt()).isEqualTo(AR);
    assertThat(d.path("beskrivning").asText()).isEqualTo("Bara arbete och studier " + AR);
    assertThat(d.path("positivLosning").path("extratjanst")).isEmpty();
    assertThat(d.path("anonymaITotalen").asBoolean()).isFalse();
    JsonNode foljande = api.get("admin", "/api/rapporter/definitioner/" + (AR + 1)).kropp();
    assertThat(foljande.path("egen").asBoolean()).isFalse();
    assertThat(foljande.path("definition").path("ar").asInt()).isEqualTo(AR);
    assertThat(definitioner.giltig(AR + 1).positivaKoder())
        .containsExactlyInAnyOrder("ARBETE_EJ_SUBVENTIONERAT", "ARBETE_SUBVENTIONERAT", "STUDIER");
    assertThat(
            ApiKlient.stream(api.get("petra", "/api/rapporter/definitioner").kropp())
                .map(s -> s.path("definition").path("ar").asInt()))
        .contains(AR);
    assertThat(
            jdbc.sql(
                    "select handling from admin_logg where objekttyp = 'STATISTIKDEFINITION'"
                        + " and objekt_id = ? and anvandare_id = 'admin'")
                .param(String.valueOf(AR))
                .query(String.class)
                .list())
        .containsExactly("SKAPAD");
  }

  @Test
  @DisplayName(
      "Givet en felaktig definition (okänd kod, kod i två delrader, okänd delrad,"
          + " felregistrering, fel nämnare, tom beskrivning, år utanför) så svarar API:t 400 med"
          + " varje fält på svenska och ingenting ändras; bara administratören ändrar")
  void felaktigDefinition() {
    Map<String, Object> fel = new java.util.HashMap<>();
    fel.put("beskrivning", "");
    fel.put(
        "positivLosning",
        Map.of(
            "arbete", List.of("ARBETE_EJ_SUBVENTIONERAT", "PENSION"),
            "studier", List.of("STUDIER", "ARBETE_EJ_SUBVENTIONERAT"),
            "semester", List.of("ANNAT"),
            "extratjanst", List.of("FELREGISTRERING")));
    fel.put("avbrottHalsoskal", List.of("OHALSA", "STUDIER"));
    fel.put("delradAndelAv", "ALLA");

    Svar svar = api.anrop("admin", "PUT", "/api/rapporter/definitioner/" + AR, fel);

    assertThat(svar.status()).isEqualTo(400);
    JsonNode f = svar.kropp().path("fel");
    assertThat(f.path("beskrivning").asText()).startsWith("Beskriv definitionen");
    assertThat(f.path("positivLosning.arbete").asText()).isEqualTo("Okänd avslutsorsak PENSION.");
    assertThat(f.path("positivLosning.studier").asText())
        .contains("ARBETE_EJ_SUBVENTIONERAT finns redan i delraden arbete");
    assertThat(f.path("positivLosning.semester").asText()).startsWith("Okänd delrad");
    assertThat(f.path("positivLosning.extratjanst").asText())
        .isEqualTo("FELREGISTRERING räknas aldrig i statistiken.");
    assertThat(f.path("avbrottHalsoskal").asText()).contains("STUDIER är redan positiv lösning");
    assertThat(f.path("delradAndelAv").asText()).contains("POSITIV_LOSNING eller AVSLUTADE");
    assertThat(
            api.get("admin", "/api/rapporter/definitioner/" + AR).kropp().path("egen").asBoolean())
        .isFalse();

    Svar forTidigt =
        api.anrop("admin", "PUT", "/api/rapporter/definitioner/1999", definition("x", Map.of()));
    assertThat(forTidigt.status()).isEqualTo(400);
    assertThat(forTidigt.kropp().path("fel").path("ar").asText())
        .startsWith("Året ska vara mellan");
    assertThat(api.get("admin", "/api/rapporter/definitioner/tjugo").kropp().path("fel").has("ar"))
        .isTrue();
    assertThat(api.get("admin", "/api/rapporter/definitioner/3000").status()).isEqualTo(400);

    Svar petra =
        api.anrop("petra", "PUT", "/api/rapporter/definitioner/" + AR, definition("x", Map.of()));
    assertThat(petra.status()).isEqualTo(403);
    assertThat(api.get("anna", "/api/rapporter/definitioner").status()).isEqualTo(403);
    assertThat(api.get("anna", "/api/rapporter/definitioner/" + AR).status()).isEqualTo(403);
    assertThat(
            api.get("admin", "/api/rapporter/definitioner/" + AR).kropp().path("egen").asBoolean())
        .isFalse();
  }
}
