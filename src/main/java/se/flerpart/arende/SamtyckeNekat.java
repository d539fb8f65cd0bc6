package se.flerpart.arende;

import java.time.Instant;
import java.util.UUID;

/** The person did not consent: the case ends, and only kön and year are kept. */
public record SamtyckeNekat(UUID arendeId, String arendenummer, Instant tidpunkt)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "arende.samtycke-nekat";
  }
}
