package se.flerpart.arende;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The person withdrew consent on {@code datum}: the case is broken off and nothing more shared. */
public record SamtyckeAterkallat(
    UUID arendeId, String arendenummer, Instant tidpunkt, LocalDate datum)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "arende.samtycke-aterkallat";
  }
}
