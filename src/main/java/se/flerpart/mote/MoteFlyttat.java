package se.flerpart.mote;

import java.time.Instant;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/** The ärendebärare moved a planned meeting; {@code sekvens} counts its changes. */
public record MoteFlyttat(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    UUID moteId,
    int sekvens,
    Instant motesTid)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "mote.flyttat";
  }
}
