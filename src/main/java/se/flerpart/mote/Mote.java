package se.flerpart.mote;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A flerpartsmöte. {@code sekvens} is the iCalendar SEQUENCE: it rises with every change that is
 * sent to the invitees; the UID is derived from the id and never changes.
 */
public record Mote(
    UUID id,
    UUID arendeId,
    long processInstansNyckel,
    long uppgiftId,
    String syfte,
    Instant motesTid,
    String plats,
    String videolank,
    String tolkSprak,
    String ordforande,
    String arendebarare,
    int sekvens,
    MoteStatus status,
    String installtOrsak,
    List<String> checklista,
    String anteckningar,
    Instant skapad) {

  public String uid() {
    return "flerpartsmote-" + id + "@flerpart.se";
  }

  /** Where the meeting is held, as the kallelse says it. */
  public String platsText() {
    if (plats != null && videolank != null) {
      return plats + " eller via video: " + videolank;
    }
    return plats != null ? plats : "Videomöte: " + videolank;
  }
}
