package se.flerpart.avslut;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.flerpart.ApiKlient;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;
import se.flerpart.uppfoljning.UppfoljningSteg;

/**
 * Categories are data: an administrator adds, renames and retires them, never deletes one in use.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class KategoriApiTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcTemplate jdbc;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  void administratorenLaggerTillByterNamnOchAvaktiverar() {
    String kod = "TEST_" + System.nanoTime();
    assertThat(
            api.post("anna", "/api/kategorier/forsorjning", Map.of("kod", kod, "namn", "Test"))
                .status())
        .isEqualTo(403);
    assertThat(
            api.post("admin", "/api/kategorier/forsorjning", Map.of("kod", "fel kod", "namn", "x"))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post(
                    "admin",
                    "/api/kategorier/forsorjning",
                    Map.of("kod", kod, "namn", "x".repeat(1_000_000)))
                .kropp()
                .path("fel")
                .path("namn")
                .asText())
        .isEqualTo("Namnet får vara högst 200 tecken");
    assertThat(
            api.post("admin", "/api/kategorier/forsorjning", Map.of("kod", kod, "namn", "Test"))
                .status())
        .isEqualTo(201);
    assertThat(
            api.anrop(
                    "admin",
                    "PUT",
                    "/api/kategorier/forsorjning/" + kod,
                    Map.of("namn", "x".repeat(201)))
                .status())
        .isEqualTo(400);
    assertThat(
            api.post("admin", "/api/kategorier/forsorjning", Map.of("kod", kod, "namn", "Test"))
                .status())
        .isEqualTo(409);

    JsonNode omdopt =
        api.anrop("admin", "PUT", "/api/kategorier/forsorjning/" + kod, Map.of("namn", "Nytt namn"))
            .kropp();
    assertThat(omdopt.path("namn").asText()).isEqualTo("Nytt namn");
    JsonNode avaktiverad =
        api.anrop("admin", "PUT", "/api/kategorier/forsorjning/" + kod, Map.of("aktiv", false))
            .kropp();
    assertThat(avaktiverad.path("aktiv").asBoolean()).isFalse();
    assertThat(api.anrop("admin", "DELETE", "/api/kategorier/forsorjning/" + kod, null).status())
        .isEqualTo(204);
    assertThat(api.get("admin", "/api/kategorier/okand").status()).isEqualTo(400);

    // Every change is in the admin log, with the code before and after; the refused ones are not.
    assertThat(
            jdbc.queryForList(
                "select handling, anvandare_id, fore ->> 'namn' as fore, efter ->> 'namn' as efter"
                    + " from admin_logg where objekttyp = 'KATEGORI' and objekt_id = ? order by id",
                "FORSORJNING:" + kod))
        .extracting(
            r ->
                r.get("handling")
                    + " "
                    + r.get("anvandare_id")
                    + " "
                    + r.get("fore")
                    + " "
                    + r.get("efter"))
        .containsExactly(
            "SKAPAD admin null Test",
            "ANDRAD admin Test Nytt namn",
            "INAKTIVERAD admin Nytt namn Nytt namn",
            "BORTTAGEN admin Nytt namn null");
  }

  @Test
  void enKodSomAnvandsKanBaraAvaktiveras() {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Test av kategorier",
                "behov", List.of("FK", "AF")));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    api.slutfor(
        "anna",
        samtycke,
        Map.of(
            "samtycke",
            "JA",
            "samtyckeForm",
            "MUNTLIGT",
            "samtyckeParter",
            // Cecilia (Uppsala kommun) chairs the meeting, so her part is inside the consent.
            List.of("FK", "AF", "KOMMUN-UPPSALA")));
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    api.slutfor(
        "bengt", beredning, Map.of("beslut", "JA", "motivering", "m", "arendebarare", "anna"));
    MotesSteg.genomfor(api, motor, id, "anna");
    JsonNode avslut = UppfoljningSteg.tillAvslut(api, id, "anna");
    assertThat(
            api.slutfor(
                    "anna",
                    avslut,
                    Map.of(
                        "avslutsorsak", "EGET_FORETAG",
                        "forsorjningEfter", List.of("LON"),
                        "sysselsattningEfter", "ARBETE",
                        "omfattning", "50",
                        "subventionerad", false))
                .status())
        .isEqualTo(200);

    ApiKlient.Svar nekad = api.anrop("admin", "DELETE", "/api/kategorier/forsorjning/LON", null);
    assertThat(nekad.status()).isEqualTo(409);
    assertThat(nekad.kropp().path("meddelande").asText()).contains("kan bara avaktiveras");
    assertThat(
            api.anrop(
                    "admin",
                    "PUT",
                    "/api/kategorier/avslutsorsak/EGET_FORETAG",
                    Map.of("aktiv", false))
                .status())
        .isEqualTo(200);
    try {
      JsonNode formular =
          api.get("anna", "/api/uppgifter/" + avslut.path("id").asText() + "/formular").kropp();
      assertThat(
              ApiKlient.stream(formular.path("data").path("avslutsorsaker"))
                  .map(o -> o.path("value").asText()))
          .contains("STUDIER")
          .doesNotContain("EGET_FORETAG");
      assertThat(api.arende("anna", id).path("avslutsorsak").asText()).isEqualTo("EGET_FORETAG");
      String skyddad =
          api.aktualisera(
              "anna",
              Map.of("skyddadIdentitet", true, "insats", "flerpartssamverkan", "skal", "Test"));
      assertThat(api.arende("anna", skyddad).path("skyddadIdentitet").asBoolean()).isTrue();
    } finally {
      api.anrop("admin", "PUT", "/api/kategorier/avslutsorsak/EGET_FORETAG", Map.of("aktiv", true));
    }
  }
}
