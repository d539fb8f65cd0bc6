package se.flerpart.mote;

import java.time.Instant;
import java.util.UUID;

/**
 * One invitation to a meeting: who, in which role and part, whether the part must attend, and the
 * answer. An invitee who sends a replacement is {@code ersattAv} the replacement's invitation.
 */
public record Kallelse(
    UUID id,
    UUID moteId,
    int ordning,
    String namn,
    String epost,
    Roll roll,
    String part,
    boolean kravs,
    boolean saknarEpost,
    Svar svar,
    String svarKommentar,
    Instant svarTid,
    UUID ersatter,
    UUID ersattAv,
    Boolean narvarande,
    Instant skapad) {

  /** Still expected at the meeting: not replaced by someone else. */
  public boolean aktiv() {
    return ersattAv == null;
  }

  public boolean harEpost() {
    return epost != null && !epost.isBlank();
  }
}
