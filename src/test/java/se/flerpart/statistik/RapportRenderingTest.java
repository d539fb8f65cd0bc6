package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.flerpart.notifiering.PdfRenderer;

/**
 * The report as PDF and Excel, from tables built by hand: title, period and insats, the definition
 * and its footnotes, every row with its kön columns and share or its lead times, sub-rows, the
 * processledare's comments, and a failed check as a visible warning.
 */
class RapportRenderingTest {

  private static final LocalDate FRAN = LocalDate.of(2026, 1, 1);
  private static final LocalDate TILL = LocalDate.of(2026, 3, 31);
  private static final Tabell.Definition DEFINITION =
      new Tabell.Definition(
          2026,
          "Positiv lösning är arbete, studier och fortsatt rehabilitering.",
          List.of("Anonyma deltagare räknas i totalerna.", "Felregistreringar är borttagna."));

  private final RapportPdf pdf = new RapportPdf(new PdfRenderer());
  private final RapportExcel excel = new RapportExcel();

  static Tabell avslutade() {
    return new Tabell(
        "avslutade",
        "Avslutade under perioden",
        FRAN,
        TILL,
        null,
        DEFINITION,
        List.of(
            Rad.kon("positiv-losning", "Positiv lösning", null, 4, 3, 0, new BigDecimal("63.6")),
            Rad.kon("arbete", "Arbete", "positiv-losning", 2, 1, 0, new BigDecimal("42.9")),
            Rad.kon("ovriga-avbrott", "Övriga avbrott", null, 1, 2, 1, new BigDecimal("36.4"))),
        List.of(
            new Kontroll("summa-kon", "K + M + annat = totalt", true, null, List.of()),
            new Kontroll(
                "utan-avslutsorsak",
                "Avslutade utan avslutsorsak",
                false,
                "2 avslutade saknar avslutsorsak",
                List.of("2026-0007", "import rad 12"))));
  }

  static Tabell ledtider() {
    return new Tabell(
        "ledtider",
        "Ledtider",
        FRAN,
        TILL,
        null,
        DEFINITION,
        List.of(
            Rad.ledtid(
                "aktualisering-beslut",
                "Aktualisering till beslut",
                9,
                new BigDecimal("14.5"),
                new BigDecimal("21"),
                40,
                2)),
        List.of(new Kontroll("ledtid-positiv", "Inga negativa ledtider", true, null, List.of())));
  }

  static Rapportdel del() {
    return new Rapportdel(
        "Hela förbundet, perioden", FRAN, TILL, null, null, List.of(avslutade(), ledtider()));
  }

  @Test
  @DisplayName("Granskningen listar ett dataproblem en gång per del, med tabellerna det gäller")
  void granskningenSamlarSammaProblem() {
    Tabell ocksaUtanOrsak =
        new Tabell(
            "ledtider",
            "Ledtider",
            FRAN,
            TILL,
            null,
            DEFINITION,
            List.of(),
            avslutade().kontroller());
    Rapportdel tva =
        new Rapportdel(
            "Hela förbundet, perioden",
            FRAN,
            TILL,
            null,
            null,
            List.of(avslutade(), ocksaUtanOrsak));

    String text = GranskaRapportHandler.kontrollText(List.of(tva, del()));

    assertThat(text)
        .startsWith("**Varning: 3 kontroller gick inte igenom.**")
        .contains("- Hela förbundet, perioden: 2 avslutade saknar avslutsorsak (i alla 2 tabeller)")
        .contains(
            "- Hela förbundet, perioden: 2 avslutade saknar avslutsorsak (Avslutade under"
                + " perioden)");
    assertThat(text.lines().filter(r -> r.startsWith("- "))).hasSize(2);
    assertThat(GranskaRapportHandler.kontrollText(List.of()))
        .isEqualTo("Alla kontroller av rapportens summor och data gick igenom.");
  }

  @Test
  @DisplayName(
      "PDF:en visar titel, period, definition, fotnoter, raderna, kommentaren och varningen")
  void pdfMedAllaDelar() throws IOException {
    byte[] fil =
        pdf.rendera(
            "Uppföljningsrapport 2026-01-01 – 2026-03-31",
            List.of(del()),
            Map.of("avslutade", "Fler avslut än förra kvartalet."),
            "Godkänd av Petra Processledare 2026-04-02 09:00.");

    String text = text(fil);
    assertThat(text)
        .contains("Uppföljningsrapport 2026-01-01 – 2026-03-31")
        .contains("Godkänd av Petra Processledare")
        .contains("Period: 2026-01-01 – 2026-03-31")
        .contains("Insats: Hela förbundet.")
        .contains("Beräknad med definitionen för 2026: Positiv lösning är arbete")
        .contains("1. Anonyma deltagare räknas i totalerna.")
        .contains("2. Felregistreringar är borttagna.")
        .contains("Varning: 1 kontroll gick inte igenom")
        .contains("Varning: 2 avslutade saknar avslutsorsak (2026-0007, import rad 12)")
        .contains("Kontroll godkänd: K + M + annat = totalt")
        .contains("Processledarens kommentar: Fler avslut än förra kvartalet.");
    assertThat(text).containsPattern("Kvinnor\\s+Män\\s+Annat\\s*/okänt\\s+Totalt\\s+Andel");
    assertThat(text).containsPattern("Positiv lösning\\s+4\\s+3\\s+0\\s+7\\s+63,6 %");
    assertThat(text).containsPattern("Arbete\\s+2\\s+1\\s+0\\s+3\\s+42,9 %");
    assertThat(text).containsPattern("Övriga avbrott\\s+1\\s+2\\s+1\\s+4\\s+36,4 %");
    assertThat(text)
        .containsPattern("Antal\\s+Median\\s+\\(dagar\\)\\s+80:e\\s+percentil\\s+\\(dagar\\)");
    assertThat(text).containsPattern("Aktualisering till beslut\\s+9\\s+14,5\\s+21,0\\s+40\\s+2");
  }

