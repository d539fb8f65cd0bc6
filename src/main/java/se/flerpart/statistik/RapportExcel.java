package se.flerpart.statistik;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * A report as one Excel workbook: a first sheet with the title, the definition and footnotes of
 * each part and the number of failed checks, then a sheet per table with, per part, its rows and
 * under them its checks (a failed one marked VARNING) and the processledare's comment.
 */
@Component
public class RapportExcel {

  static final String MEDIATYP =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private static final String RUBRIKFARG = "E8F1F8";
  private static final String VARNINGSFARG = "FBE9E9";

  public byte[] skapa(
      String titel, List<Rapportdel> delar, Map<String, String> kommentarer, String status) {
    List<Rapportvy.DelVy> vyer = Rapportvy.delar(delar, kommentarer);
    try (ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      Workbook bok = new Workbook(ut, "Flerpart", "1.0");
      oversikt(bok.newWorksheet("Rapport"), titel, status, vyer);
      Set<String> bladnamn = new HashSet<>(Set.of("Rapport"));
      List<String> tabeller =
          vyer.stream()
              .flatMap(d -> d.tabeller().stream())
              .map(Rapportvy.TabellVy::tabell)
              .distinct()
              .toList();
      for (String tabell : tabeller) {
        String namn =
            vyer.stream()
                .flatMap(d -> d.tabeller().stream())
                .filter(t -> t.tabell().equals(tabell))
                .findFirst()
                .map(Rapportvy.TabellVy::namn)
                .orElse(tabell);
        Worksheet blad = bok.newWorksheet(bladnamn(namn, bladnamn));
        tabellblad(blad, tabell, vyer);
      }
      bok.finish();
      return ut.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Kunde inte skapa Excel-filen", e);
    }
  }

  private static void oversikt(
      Worksheet blad, String titel, String status, List<Rapportvy.DelVy> delar) throws IOException {
    blad.width(0, 30);
    blad.width(1, 90);
    blad.value(0, 0, titel);
    blad.style(0, 0).bold().fontSize(14).set();
    int r = 1;
    if (status != null) {
      blad.value(r++, 0, status);
    }
    blad.value(r++, 0, "Rapporten innehåller inga personuppgifter.");
    long underkanda = delar.stream().mapToLong(Rapportvy.DelVy::underkanda).sum();
    if (underkanda > 0) {
      blad.value(r, 0, "VARNING");
      blad.value(
          r, 1, underkanda + " kontroller gick inte igenom; se varningarna under tabellerna.");
      blad.style(r, 0).bold().fillColor(VARNINGSFARG).set();
      r++;
    }
    r++;
    for (Rapportvy.DelVy d : delar) {
      blad.value(r, 0, d.rubrik());
      blad.style(r, 0).bold().fillColor(RUBRIKFARG).set();
      r++;
      blad.value(r, 0, "Period");
      blad.value(r++, 1, d.period());
      blad.value(r, 0, "Insats");
      blad.value(r++, 1, d.insats());
      blad.value(r, 0, "Definition");
      blad.value(r++, 1, d.definition());
      for (int i = 0; i < d.fotnoter().size(); i++) {
        blad.value(r, 0, "Fotnot " + (i + 1));
        blad.value(r++, 1, d.fotnoter().get(i));
      }
      blad.value(r, 0, "Underkända kontroller");
      blad.value(r++, 1, d.underkanda());
      r++;
    }
    blad.finish();
  }

  private static void tabellblad(Worksheet blad, String tabell, List<Rapportvy.DelVy> delar)
      throws IOException {
    blad.width(0, 42);
    for (int k = 1; k <= 5; k++) {
      blad.width(k, 14);
    }
    int r = 0;
    for (Rapportvy.DelVy d : delar) {
      for (Rapportvy.TabellVy t : d.tabeller()) {
        if (!t.tabell().equals(tabell)) {
          continue;
        }
        blad.value(r, 0, t.namn() + " – " + d.rubrik());
        blad.style(r, 0).bold().fontSize(12).set();
        r++;
        blad.value(r++, 0, d.insats() + ", " + d.period());
        List<String> kolumner =
            t.ledtider()
                ? List.of(
                    "",
                    "Antal",
                    "Median (dagar)",
                    "80:e percentil (dagar)",
                    "Max (dagar)",
                    "Väntar")
                : t.andel()
                    ? List.of("", "Kvinnor", "Män", "Annat/okänt", "Totalt", "Andel (%)")
                    : List.of("", "Kvinnor", "Män", "Annat/okänt", "Totalt");
        for (int k = 0; k < kolumner.size(); k++) {
          blad.value(r, k, kolumner.get(k));
          blad.style(r, k).bold().fillColor(RUBRIKFARG).set();
        }
        r++;
        for (Rapportvy.RadVy rad : t.rader()) {
          blad.value(r, 0, (rad.delrad() ? "    " : "") + rad.namn());
          if (t.ledtider()) {
            tal(blad, r, 1, rad.antal());
            tal(blad, r, 2, rad.medianDagar());
            tal(blad, r, 3, rad.p80Dagar());
            tal(blad, r, 4, rad.maxDagar());
            tal(blad, r, 5, rad.vantande());
          } else {
            tal(blad, r, 1, rad.kvinnor());
            tal(blad, r, 2, rad.man());
            tal(blad, r, 3, rad.annat());
            tal(blad, r, 4, rad.totalt());
            if (t.andel()) {
              tal(blad, r, 5, rad.andel().replace(" %", ""));
            }
          }
          r++;
        }
        for (Rapportvy.KontrollVy k : t.kontroller()) {
          blad.value(r, 0, k.godkand() ? "Kontroll godkänd" : "VARNING");
          String text =
              k.godkand()
                  ? k.beskrivning()
                  : (k.meddelande() == null ? k.beskrivning() : k.meddelande())
                      + (k.arenden() == null ? "" : " (" + k.arenden() + ")");
          blad.value(r, 1, text);
          if (!k.godkand()) {
            blad.style(r, 0).bold().fillColor(VARNINGSFARG).set();
          }
          r++;
        }
        if (t.kommentar() != null) {
          blad.value(r, 0, "Processledarens kommentar");
          blad.value(r++, 1, t.kommentar());
        }
        r++;
      }
    }
    blad.freezePane(1, 0);
    blad.finish();
  }

  /** A number as a number (so the sheet can sum it), a dash or empty cell as text. */
  private static void tal(Worksheet blad, int r, int k, String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    try {
      blad.value(r, k, new java.math.BigDecimal(text.replace(',', '.')));
    } catch (NumberFormatException e) {
      blad.value(r, k, text);
    }
  }

  /** Excel allows 31 characters and none of \ / ? * [ ] : in a sheet's name. */
  static String bladnamn(String namn, Set<String> upptagna) {
    String rent = namn.replaceAll("[\\\\/?*\\[\\]:]", "-").strip();
    String forslag = rent.length() > 31 ? rent.substring(0, 31).strip() : rent;
    int n = 2;
    while (!upptagna.add(forslag)) {
      String tillagg = " " + n++;
      forslag = rent.substring(0, Math.min(rent.length(), 31 - tillagg.length())) + tillagg;
    }
    return forslag;
  }
}
