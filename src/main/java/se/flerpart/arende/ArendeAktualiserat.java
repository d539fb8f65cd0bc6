package se.flerpart.arende;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral was registered; the {@code arende} process starts from it. */
public record ArendeAktualiserat(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    String insats,
    String aktualiserandePart,
    List<String> behov,
    boolean bradskande)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "arende.aktualiserat";
  }
}
