package se.flerpart.uppfoljning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/** The plan was followed up: progression 1–10 and the decision FORTSATT, NYTT_MOTE or AVSLUTA. */
public record UppfoljningGenomford(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    int progression,
    String beslut,
    LocalDate nyttDatum)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "uppfoljning.genomford";
  }
}
