package se.flerpart.uppfoljning;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The ärendebärare moved the case's due follow-up to a later date; the {@code uppfoljning} process
 * is told after the change has committed ({@link UppfoljningProcessListener}).
 */
record UppfoljningFlyttad(UUID arendeId, long uppgiftId, LocalDate datum) {}
