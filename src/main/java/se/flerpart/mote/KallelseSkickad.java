package se.flerpart.mote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/** Kallelser to a flerpartsmöte went out ({@code andring}: a moved meeting's new kallelse). */
public record KallelseSkickad(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    UUID moteId,
    int sekvens,
    Instant motesTid,
    boolean andring,
    List<String> kalladeParter)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "mote.kallelse-skickad";
  }
}
