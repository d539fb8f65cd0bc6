package se.flerpart.statistik;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A report as the PDF, the Excel file and the Statistik page show it: numbers formatted the Swedish
 * way, sub-rows marked, the definition and footnotes of each part gathered, failed checks first.
 */
final class Rapportvy {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ISO_LOCAL_DATE;

  /** A table's columns: split by kön (with or without a share), or the lead times. */
  enum Kolumner {
    KON,
    KON_OCH_ANDEL,
    LEDTIDER
  }

  record RadVy(
      String id,
      String namn,
      boolean delrad,
      String kvinnor,
      String man,
      String annat,
      String totalt,
      String andel,
      String antal,
      String medianDagar,
      String p80Dagar,
      String maxDagar,
      String vantande) {}

  record KontrollVy(
      String id, String beskrivning, boolean godkand, String meddelande, String arenden) {}

  record TabellVy(
      String tabell,
      String namn,
      Kolumner kolumner,
      List<RadVy> rader,
      List<KontrollVy> kontroller,
      boolean godkand,
      String kommentar) {

    public boolean ledtider() {
      return kolumner == Kolumner.LEDTIDER;
    }

    public boolean andel() {
      return kolumner == Kolumner.KON_OCH_ANDEL;
    }
  }

  record DelVy(
      String rubrik,
      String fran,
      String till,
      String insats,
      String definition,
      List<String> fotnoter,
      List<TabellVy> tabeller,
      long underkanda) {

    /** "{@code fran} – {@code till}"; the page shows each date whole, with its own. */
    public String period() {
      return Rapportvy.period(fran, till);
    }
  }

  private Rapportvy() {}

  /** The processledare's comments stand under the tables of the first part (the quarter). */
  static List<DelVy> delar(List<Rapportdel> delar, Map<String, String> kommentarer) {
    List<DelVy> vyer = new ArrayList<>();
    for (int i = 0; i < delar.size(); i++) {
      vyer.add(del(delar.get(i), i == 0 ? kommentarer : Map.of()));
    }
    return vyer;
  }

  static DelVy del(Rapportdel d, Map<String, String> kommentarer) {
    Set<String> definitioner = new LinkedHashSet<>();
    Set<String> fotnoter = new LinkedHashSet<>();
    for (Tabell t : d.tabeller()) {
      if (t.definition() != null) {
        definitioner.add(definition(t.definition()));
        if (t.definition().fotnoter() != null) {
          fotnoter.addAll(t.definition().fotnoter());
        }
      }
    }
    return new DelVy(
        d.rubrik(),
        DATUM.format(d.fran()),
        DATUM.format(d.till()),
        d.insatsNamn() == null ? "Hela förbundet" : d.insatsNamn(),
        String.join(" ", definitioner),
        List.copyOf(fotnoter),
        d.tabeller().stream().map(t -> tabell(t, kommentarer.get(t.tabell()))).toList(),
        d.underkandaKontroller());
  }

  static String period(Rapportdel d) {
    return period(DATUM.format(d.fran()), DATUM.format(d.till()));
  }

  private static String period(String fran, String till) {
    return fran + " – " + till;
  }

  static String definition(Tabell.Definition d) {
    String ar = d.ar() == null ? "standarddefinitionen" : "definitionen för " + d.ar();
    return "Beräknad med " + ar + ": " + Objects.requireNonNullElse(d.beskrivning(), "");
  }

  static TabellVy tabell(Tabell t, String kommentar) {
    Kolumner kolumner = kolumner(t);
    List<KontrollVy> kontroller = new ArrayList<>();
    t.kontroller().stream()
        .filter(k -> !k.godkand())
        .map(Rapportvy::kontroll)
        .forEach(kontroller::add);
    t.kontroller().stream()
        .filter(Kontroll::godkand)
        .map(Rapportvy::kontroll)
        .forEach(kontroller::add);
    return new TabellVy(
        t.tabell(),
        t.namn(),
        kolumner,
        t.rader().stream().map(Rapportvy::rad).toList(),
        kontroller,
        t.godkand(),
        kommentar == null || kommentar.isBlank() ? null : kommentar.strip());
  }

  static Kolumner kolumner(Tabell t) {
    if (t.rader().stream().anyMatch(r -> r.antal() != null || r.medianDagar() != null)) {
      return Kolumner.LEDTIDER;
    }
    return t.rader().stream().anyMatch(r -> r.andel() != null)
        ? Kolumner.KON_OCH_ANDEL
        : Kolumner.KON;
  }

  static RadVy rad(Rad r) {
    return new RadVy(
        r.id(),
        r.namn(),
        r.overordnad() != null,
        tal(r.kvinnor()),
        tal(r.man()),
        tal(r.annat()),
        tal(r.totalt()),
        r.andel() == null ? "" : decimal(r.andel()) + " %",
        tal(r.antal()),
        r.medianDagar() == null ? "–" : decimal(r.medianDagar()),
        r.p80Dagar() == null ? "–" : decimal(r.p80Dagar()),
        r.maxDagar() == null ? "–" : r.maxDagar().toString(),
        tal(r.vantande()));
  }

  static KontrollVy kontroll(Kontroll k) {
    return new KontrollVy(
        k.id(),
        k.beskrivning(),
        k.godkand(),
        k.meddelande(),
        k.arenden() == null || k.arenden().isEmpty() ? null : String.join(", ", k.arenden()));
  }

  private static String tal(Integer t) {
    return t == null ? "" : t.toString();
  }

  /** One decimal with a decimal comma, as Swedish tables write it. */
  static String decimal(BigDecimal d) {
    return d.setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }
}
