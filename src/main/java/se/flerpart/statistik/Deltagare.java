package se.flerpart.statistik;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One row of {@code statistik_deltagare} as the reports read it: a referral, and a participant once
 * it has a startdatum. No personal data.
 */
record Deltagare(
    long id,
    String arendenummer,
    boolean anonym,
    String kon,
    Integer fodelsear,
    String insats,
    String aktualiserandePart,
    LocalDate aktualiseringsdatum,
    String beslut,
    LocalDate beslutsdatum,
    LocalDate startdatum,
    LocalDate forstaMotesdatum,
    LocalDate forstaUppfoljningsdatum,
    LocalDate avslutsdatum,
    String avslutsorsak,
    String sysselsattningEfter,
    Integer omfattning,
    Boolean subventionerad,
    String utbildningsniva,
    String tidIForsorjning,
    boolean handlingsplan) {

  /** What the checks name the row by: the case number, or the import row. */
  String referens() {
    return arendenummer != null ? arendenummer : "importrad " + id;
  }

  boolean arDeltagare() {
    return startdatum != null;
  }

  /** Started on or before {@code till} and not closed before {@code fran}. */
  boolean aktiv(LocalDate fran, LocalDate till) {
    return startdatum != null
        && !startdatum.isAfter(till)
        && (avslutsdatum == null || !avslutsdatum.isBefore(fran));
  }

  boolean avslutadMellan(LocalDate fran, LocalDate till) {
    return avslutsdatum != null && !avslutsdatum.isBefore(fran) && !avslutsdatum.isAfter(till);
  }

  /** Still a participant at the end of {@code till}. */
  boolean kvarVid(LocalDate till) {
    return avslutsdatum == null || avslutsdatum.isAfter(till);
  }

  /** The day the participation ended, or {@code till} for one still active then. */
  LocalDate slutVid(LocalDate till) {
    return kvarVid(till) ? till : avslutsdatum;
  }

  /** Whole months in the insats up to avslut, or up to {@code till} for one still active. */
  long manaderIInsats(LocalDate till) {
    return Math.max(0, ChronoUnit.MONTHS.between(startdatum, slutVid(till)));
  }
}
