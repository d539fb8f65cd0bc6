package se.flerpart.beredning;

import java.time.Instant;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/**
 * The beredningsgrupp decided: {@code beslut} is JA, NEJ, KOMPLETTERA or HANVISA; the motivation
 * stays in Flerpart.
 */
public record BeredningBeslutad(
    UUID arendeId, String arendenummer, Instant tidpunkt, String insats, String beslut)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "beredning.beslutad";
  }
}
