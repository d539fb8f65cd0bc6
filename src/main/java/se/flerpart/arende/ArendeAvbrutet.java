package se.flerpart.arende;

import java.time.Instant;
import java.util.UUID;

/** The ärendebärare broke the case off; the reason stays in Flerpart (free text). */
public record ArendeAvbrutet(
    UUID arendeId, String arendenummer, Instant tidpunkt, String status, String avslutsorsak)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "arende.avbrutet";
  }
}
