package se.flerpart.uppgift;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A user task as the task list stores it; {@code id} is the key of its user-task job. */
public record Uppgift(
    long id,
    long elementInstansNyckel,
    long processInstansNyckel,
    String processId,
    String elementId,
    String namn,
    UUID arendeId,
    String formularId,
    String tilldelad,
    List<String> kandidatgrupper,
    Instant forfallodatum,
    Map<String, Object> variabler,
    UppgiftStatus status,
    Instant skapad,
    Map<String, Object> inskickadData,
    String slutfordAv,
    Instant slutfordTid) {

  public boolean arOppen() {
    return status == UppgiftStatus.OPPEN;
  }
}
