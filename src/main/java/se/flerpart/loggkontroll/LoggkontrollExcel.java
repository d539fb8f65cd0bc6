package se.flerpart.loggkontroll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import se.flerpart.arende.ArendeService;

/** The reads of a loggkontroll search as an Excel workbook, one row per read. */
final class LoggkontrollExcel {

  static final String MEDIATYP =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  static final List<String> KOLUMNER =
      List.of(
          "Tid",
          "Användar-id",
          "Namn",
          "Part vid läsningen",
          "Ärende",
          "Handling",
          "Flaggad",
          "Orsak till flaggan");

  private LoggkontrollExcel() {}

  static byte[] skapa(Loggkontroll.Resultat resultat) {
    try (ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      Workbook bok = new Workbook(ut, "Flerpart", "1.0");
      Worksheet blad = bok.newWorksheet("Granskningslogg");
      for (int k = 0; k < KOLUMNER.size(); k++) {
        blad.value(0, k, KOLUMNER.get(k));
        blad.style(0, k).bold().fillColor("E8F1F8").set();
      }
      int r = 1;
      for (Loggkontroll.Rad rad : resultat.rader()) {
        blad.value(r, 0, LocalDateTime.ofInstant(rad.tid(), ArendeService.SVERIGE));
        blad.style(r, 0).format("yyyy-mm-dd hh:mm:ss").set();
        blad.value(r, 1, rad.anvandare());
        blad.value(r, 2, rad.anvandareNamn());
        blad.value(r, 3, rad.partNamn());
        blad.value(r, 4, rad.arendenummer());
        blad.value(r, 5, rad.handlingText());
        blad.value(r, 6, rad.flaggad() ? "Ja" : "Nej");
        blad.value(r, 7, rad.orsak());
        r++;
      }
      if (resultat.begransad()) {
        blad.value(
            r + 1,
            0,
            "Urvalet omfattar "
                + resultat.antal()
                + " läsningar; filen har de "
                + resultat.rader().size()
                + " senaste. Avgränsa perioden för att få resten.");
      }
      blad.freezePane(0, 1);
      blad.finish();
      bok.finish();
      return ut.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Kunde inte skapa Excel-filen", e);
    }
  }
}
