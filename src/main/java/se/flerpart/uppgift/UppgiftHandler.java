package se.flerpart.uppgift;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.flerpart.sakerhet.Anvandare;

/**
 * What a feature adds to one kind of user task (by BPMN element id): the data its form shows, the
 * checks its form cannot express, and what completing it means for the case. The task list itself
 * knows no feature.
 */
public interface UppgiftHandler {

  String elementId();

  /** Data the form shows besides the task's variables: case details and option lists. */
  default Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    return Map.of();
  }

  /** Checks beyond the form's own rules; adds a Swedish message per field. */
  default void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {}

  /**
   * Records the outcome in the case, in the same transaction that stores the submitted form, before
   * the engine hears of it.
   */
  default void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {}

  /** Which of the submitted fields the process needs; the rest stays in the database. */
  default Set<String> processvariabler() {
    return null;
  }

  /**
   * Values the process needs that are derived from what {@link #slutford} recorded rather than
   * submitted as such (e.g. the parts that were absent from a meeting). Read when the engine is
   * told, possibly in a later retry, so they must depend only on stored data.
   */
  default Map<String, Object> harleddaProcessvariabler(Uppgift uppgift) {
    return Map.of();
  }

  /**
   * What happens next once the form is completed, in one Swedish sentence built from the submitted
   * data ("Kallelserna skickas nu till 4 personer."), for the confirmation the user sees. Never
   * personal data: the processledare may complete tasks too, and the sentence is shown as is.
   */
  default Optional<String> nastaSteg(Uppgift uppgift, Map<String, Object> data) {
    return Optional.empty();
  }
}
