package se.flerpart.gallring;

import java.time.Instant;
import java.time.Period;
import java.util.function.Function;

/**
 * A module that keeps personal data outside any case, such as imported history: the gallring job
 * has it remove, on every run, what ended longer ago than its insats' gallring time. What is
 * anonymous stays, so every count stays the same.
 */
public interface GallringsbarHistorik {

  /**
   * Removes the personal data of every record that ended before {@code nu} minus its insats'
   * gallring time. Runs in its own transaction and must be harmless when run again.
   *
   * @param gallringstid the gallring time of an insats, by its code
   * @return how many records were gallrade
   */
  int gallra(Instant nu, Function<String, Period> gallringstid);
}
