package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import se.flerpart.arende.PersonnummerSkydd;

/**
 * The history import over the REST API: the README's example file, all or nothing with every bad
 * cell named, the same file twice, Excel, and what is not a CSV or Excel file. The rows go to an
 * insats of the test's own and are removed after each test, so no report of another test sees them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class HistorikimportApiTest {

  static final String INSATS = "importtest";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String RUBRIK =
      "personnummer,kon,fodelsear,insats,aktualiserandePart,aktualiseringsdatum,beslut,"
          + "beslutsdatum,startdatum,avslutsdatum,avslutsorsak,sysselsattningEfter,omfattning,"
          + "subventionerad,utbildningsniva,tidIOffentligForsorjning,forsorjningStart,"
          + "forsorjningEfter,handlingsplan\n";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PersonnummerSkydd skydd;
  final ObjectMapper json = new ObjectMapper();

  record Svar(int status, JsonNode kropp) {}

  @BeforeEach
  void insats() {
    skapaInsats(jdbc, INSATS);
  }

  @AfterEach
  void stadaUpp() {
    stada(jdbc, INSATS);
  }

  static void skapaInsats(JdbcClient jdbc, String kod) {
    jdbc.sql(
            "insert into insats (kod, namn, beskrivning) values (?, 'Importtest', 'Test')"
                + " on conflict (kod) do nothing")
        .param(kod)
        .update();
  }

  /** Removes the test's imported rows and their imports. */
  static void stada(JdbcClient jdbc, String kod) {
    jdbc.sql("delete from statistik_deltagare where insats_kod = ? and import_nyckel is not null")
        .param(kod)
        .update();
    jdbc.sql(
            "delete from statistik_import i where not exists"
                + " (select 1 from statistik_deltagare d where d.import_id = i.id)")
        .update();
  }

  /** The README's example file, with the test's insats. */
  static byte[] exempelfil(String insats) throws IOException {
    String text = Files.readString(Path.of("src/docs/exempel/deltagare-2025.csv"));
    return text.replace("flerpartssamverkan", insats).getBytes(StandardCharsets.UTF_8);
  }

  Svar skicka(String anvandare, String typ, byte[] kropp) {
    return svar(
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/api/rapporter/import")
            .header(HttpHeaders.AUTHORIZATION, basic(anvandare))
            .contentType(MediaType.parseMediaType(typ))
            .body(kropp));
  }

  Svar skickaFil(String anvandare, String filnamn, String typ, byte[] innehall) {
    HttpHeaders del = new HttpHeaders();
    del.setContentType(MediaType.parseMediaType(typ));
    del.setContentDispositionFormData("fil", filnamn);
    LinkedMultiValueMap<String, Object> falt = new LinkedMultiValueMap<>();
    falt.add(
        "fil",
        new org.springframework.http.HttpEntity<>(
            new ByteArrayResource(innehall) {
              @Override
              public String getFilename() {
                return filnamn;
              }
            },
            del));
    return svar(
        RestClient.create("http://localhost:" + port)
            .post()
            .uri("/api/rapporter/import")
            .header(HttpHeaders.AUTHORIZATION, basic(anvandare))
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(falt));
  }

  private Svar svar(RestClient.RequestBodySpec spec) {
    return spec.accept(MediaType.APPLICATION_JSON)
        .exchange(
            (req, res) -> {
              byte[] b = res.getBody().readAllBytes();
              return new Svar(
                  res.getStatusCode().value(), b.length == 0 ? json.nullNode() : json.readTree(b));
            });
  }

  static String basic(String anvandare) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /** Every fact of the test's imported rows, in a fixed order: what the reports count. */
  List<Map<String, Object>> fakta() {
    return jdbc.sql(
            """
            select import_nyckel, anonym, kon, fodelsear, insats_kod, aktualiserande_part,
              aktualiseringsdatum, beslut, beslutsdatum, startdatum, avslutsdatum, avslutsorsak,
              sysselsattning_efter, omfattning, subventionerad, utbildningsniva,
              tid_i_forsorjning, array_to_string(forsorjning_start, '|') fs,
              array_to_string(forsorjning_efter, '|') fe, handlingsplan,
              personnummer_hash, import_id
            from statistik_deltagare where insats_kod = ? order by import_nyckel
            """)
        .param(INSATS)
        .query()
        .listOfRows();
  }

  int antalImporter() {
    return jdbc.sql("select count(*) from statistik_import").query(Integer.class).single();
  }

  @Test
  @DisplayName(
      "Givet README:ns exempelfil när administratören importerar den så blir varje rad en"
          + " deltagare, personnumren krypteras, kön och födelseår tas ur personnumret, och samma"
          + " fil en gång till ändrar ingenting")
  void exempelfilenImporterasEnGang() throws IOException {
    byte[] fil = exempelfil(INSATS);

    Svar forsta = skicka("admin", "text/csv", fil);

    assertThat(forsta.status()).as(forsta.kropp().toString()).isEqualTo(200);
    assertThat(forsta.kropp().path("importerade").asInt()).isEqualTo(40);
    List<Map<String, Object>> rader = fakta();
    assertThat(rader).hasSize(40);
    assertThat(rader).filteredOn(r -> (Boolean) r.get("anonym")).hasSize(6);
    assertThat(rader)
        .filteredOn(r -> r.get("avslutsdatum") != null && r.get("avslutsorsak") == null)
        .hasSize(1);
    // The first row: 19900928-9001 (an even second-to-last digit: a woman), kön and year from the
    // personnummer, the facts as written.
    Map<String, Object> forstaRaden =
        jdbc.sql("select * from statistik_deltagare where insats_kod = ? and personnummer_hash = ?")
            .params(
                INSATS,
                skydd.hash(se.flerpart.arende.Personnummer.tolka("19900928-9001", LocalDate.now())))
            .query()
            .singleRow();
    assertThat(forstaRaden)
        .containsEntry("kon", "KVINNA")
        .containsEntry("fodelsear", 1990)
        .containsEntry("anonym", false)
        .containsEntry("aktualiserande_part", "FK")
        .containsEntry("avslutsorsak", "ARBETE_EJ_SUBVENTIONERAT")
        .containsEntry("omfattning", 50)
        .containsEntry("subventionerad", false)
        .containsEntry("handlingsplan", true);
    String krypterat = (String) forstaRaden.get("personnummer_krypterat");
    assertThat(krypterat).doesNotContain("19900928").doesNotContain("9001");
    assertThat(skydd.dekryptera(krypterat).formaterat()).isEqualTo("19900928-9001");
    int importer = antalImporter();

    Svar andra = skicka("admin", "text/csv", fil);

    assertThat(andra.status()).isEqualTo(200);
    assertThat(andra.kropp().path("importerade").asInt()).isZero();
    assertThat(fakta()).isEqualTo(rader);
    assertThat(antalImporter()).isEqualTo(importer);
  }

  @Test
  @DisplayName(
      "Givet en fil med fel på flera rader när den importeras så svarar Flerpart 400 med varje"
          + " felaktig rad och kolumn på svenska, och ingenting importeras")
  void felaktigFilImporterarIngenting() {
    String fil =
        RUBRIK
            + "19900928-9001,,,importtest,FK,2025-01-10,JA,2025-02-01,2025-02-01,,,,,,,,,,true\n"
            + "19900928-9002,,,importtest,FK,2025-01-10,JA,2025-02-01,2025-02-01,,,,,,,,,,true\n"
            + ",KVINNA,1980,importtest,FK,2025-01-10,JA,2025-02-01,1/2/2025,,,,,,,,,,true\n"
            + ",,,okand,XX,,KANSKE,,2025-02-01,2025-05-01,PENSION,,150,,,,LON|GULD,,kanske\n";
    int importer = antalImporter();

    Svar svar = skicka("admin", "text/csv", fil.getBytes(StandardCharsets.UTF_8));

    assertThat(svar.status()).isEqualTo(400);
    JsonNode fel = svar.kropp().path("fel");
    assertThat(fel.path("rad 3, personnummer").asText())
        .isEqualTo("Personnumrets kontrollsiffra stämmer inte");
    assertThat(fel.path("rad 4, startdatum").asText()).isEqualTo("Datumet ska skrivas ÅÅÅÅ-MM-DD");
    assertThat(fel.path("rad 5, kon").asText()).contains("Ange kön");
    assertThat(fel.path("rad 5, fodelsear").asText()).contains("Ange födelseår");
    assertThat(fel.path("rad 5, insats").asText()).isEqualTo("Okänd kod okand.");
    assertThat(fel.path("rad 5, aktualiserandePart").asText()).isEqualTo("Okänd kod XX.");
    assertThat(fel.path("rad 5, beslut").asText()).contains("JA, NEJ, KOMPLETTERA eller HANVISA");
    assertThat(fel.path("rad 5, avslutsorsak").asText()).isEqualTo("Okänd kod PENSION.");
    assertThat(fel.path("rad 5, omfattning").asText()).contains("0–100");
    assertThat(fel.path("rad 5, forsorjningStart").asText()).contains("GULD");
    assertThat(fel.path("rad 5, handlingsplan").asText()).isEqualTo("Ska vara true eller false.");
    assertThat(fel.has("rad 2, personnummer")).isFalse();
    assertThat(fel.size()).isEqualTo(11);
    assertThat(fakta()).isEmpty();
    assertThat(antalImporter()).isEqualTo(importer);
  }

  @Test
  @DisplayName(
      "Givet en okänd kolumn eller en saknad obligatorisk kolumn så svarar importen 400 med"
          + " kolumnen namngiven på rubrikraden")
  void felKolumn() {
    Svar svar =
        skicka(
            "admin",
            "text/csv",
            "personnummer,insats,start\n19900928-9001,importtest,2025-01-01\n"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(svar.status()).isEqualTo(400);
    assertThat(svar.kropp().path("fel").path("rad 1, start").asText()).startsWith("Okänd kolumn");
    assertThat(svar.kropp().path("fel").path("rad 1, startdatum").asText())
        .isEqualTo("Kolumnen startdatum saknas.");
    assertThat(fakta()).isEmpty();
  }

  @Test
  @DisplayName(
      "Givet en Excelfil som multipart-fältet fil så importeras den som CSV:n, med Excels egna"
          + " datum; en senare fil med samma person, insats och startdatum uppdaterar raden")
  void excelOchUppdatering() throws IOException {
    ByteArrayOutputStream ut = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(ut, "Test", "1.0")) {
      Worksheet ark = wb.newWorksheet("Deltagare");
      String[] kolumner = {"personnummer", "insats", "startdatum", "avslutsdatum", "fodelsear"};
      for (int c = 0; c < kolumner.length; c++) {
        ark.value(0, c, kolumner[c]);
      }
      ark.value(1, 0, "19730916-9014");
      ark.value(1, 1, INSATS);
      ark.value(1, 2, LocalDate.of(2025, 4, 26));
      ark.style(1, 2).format("yyyy-mm-dd").set();
      ark.value(2, 0, "");
      ark.value(2, 1, INSATS);
      ark.value(2, 2, "2025-05-02");
      ark.value(2, 4, 1979);
    }
    Svar saknarKon = skickaFil("admin", "deltagare.xlsx", XLSX, ut.toByteArray());
    // The anonymous row has no kön: the whole file is refused, with the Excel row's number.
    assertThat(saknarKon.status()).isEqualTo(400);
    assertThat(saknarKon.kropp().path("fel").path("rad 3, kon").asText()).contains("Ange kön");
    assertThat(saknarKon.kropp().path("fel").size()).isEqualTo(1);
    assertThat(fakta()).isEmpty();

    ut = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(ut, "Test", "1.0")) {
      Worksheet ark = wb.newWorksheet("Deltagare");
      String[] kolumner = {"personnummer", "insats", "startdatum", "kon", "fodelsear"};
      for (int c = 0; c < kolumner.length; c++) {
        ark.value(0, c, kolumner[c]);
      }
      ark.value(1, 0, "19730916-9014");
      ark.value(1, 1, INSATS);
      ark.value(1, 2, LocalDate.of(2025, 4, 26));
      ark.style(1, 2).format("yyyy-mm-dd").set();
      ark.value(2, 1, INSATS);
      ark.value(2, 2, "2025-05-02");
      ark.value(2, 3, "ANNAT_OKANT");
      ark.value(2, 4, 1979);
    }
    Svar svar = skickaFil("admin", "deltagare.xlsx", XLSX, ut.toByteArray());

    assertThat(svar.status()).as(svar.kropp().toString()).isEqualTo(200);
    assertThat(svar.kropp().path("importerade").asInt()).isEqualTo(2);
    assertThat(fakta())
        .extracting(
            r -> r.get("startdatum").toString() + " " + r.get("kon") + " " + r.get("fodelsear"))
        .containsExactlyInAnyOrder("2025-04-26 MAN 1973", "2025-05-02 ANNAT_OKANT 1979");

    // A later CSV says the same participation ended: the row is updated, not doubled.
    Svar senare =
        skicka(
            "admin",
            "text/csv",
            ("personnummer,insats,startdatum,avslutsdatum,avslutsorsak\n"
                    + "197309169014,importtest,2025-04-26,2025-11-30,STUDIER\n")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(senare.kropp().path("importerade").asInt()).isEqualTo(1);
    assertThat(fakta()).hasSize(2);
    assertThat(
            jdbc.sql(
                    "select avslutsorsak from statistik_deltagare where insats_kod = ?"
                        + " and avslutsdatum = date '2025-11-30'")
                .param(INSATS)
                .query(String.class)
                .single())
        .isEqualTo("STUDIER");
  }

  @Test
  @DisplayName(
      "Givet något annat än CSV eller xlsx, en för stor fil eller en användare som inte är"
          + " administratör så importeras ingenting: 400 för filen, 403 för användaren")
  void felFilOchFelAnvandare() {
    byte[] csv =
        ("personnummer,insats,startdatum\n19900928-9001,importtest,2025-01-01\n")
            .getBytes(StandardCharsets.UTF_8);

    Svar json = skicka("admin", "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.kropp().path("fel").path("fil").asText()).contains("CSV");

    Svar semikolon =
        skicka(
            "admin",
            "text/csv",
            "personnummer;insats;startdatum\n19900928-9001;importtest;2025-01-01\n"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(semikolon.status()).isEqualTo(400);
    assertThat(semikolon.kropp().path("fel").path("fil").asText()).contains("semikolonseparerad");

    Svar pdf = skickaFil("admin", "rapport.pdf", "application/pdf", "%PDF-1.4".getBytes());
    assertThat(pdf.status()).isEqualTo(400);
    assertThat(pdf.kropp().path("fel").path("fil").asText()).contains("CSV");

    Svar falskExcel = skicka("admin", XLSX, csv);
    assertThat(falskExcel.status()).isEqualTo(400);
    assertThat(falskExcel.kropp().path("fel").has("fil")).isTrue();

    byte[] stor = new byte[10 * 1024 * 1024 + 10];
    java.util.Arrays.fill(stor, (byte) 'a');
    Svar forStor = skicka("admin", "text/csv", stor);
    assertThat(forStor.status()).isEqualTo(400);
    assertThat(forStor.kropp().path("fel").path("fil").asText()).contains("10 MB");

    Svar petra = skicka("petra", "text/csv", csv);
    assertThat(petra.status()).isEqualTo(403);
    Svar sara = skickaFil("sara", "d.csv", "text/csv", csv);
    assertThat(sara.status()).isEqualTo(403);

    assertThat(fakta()).isEmpty();
  }
}
