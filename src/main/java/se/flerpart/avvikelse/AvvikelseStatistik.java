package se.flerpart.avvikelse;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the processledare's overview counts: open deviations by status, part, type and age, and the
 * trend of new and closed ones per month and per quarter.
 */
public final class AvvikelseStatistik {

  /** A count under a label, e.g. a part's open deviations. */
  public record Antal(String etikett, long antal) {}

  /** New and closed deviations in one month or quarter. */
  public record Punkt(String period, long nya, long avslutade) {}

  public record Oversikt(
      long oppna,
      List<Antal> perStatus,
      List<Antal> perPart,
      List<Antal> perTyp,
      List<Antal> perAlder,
      List<Punkt> perManad,
      List<Punkt> perKvartal) {}

  static final int MANADER = 12;
  static final int KVARTAL = 8;

  private AvvikelseStatistik() {}

  public static Oversikt oversikt(List<AvvikelseVy> avvikelser, Instant nu) {
    List<AvvikelseVy> oppna = avvikelser.stream().filter(AvvikelseVy::oppen).toList();
    Map<String, Long> perStatus = new LinkedHashMap<>();
    for (AvvikelseStatus s : AvvikelseStatus.values()) {
      if (s.oppen()) {
        perStatus.put(s.text(), 0L);
      }
    }
    oppna.forEach(a -> perStatus.merge(a.statusText(), 1L, Long::sum));
    Map<String, Long> perAlder = new LinkedHashMap<>();
    for (String band : List.of("0–30 dagar", "31–90 dagar", "91–180 dagar", "Över 180 dagar")) {
      perAlder.put(band, 0L);
    }
    oppna.forEach(a -> perAlder.merge(alder(a.alderDagar()), 1L, Long::sum));
    return new Oversikt(
        oppna.size(),
        lista(perStatus),
        flest(oppna, AvvikelseVy::berordPartNamn),
        flest(oppna, AvvikelseVy::typNamn),
        lista(perAlder),
        trend(avvikelser, nu, 1, MANADER),
        trend(avvikelser, nu, 3, KVARTAL));
  }

  static String alder(long dagar) {
    if (dagar <= 30) {
      return "0–30 dagar";
    }
    if (dagar <= 90) {
      return "31–90 dagar";
    }
    return dagar <= 180 ? "91–180 dagar" : "Över 180 dagar";
  }

  private static List<Antal> flest(List<AvvikelseVy> oppna, Function<AvvikelseVy, String> nyckel) {
    Map<String, Long> antal = new LinkedHashMap<>();
    oppna.forEach(a -> antal.merge(nyckel.apply(a), 1L, Long::sum));
    return antal.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> new Antal(e.getKey(), e.getValue()))
        .toList();
  }

  private static List<Antal> lista(Map<String, Long> antal) {
    return antal.entrySet().stream().map(e -> new Antal(e.getKey(), e.getValue())).toList();
  }

  /**
   * New and closed per period of {@code manader} months, the last {@code antal} periods up to now.
   */
  private static List<Punkt> trend(
      List<AvvikelseVy> avvikelser, Instant nu, int manader, int antal) {
    YearMonth sista = period(YearMonth.from(nu.atZone(AvvikelseService.SVERIGE)), manader);
    List<YearMonth> perioder = new ArrayList<>();
    for (int i = antal - 1; i >= 0; i--) {
      perioder.add(sista.minusMonths((long) i * manader));
    }
    Map<YearMonth, long[]> rakning = new LinkedHashMap<>();
    perioder.forEach(p -> rakning.put(p, new long[2]));
    for (AvvikelseVy a : avvikelser) {
      raknaIn(rakning, a.skapad(), manader, 0);
      if (a.avslutad() != null) {
        raknaIn(rakning, a.avslutad(), manader, 1);
      }
    }
    return rakning.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .map(e -> new Punkt(etikett(e.getKey(), manader), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  private static void raknaIn(Map<YearMonth, long[]> rakning, Instant t, int manader, int i) {
    long[] rad = rakning.get(period(YearMonth.from(t.atZone(AvvikelseService.SVERIGE)), manader));
    if (rad != null) {
      rad[i]++;
    }
  }

  /** The first month of the period (month or quarter) a month belongs to. */
  private static YearMonth period(YearMonth m, int manader) {
    return m.withMonth((m.getMonthValue() - 1) / manader * manader + 1);
  }

  private static String etikett(YearMonth m, int manader) {
    return manader == 3 ? m.getYear() + " K" + ((m.getMonthValue() - 1) / 3 + 1) : m.toString();
  }
}
