package se.flerpart.mote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The gemensam plan a flerpartsmöte agrees on: the individual's goal, who does what by when, and
 * the next follow-up. Each meeting that records a plan adds a new version to the case.
 */
public record Plan(
    UUID id,
    UUID arendeId,
    UUID moteId,
    int version,
    String mal,
    LocalDate uppfoljningsdatum,
    List<Atgard> atgarder,
    Instant skapad,
    String skapadAv) {

  public record Atgard(
      String beskrivning, String ansvarigPart, String ansvarig, LocalDate senast) {}
}
