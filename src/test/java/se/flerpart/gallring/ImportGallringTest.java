package se.flerpart.gallring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import se.flerpart.arende.PersonnummerSkydd;
import se.flerpart.statistik.Rapportfraga;
import se.flerpart.statistik.Statistikrapporter;

/**
 * Gallring of imported history: the gallring time after an imported participant's avslut, the
 * personnummer leaves every table while every report stays the same.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ImportGallringTest {

  static final String INSATS = "importgallring";

  @LocalServerPort int port;
  @Autowired Gallringsjobb jobb;
  @Autowired JdbcClient jdbc;
  @Autowired PersonnummerSkydd skydd;
  @Autowired Statistikrapporter rapporter;
  @Autowired ObjectMapper json;
  @Autowired Clock klocka;

  @BeforeEach
  void insats() {
    jdbc.sql(
            "insert into insats (kod, namn, beskrivning) values (?, 'Importgallring', 'Test')"
                + " on conflict (kod) do nothing")
        .param(INSATS)
        .update();
  }

  @AfterEach
  void stada() {
    jdbc.sql("delete from statistik_deltagare where insats_kod = ? and import_id is not null")
        .param(INSATS)
        .update();
    jdbc.sql(
            "delete from statistik_import i where not exists"
                + " (select 1 from statistik_deltagare d where d.import_id = i.id)")
        .update();
  }

  @Test
  @DisplayName(
      "Givet importerad historik när gallringstiden efter avslutet har passerats så finns"
          + " personnumret inte kvar i någon tabell, men varje rapport och varje fakta är"
          + " oförändrade; pågående och nyss avslutade deltagare behåller personnumret")
  void importeradHistorikGallras() throws Exception {
    LocalDate idag = LocalDate.now(klocka);
    LocalDate nyss = idag.minusDays(10);
    String fil =
        "personnummer,kon,fodelsear,insats,startdatum,avslutsdatum,avslutsorsak\n"
            + "19560412-9832,,,importgallring,2019-02-01,2019-11-30,STUDIER\n"
            + "19710315-1234,,,importgallring,2019-03-01,"
            + nyss
            + ",OHALSA\n"
            + "19900928-9001,,,importgallring,2020-01-15,,\n"
            + ",KVINNA,1966,importgallring,2019-04-01,2019-12-20,ANNAT\n";
    int status =
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/api/rapporter/import")
            .header(
                HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
            .contentType(MediaType.parseMediaType("text/csv"))
            .body(fil.getBytes(StandardCharsets.UTF_8))
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(status).isEqualTo(200);
    Rapportfraga fraga = new Rapportfraga(LocalDate.of(2019, 1, 1), idag, INSATS);
    Rapportfraga helaForbundet = new Rapportfraga(LocalDate.of(2019, 1, 1), idag, null);
    String rapportFore = rapport(fraga);
    String forbundetFore = rapport(helaForbundet);
    assertThat(rapportFore).contains("\"hela-perioden\"");
    List<Map<String, Object>> faktaFore = fakta();
    GallringApiTest.Spar spar = new GallringApiTest.Spar(jdbc, skydd);
    GallringApiTest.Person gammal = new GallringApiTest.Person("19560412-9832", "Ingenmarkor");
    GallringApiTest.Person nyssAvslutad =
        new GallringApiTest.Person("19710315-1234", "Ingenmarkor");
    GallringApiTest.Person pagaende = new GallringApiTest.Person("19900928-9001", "Ingenmarkor");
    assertThat(spar.sok(gammal)).containsKeys(GallringApiTest.Spar.KRYPTERAT);

    jobb.kor();

    assertThat(spar.sok(gammal))
        .doesNotContainKeys(
            GallringApiTest.Spar.KRYPTERAT, GallringApiTest.Spar.HASH, GallringApiTest.Spar.TOLV);
    assertThat(spar.sok(nyssAvslutad)).containsKeys(GallringApiTest.Spar.KRYPTERAT);
    assertThat(spar.sok(pagaende)).containsKeys(GallringApiTest.Spar.KRYPTERAT);
    assertThat(fakta()).isEqualTo(faktaFore);
    assertThat(rapport(fraga)).isEqualTo(rapportFore);
    assertThat(rapport(helaForbundet)).isEqualTo(forbundetFore);
    assertThat(
            jdbc.sql(
                    "select count(*) from statistik_deltagare where insats_kod = ?"
                        + " and personnummer_gallrat is not null and import_nyckel like 'gallrad:%'")
                .param(INSATS)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // Run again: nothing more goes, nothing changes.
    jobb.kor();
    assertThat(fakta()).isEqualTo(faktaFore);
    assertThat(spar.sok(nyssAvslutad)).containsKeys(GallringApiTest.Spar.KRYPTERAT);
  }

  /** Every table of the full report as JSON. */
  private String rapport(Rapportfraga fraga) throws Exception {
    return json.writeValueAsString(rapporter.alla(fraga));
  }

  /** What the reports count: every column but the personal ones and the row's key. */
  private List<Map<String, Object>> fakta() {
    return jdbc.sql(
            """
            select id, anonym, kon, fodelsear, insats_kod, aktualiserande_part,
              aktualiseringsdatum, beslut, beslutsdatum, startdatum, forsta_motesdatum,
              forsta_uppfoljningsdatum, avslutsdatum, avslutsorsak, sysselsattning_efter,
              omfattning, subventionerad, utbildningsniva, tid_i_forsorjning,
              array_to_string(forsorjning_start, '|') fs, array_to_string(forsorjning_efter, '|') fe,
              handlingsplan, import_id
            from statistik_deltagare where insats_kod = ? order by id
            """)
        .param(INSATS)
        .query()
        .listOfRows();
  }
}
