package se.flerpart.mote;

import java.time.Instant;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/** The ärendebärare cancelled a planned meeting; the reason stays in Flerpart (free text). */
public record MoteInstallt(
    UUID arendeId, String arendenummer, Instant tidpunkt, UUID moteId, int sekvens)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "mote.installt";
  }
}
