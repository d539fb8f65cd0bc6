package se.flerpart.handelse;

import java.time.LocalDate;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.PersonnummerIText;

/**
 * An inbound message that cannot be registered, however often it is retried: it goes to the dead
 * letter topic at once. The message (the reason, in Swedish) never holds message content; as a
 * safeguard any personnummer in it is masked all the same.
 */
class AvvisatMeddelande extends RuntimeException {

  private final String meddelandeId;

  AvvisatMeddelande(String meddelandeId, String orsak) {
    super(sakert(orsak, 500), null, false, false);
    this.meddelandeId = meddelandeId;
  }

  /** The message id as it may be logged, or {@code (inget id)}. */
  String meddelandeId() {
    return meddelandeId == null ? "(inget id)" : sakert(meddelandeId, 100);
  }

  /**
   * Text from outside made fit for a log line or a header: one line, at most {@code max}
   * characters, and no personnummer.
   */
  static String sakert(String text, int max) {
    String rad = text.replaceAll("\\p{Cntrl}", " ");
    if (rad.length() > max) {
      rad = rad.substring(0, max) + "…";
    }
    return PersonnummerIText.maskera(rad, LocalDate.now(ArendeService.SVERIGE));
  }
}
