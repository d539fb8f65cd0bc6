package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import se.flerpart.Sidklient;
import se.flerpart.Sidklient.Sida;

/**
 * The administrator's pages of the statistics: the history import's upload form and the definitions
 * per year, used as a browser does (login form, CSRF token, multipart file field).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class StatistikSidorTest {

  static final String INSATS = "importsida";
  static final int AR = 2003;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StatistikDefinitioner definitioner;

  @BeforeEach
  void forbered() {
    HistorikimportApiTest.skapaInsats(jdbc, INSATS);
    jdbc.sql("delete from statistik_definition where ar = ?").param(AR).update();
  }

  @AfterEach
  void stada() {
    HistorikimportApiTest.stada(jdbc, INSATS);
    jdbc.sql("delete from statistik_definition where ar = ?").param(AR).update();
  }

  private int rader() {
    return jdbc.sql("select count(*) from statistik_deltagare where insats_kod = ?")
        .param(INSATS)
        .query(Integer.class)
        .single();
  }

  @Test
  @DisplayName(
      "Givet importsidan när administratören laddar upp exempelfilen så säger sidan hur många"
          + " deltagare som importerades och listar importen; en felaktig fil ger varje fel på"
          + " svenska och importerar ingenting")
  void importsidan() throws Exception {
    Sidklient admin = Sidklient.inloggad(port, "admin");
    Sida sida = admin.get("/statistik/import");
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.html()).contains("enctype=\"multipart/form-data\"", "name=\"fil\"");

    Sida fel =
        admin.postFilfalt(
            "/statistik/import",
            "fil",
            "fel.csv",
            "text/csv",
            ("personnummer,insats,startdatum\n"
                    + "19900928-9002,importsida,2025-01-01\n"
                    + "19900928-9001,importsida,2025-13-01\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(fel.status()).isEqualTo(400);
    assertThat(fel.html())
        .contains("Ingenting importerades")
        .contains("rad 2, personnummer: Personnumrets kontrollsiffra stämmer inte")
        .contains("rad 3, startdatum: Datumet ska skrivas ÅÅÅÅ-MM-DD");
    assertThat(rader()).isZero();

    admin.get("/statistik/import");
    Sida pdf =
        admin.postFilfalt(
            "/statistik/import", "fil", "a.pdf", "application/pdf", new byte[] {1, 2});
    assertThat(pdf.status()).isEqualTo(400);
    assertThat(pdf.html()).contains("Filen: Filen ska vara en CSV-fil");

    admin.get("/statistik/import");
    Sida ok =
        admin.postFilfalt(
            "/statistik/import",
            "fil",
            "deltagare-2025.csv",
            "text/csv",
            HistorikimportApiTest.exempelfil(INSATS));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.html()).contains("40 deltagare importerade.").contains("deltagare-2025.csv");
    assertThat(rader()).isEqualTo(40);

    for (String annan : List.of("petra", "sara", "anna")) {
      assertThat(Sidklient.inloggad(port, annan).get("/statistik/import").status()).isEqualTo(403);
    }
  }

  @Test
  @DisplayName(
      "Givet definitionssidan när administratören flyttar Studier till delraden arbete och"
          + " Föräldraledighet till hälsoskäl så använder årets rapporter den nya definitionen;"
          + " en tom beskrivning sparar ingenting")
  void definitionssidan() {
    Sidklient admin = Sidklient.inloggad(port, "admin");
    Sida sida = admin.get("/admin/statistikdefinitioner?ar=" + AR);
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.html())
        .contains("id=\"orsak_STUDIER\"")
        .doesNotContain("orsak_FELREGISTRERING");

    Map<String, Object> falt = new java.util.HashMap<>();
    falt.put("beskrivning", "Studier räknas som arbete " + AR);
    falt.put("orsak_STUDIER", "arbete");
    falt.put("orsak_ARBETE_EJ_SUBVENTIONERAT", "arbete");
    falt.put("orsak_OHALSA", "HALSOSKAL");
    falt.put("orsak_FORALDRALEDIGHET", "HALSOSKAL");
    falt.put("orsak_EXTRATJANST", "OVRIGT");
    falt.put("anonymaITotalen", "false");
    falt.put("delradAndelAv", "AVSLUTADE");
    Sida sparad = admin.post("/admin/statistikdefinitioner/" + AR, falt);
    assertThat(sparad.status()).isEqualTo(302);
    StatistikDefinition d = definitioner.giltig(AR);
    assertThat(d.ar()).isEqualTo(AR);
    assertThat(d.positivLosning().get("arbete"))
        .containsExactlyInAnyOrder("ARBETE_EJ_SUBVENTIONERAT", "STUDIER");
    assertThat(d.positivLosning().get("studier")).isEmpty();
    assertThat(d.avbrottHalsoskal()).containsExactlyInAnyOrder("OHALSA", "FORALDRALEDIGHET");
    assertThat(d.anonymaITotalen()).isFalse();
    assertThat(d.delradAndelAv()).isEqualTo("AVSLUTADE");
    assertThat(admin.get("/admin/statistikdefinitioner?ar=" + AR).html())
        .contains("Definitionen för " + AR + " är sparad.")
        .contains("Studier räknas som arbete");

    falt.put("beskrivning", " ");
    falt.put("orsak_STUDIER", "studier");
    Sida tom = admin.post("/admin/statistikdefinitioner/" + AR, falt);
    assertThat(tom.status()).isEqualTo(400);
    assertThat(tom.html()).contains("beskrivning: Beskriv definitionen");
    assertThat(definitioner.giltig(AR).positivLosning().get("arbete")).contains("STUDIER");

    assertThat(Sidklient.inloggad(port, "petra").get("/admin/statistikdefinitioner").status())
        .isEqualTo(403);
  }
}
