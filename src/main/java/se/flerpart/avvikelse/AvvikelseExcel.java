package se.flerpart.avvikelse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The deviation list as an Excel workbook, one row per deviation, for the arbetsgrupp's work. */
final class AvvikelseExcel {

  static final String MEDIATYP =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final List<String> KOLUMNER =
      List.of(
          "Nummer",
          "Typ",
          "Kategori",
          "Berörd part",
          "Status",
          "Allvarlighet",
          "Rapporterad",
          "Ålder (dagar)",
          "Rapporterad av",
          "Ärende",
          "Insats",
          "Belopp (tkr)",
          "Utredare",
          "Avslutad",
          "Beskrivning");

  private AvvikelseExcel() {}

  static byte[] skapa(List<AvvikelseVy> avvikelser) {
    try (ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      Workbook bok = new Workbook(ut, "Flerpart", "1.0");
      Worksheet blad = bok.newWorksheet("Avvikelser");
      for (int k = 0; k < KOLUMNER.size(); k++) {
        blad.value(0, k, KOLUMNER.get(k));
        blad.style(0, k).bold().fillColor("E8F1F8").set();
      }
      int r = 1;
      for (AvvikelseVy a : avvikelser) {
        blad.value(r, 0, a.nummer());
        blad.value(r, 1, a.typNamn());
        blad.value(r, 2, Avvikelsetyp.INSATS.equals(a.kategori()) ? "Insats" : "Ärende och rutin");
        blad.value(r, 3, a.berordPartNamn());
        blad.value(r, 4, a.statusText());
        blad.value(r, 5, a.allvarlighetText());
        datum(blad, r, 6, a.skapad());
        blad.value(r, 7, a.alderDagar());
        blad.value(r, 8, a.rapporteradAvNamn());
        blad.value(r, 9, a.arendenummer());
        blad.value(r, 10, a.insatsNamn());
        if (a.beloppTkr() != null) {
          blad.value(r, 11, a.beloppTkr());
        }
        blad.value(r, 12, a.utredareNamn());
        datum(blad, r, 13, a.avslutad());
        blad.value(r, 14, a.beskrivning());
        r++;
      }
      blad.freezePane(0, 1);
      blad.finish();
      bok.finish();
      return ut.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Kunde inte skapa Excel-filen", e);
    }
  }

  private static void datum(Worksheet blad, int r, int k, Instant t) {
    if (t != null) {
      blad.value(r, k, LocalDateTime.ofInstant(t, AvvikelseService.SVERIGE));
      blad.style(r, k).format("yyyy-mm-dd").set();
    }
  }
}
