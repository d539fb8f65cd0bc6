package se.flerpart.arende;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The person consented; the parts in {@code parter} may now share information. */
public record SamtyckeLamnat(
    UUID arendeId,
    String arendenummer,
    Instant tidpunkt,
    String form,
    List<String> parter,
    boolean susSamtycke)
    implements ArendeHandelse {

  @Override
  public String typ() {
    return "arende.samtycke-lamnat";
  }
}
