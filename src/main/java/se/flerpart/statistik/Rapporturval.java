package se.flerpart.statistik;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.ValideringsFel;

/**
 * Reads the period and insats a report is asked for, as the Statistik page and the downloads give
 * them, and the report API: dates as ÅÅÅÅ-MM-DD (or ÅÅÅÅMMDD), both inclusive, by default from the
 * first of January of {@code till}'s year to today; an insats by its code or empty for the whole
 * förbund. Bad input is a {@link ValideringsFel} per field.
 */
@Component
class Rapporturval {

  static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");

  private final InsatsRepository insatser;
  private final Clock klocka;

  Rapporturval(InsatsRepository insatser, Clock klocka) {
    this.insatser = insatser;
    this.klocka = klocka;
  }

  /** Only the processledare and the administrator see the statistics. */
  static void kravLasare(Anvandare a) {
    if (!a.harRoll(Anvandare.PROCESSLEDARE) && !a.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara processledaren och administratören ser statistiken.");
    }
  }

  LocalDate idag() {
    return LocalDate.now(klocka.withZone(SVERIGE));
  }

  Rapportfraga tolka(String fran, String till, String insats) {
    Map<String, String> fel = new LinkedHashMap<>();
    LocalDate idag = idag();
    LocalDate t = datum("till", till, idag, fel);
    LocalDate f = datum("fran", fran, (t != null ? t : idag).withDayOfYear(1), fel);
    if (f != null && t != null && t.isBefore(f)) {
      fel.put("till", "Till och med får inte vara före från och med (" + f + ")");
    }
    String kod = insats == null || insats.isBlank() ? null : insats.strip();
    if (kod != null && insatser.hitta(kod).isEmpty()) {
      fel.put("insats", "Okänd insats: " + kort(kod));
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    return new Rapportfraga(f, t, kod);
  }

  private static LocalDate datum(
      String falt, String text, LocalDate standard, Map<String, String> fel) {
    if (text == null || text.isBlank()) {
      return standard;
    }
    LocalDate datum = datum(text);
    if (datum == null) {
      fel.put(falt, DATUMFEL);
    }
    return datum;
  }

  static final String DATUMFEL = Datum.MEDDELANDE;

  /** A date written ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD that exists in the calendar; otherwise null. */
  static LocalDate datum(String text) {
    return Datum.tolka(text).orElse(null);
  }

  private static String kort(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /**
   * The file name of a downloaded report, e.g. {@code
   * uppfoljningsrapport-2026-01-01-2026-03-31.pdf}.
   */
  static String filnamn(LocalDate fran, LocalDate till, String insats, String andelse) {
    return "uppfoljningsrapport-"
        + fran
        + "-"
        + till
        + (insats == null ? "" : "-" + insats.replaceAll("[^A-Za-z0-9_-]", ""))
        + "."
        + andelse;
  }
}
