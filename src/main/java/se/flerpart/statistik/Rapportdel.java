package se.flerpart.statistik;

import java.time.LocalDate;
import java.util.List;

/**
 * A part of a rendered report: the tables of one period for the whole förbund or one insats.
 *
 * @param rubrik the part's Swedish heading, e.g. "Hela förbundet, kvartalet"
 * @param insats the insats' code, or null for the whole förbund
 * @param insatsNamn the insats' name, or null for the whole förbund
 */
public record Rapportdel(
    String rubrik,
    LocalDate fran,
    LocalDate till,
    String insats,
    String insatsNamn,
    List<Tabell> tabeller) {

  /** True when every check of every table passed. */
  public boolean godkand() {
    return tabeller.stream().allMatch(Tabell::godkand);
  }

  /** The number of failed checks of every table. */
  public long underkandaKontroller() {
    return tabeller.stream()
        .flatMap(t -> t.kontroller().stream())
        .filter(k -> !k.godkand())
        .count();
  }
}