  @Test
  @DisplayName("En rapport där alla kontroller går igenom har ingen varning")
  void pdfUtanVarning() throws IOException {
    Rapportdel del = new Rapportdel("Hela förbundet", FRAN, TILL, null, null, List.of(ledtider()));
    String text = text(pdf.rendera("Statistik", List.of(del), Map.of(), null));
    assertThat(text).doesNotContain("Varning").contains("Kontroll godkänd: Inga negativa ledtider");
  }

  @Test
  @DisplayName(
      "Excel-filen har ett översiktsblad och ett blad per tabell med raderna, kontrollerna och"
          + " kommentaren")
  void excelMedEttBladPerTabell() throws IOException {
    Rapportdel insats =
        new Rapportdel(
            "Flerpartssamverkan, perioden",
            FRAN,
            TILL,
            "flerpartssamverkan",
            "Flerpartssamverkan",
            List.of(avslutade(), ledtider()));
    byte[] fil =
        excel.skapa(
            "Uppföljningsrapport 2026-01-01 – 2026-03-31",
            List.of(del(), insats),
            Map.of("avslutade", "Fler avslut än förra kvartalet."),
            null);

    try (ReadableWorkbook bok = new ReadableWorkbook(new ByteArrayInputStream(fil))) {
      assertThat(bok.getSheets().map(Sheet::getName))
          .containsExactly("Rapport", "Avslutade under perioden", "Ledtider");

      List<List<String>> oversikt = rader(bok.getSheet(0).orElseThrow());
      assertThat(oversikt.get(0).get(0)).isEqualTo("Uppföljningsrapport 2026-01-01 – 2026-03-31");
      assertThat(oversikt)
          .anySatisfy(
              r ->
                  assertThat(r)
                      .containsExactly(
                          "VARNING",
                          "2 kontroller gick inte igenom; se varningarna under tabellerna."));
      assertThat(oversikt)
          .anySatisfy(
              r -> assertThat(r).containsExactly("Fotnot 2", "Felregistreringar är borttagna."));
      assertThat(oversikt)
          .anySatisfy(r -> assertThat(r).containsExactly("Insats", "Flerpartssamverkan"));

      List<List<String>> avslutade = rader(bok.getSheet(1).orElseThrow());
      assertThat(avslutade.get(0).get(0))
          .isEqualTo("Avslutade under perioden – Hela förbundet, perioden");
      assertThat(avslutade)
          .contains(List.of("", "Kvinnor", "Män", "Annat/okänt", "Totalt", "Andel (%)"))
          .contains(List.of("Positiv lösning", "4", "3", "0", "7", "63.6"))
          .contains(List.of("    Arbete", "2", "1", "0", "3", "42.9"))
          .contains(
              List.of("VARNING", "2 avslutade saknar avslutsorsak (2026-0007, import rad 12)"))
          .contains(List.of("Kontroll godkänd", "K + M + annat = totalt"))
          .contains(List.of("Processledarens kommentar", "Fler avslut än förra kvartalet."))
          .contains(List.of("Avslutade under perioden – Flerpartssamverkan, perioden"));
      // The comment belongs with the first part only.
      assertThat(avslutade.stream().filter(r -> r.get(0).equals("Processledarens kommentar")))
          .hasSize(1);

      List<List<String>> ledtider = rader(bok.getSheet(2).orElseThrow());
      assertThat(ledtider)
          .contains(
              List.of(
                  "", "Antal", "Median (dagar)", "80:e percentil (dagar)", "Max (dagar)", "Väntar"))
          .contains(List.of("Aktualisering till beslut", "9", "14.5", "21.0", "40", "2"));
    }
  }

  @Test
  void bladnamnHallerSigInomExcelsGranser() {
    var upptagna = new java.util.HashSet<String>();
    assertThat(
            RapportExcel.bladnamn("Avslutningsanledningar arbete/studier/arbetssökande", upptagna))
        .isEqualTo("Avslutningsanledningar arbete-s")
        .hasSizeLessThanOrEqualTo(31);
    assertThat(
            RapportExcel.bladnamn("Avslutningsanledningar arbete/studier/arbetssökande", upptagna))
        .isEqualTo("Avslutningsanledningar arbete 2");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument dok = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(dok);
    }
  }

  private static List<List<String>> rader(Sheet blad) throws IOException {
    List<List<String>> rader = new ArrayList<>();
    for (Row r : blad.read()) {
      List<String> celler = new ArrayList<>();
      for (int k = 0; k < r.getCellCount(); k++) {
        String text = r.getCellText(k);
        celler.add(text == null ? "" : text);
      }
      while (!celler.isEmpty() && celler.get(celler.size() - 1).isEmpty()) {
        celler.remove(celler.size() - 1);
      }
      rader.add(celler);
    }
    return rader;
  }
}
