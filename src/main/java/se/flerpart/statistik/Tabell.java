package se.flerpart.statistik;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One report table: fixed table and row ids so that one quarter compares with the next, the
 * definition it was computed with, and the checks of its own arithmetic and of the data.
 *
 * @param tabell the table's id, e.g. {@code deltagare}
 * @param namn the table's Swedish title
 * @param insats the insats' code, or null for the whole förbund
 */
public record Tabell(
    String tabell,
    String namn,
    LocalDate fran,
    LocalDate till,
    @JsonInclude(JsonInclude.Include.ALWAYS) String insats,
    Definition definition,
    List<Rad> rader,
    List<Kontroll> kontroller) {

  /** The definition in force for the report's year, as its header and footnotes state it. */
  public record Definition(
      @JsonInclude(JsonInclude.Include.ALWAYS) Integer ar,
      String beskrivning,
      List<String> fotnoter) {}

  /** True when every check passed. */
  public boolean godkand() {
    return kontroller.stream().allMatch(Kontroll::godkand);
  }
}
