package se.flerpart.sus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.Sidklient;
import se.flerpart.Sidklient.Sida;
import se.flerpart.arende.ArendeSteg;

/**
 * The deltagaransvarig's SUS page: the registrations of a period with personnummer, each view
 * audited; nobody else sees the page.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SusSidaTest {

  static final String PERSONNUMMER = "19770623-9840";
  static final String PERIOD = "/sus?fran=2000-01-01&till=2999-12-31";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private int lasningar(String arendeId) {
    return jdbc.sql(
            "select count(*) from granskningslogg where arende_id = ?::uuid"
                + " and anvandare_id = 'sara' and handling = 'LAS_SUS_EXPORT'")
        .param(arendeId)
        .query(Integer.class)
        .single();
  }

  @Test
  @DisplayName(
      "Givet ett ärende inregistrerat i SUS med samtycke när den deltagaransvariga visar"
          + " SUS-sidan för perioden så syns personnumret och varje visning skrivs i"
          + " granskningsloggen; andra får 403 och ett felaktigt datum ger ett svenskt fel")
  void susSidan() {
    ApiKlient api = new ApiKlient(port);
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                PERSONNUMMER,
                "insats",
                "flerpartssamverkan",
                "skal",
                "Behöver stöd från flera parter",
                "behov",
                List.of("FK", "AF")));
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    ArendeSteg.beviljat(api, id, "anna", List.of("FK", "AF"), true, "anna");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from sus_registrering where arende_id = ?::uuid")
                        .param(id)
                        .query(Integer.class)
                        .single()
                    > 0);

    Sidklient sara = Sidklient.inloggad(port, "sara");
    int fore = lasningar(id);
    Sida sida = sara.get(PERIOD);

    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.html())
        .contains("id=\"meny-sus\"")
        .contains(nummer)
        .contains(PERSONNUMMER)
        .contains("Inregistrering")
        .contains("Flerpartssamverkan")
        .contains("Försäkringskassan")
        .doesNotContain(">flerpartssamverkan<")
        .doesNotContain(">FK<")
        .contains("format=csv")
        .contains("format=xlsx");
    assertThat(lasningar(id)).isEqualTo(fore + 1);
    // A period without the registration shows no personnummer and reads none.
    Sida tom = sara.get("/sus?fran=2001-01-01&till=2001-12-31");
    assertThat(tom.html()).doesNotContain(PERSONNUMMER).contains("Inga registreringar");
    assertThat(lasningar(id)).isEqualTo(fore + 1);

    Sida fel = sara.get("/sus?fran=2025-13-01&till=2025-01-01");
    assertThat(fel.status()).isEqualTo(400);
    assertThat(fel.html())
        .contains("Från och med: Datumet kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD")
        .doesNotContain("type=\"date\"");
    assertThat(sara.get("/sus?fran=20010101&till=20011231").status())
        .as("ÅÅÅÅMMDD läses också")
        .isEqualTo(200);
    Sida bakvand = sara.get("/sus?fran=2025-06-01&till=2025-01-01");
    assertThat(bakvand.status()).isEqualTo(400);
    assertThat(bakvand.html()).contains("Slutdatum ligger före startdatum");

    for (String annan : List.of("petra", "anna", "admin")) {
      Sidklient klient = Sidklient.inloggad(port, annan);
      Sida nekad = klient.get(PERIOD);
      assertThat(nekad.status()).isEqualTo(403);
      assertThat(nekad.html()).doesNotContain(PERSONNUMMER);
      assertThat(klient.get("/").html()).doesNotContain("id=\"meny-sus\"");
    }
    assertThat(lasningar(id)).isEqualTo(fore + 1);

    // The table's caption counts in Swedish: this case's one registration, moved to a day of
    // its own, is "1 registrering".
    assertThat(
            jdbc.sql(
                    "update sus_registrering set datum = date '2001-06-15' where arende_id = ?::uuid")
                .param(id)
                .update())
        .isEqualTo(1);
    assertThat(sara.get("/sus?fran=2001-06-15&till=2001-06-15").html())
        .contains(
            ">1 registrering <span class=\"hel\">2001-06-15</span> –"
                + " <span class=\"hel\">2001-06-15</span></caption>");
  }
}
