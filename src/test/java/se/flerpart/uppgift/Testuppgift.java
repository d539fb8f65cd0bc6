package se.flerpart.uppgift;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Open tasks for tests that store one straight through the repository, as the job worker does. */
public final class Testuppgift {

  private Testuppgift() {}

  /**
   * An open task {@code id} (also its job, element instance and process) of the kind {@code
   * elementId}, held by {@code tilldelad}, of case number {@code 2026-<id>}.
   */
  public static Uppgift oppen(long id, String elementId, String namn, String tilldelad) {
    return new Uppgift(
        id,
        id,
        id,
        "test",
        elementId,
        namn,
        null,
        "test",
        tilldelad,
        List.of(),
        null,
        Map.of("arendenummer", "2026-" + id),
        UppgiftStatus.OPPEN,
        Instant.now(),
        null,
        null,
        null);
  }
}
