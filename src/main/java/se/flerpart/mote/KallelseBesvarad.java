package se.flerpart.mote;

import java.time.Instant;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/**
 * An invitee answered a kallelse through the answer link: {@code svar} is ACCEPTERAR, AVBOJER or
 * ERSATTARE; a replacement gets a kallelse of its own, {@code ersattareKallelseId}. The comment
 * stays in Flerpart (free text).
 */
public record KallelseBesvarad(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    UUID moteId,
    int sekvens,
    UUID kallelseId,
    String part,
    boolean kravs,
    String svar,
    UUID ersattareKallelseId)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "mote.kallelse-besvarad";
  }
}
