package se.flerpart.beredning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import se.flerpart.arende.ArendeService;
import se.flerpart.referens.Arbetsdagar;

/**
 * An insats' beredningsmöten: the first on {@code forstaDatum}, then every {@code intervallVeckor}
 * weeks, at {@code tid} Swedish time.
 */
public record Motesschema(
    String insats, LocalDate forstaDatum, LocalTime tid, int intervallVeckor, String plats) {

  public static final int STANDARDINTERVALL = 2;

  /** The first meeting on or after the day. */
  public LocalDate forstaFran(LocalDate dag) {
    if (!dag.isAfter(forstaDatum)) {
      return forstaDatum;
    }
    long veckor = ChronoUnit.WEEKS.between(forstaDatum, dag);
    LocalDate mote = forstaDatum.plusWeeks(veckor - veckor % intervallVeckor);
    return mote.isBefore(dag) ? mote.plusWeeks(intervallVeckor) : mote;
  }

  /** The meeting that has not yet begun at {@code nu}. */
  public LocalDate nasta(Instant nu) {
    LocalDate mote = forstaFran(nu.atZone(ArendeService.SVERIGE).toLocalDate());
    return start(mote).isAfter(nu) ? mote : mote.plusWeeks(intervallVeckor);
  }

  /** The meeting of the day, or the next one: what the Beredningsmöte view prepares. */
  public LocalDate aktuellt(Instant nu) {
    return forstaFran(nu.atZone(ArendeService.SVERIGE).toLocalDate());
  }

  /** The meeting before {@code mote}, if the schedule had one. */
  public Optional<LocalDate> foregaende(LocalDate mote) {
    LocalDate fore = mote.minusWeeks(intervallVeckor);
    return fore.isBefore(forstaDatum) ? Optional.empty() : Optional.of(fore);
  }

  public Instant start(LocalDate mote) {
    return mote.atTime(tid).atZone(ArendeService.SVERIGE).toInstant();
  }

  /**
   * When the agenda of {@code mote} goes out: 00:00 Swedish time, {@code arbetsdagar} working days
   * ({@link Arbetsdagar}: Monday–Friday, not public holidays) before the meeting day.
   */
  public static Instant utskick(LocalDate mote, int arbetsdagar) {
    return Arbetsdagar.fore(mote, arbetsdagar).atStartOfDay(ArendeService.SVERIGE).toInstant();
  }
}
