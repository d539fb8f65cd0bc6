package se.flerpart.mote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.flerpart.arende.ArendeHandelse;

/**
 * The gemensam plan was agreed at the meeting: how many actions, which parts are responsible, and
 * when it is followed up. Its contents stay in Flerpart.
 */
public record PlanFaststalld(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    UUID moteId,
    UUID planId,
    int version,
    int antalAtgarder,
    List<String> ansvarigaParter,
    LocalDate uppfoljningsdatum)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "mote.plan-faststalld";
  }
}
