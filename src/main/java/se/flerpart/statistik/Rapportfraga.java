package se.flerpart.statistik;

import java.time.LocalDate;

/**
 * A report's period ({@code fran} and {@code till} inclusive) and insats (null: the whole förbund).
 */
public record Rapportfraga(LocalDate fran, LocalDate till, String insats) {}
