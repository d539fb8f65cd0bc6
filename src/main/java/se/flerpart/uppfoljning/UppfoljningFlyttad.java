package se.flerpart.uppfoljning;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The ärendebärare moved the case's follow-up to another date: the due one ({@code uppgiftId} its
 * open task) or, while the process still waits for the day, the coming one ({@code uppgiftId}
 * null); {@code flytt} tells one move from another. The {@code uppfoljning} process is told after
 * the change has committed ({@link UppfoljningProcessListener}).
 */
record UppfoljningFlyttad(UUID arendeId, Long uppgiftId, LocalDate datum, UUID flytt) {

  UppfoljningFlyttad(UUID arendeId, Long uppgiftId, LocalDate datum) {
    this(arendeId, uppgiftId, datum, UUID.randomUUID());
  }
}
