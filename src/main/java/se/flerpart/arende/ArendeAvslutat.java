package se.flerpart.arende;

import java.time.Instant;
import java.util.UUID;

/** The case closed at {@code avsluta-arende} with an avslutsorsak code. */
public record ArendeAvslutat(
    UUID arendeId, String arendenummer, Instant tidpunkt, String status, String avslutsorsak)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "arende.avslutat";
  }
}
