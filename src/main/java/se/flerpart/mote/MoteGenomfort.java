package se.flerpart.mote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/**
 * The flerpartsmöte was held; {@code franvarandeParter} are the required parts that did not come.
 */
public record MoteGenomfort(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    UUID moteId,
    List<String> narvarandeParter,
    List<String> franvarandeParter)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "mote.genomfort";
  }
}
