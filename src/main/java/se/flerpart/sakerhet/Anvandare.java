package se.flerpart.sakerhet;

import java.io.Serializable;
import java.util.Set;

/**
 * A person who works in Flerpart. {@code grupper} are the candidate groups of user tasks the person
 * belongs to, e.g. {@code beredning-flerpartssamverkan}.
 */
public record Anvandare(
    String id, String namn, String epost, String part, Set<String> roller, Set<String> grupper)
    implements Serializable {

  public static final String HANDLAGGARE = "HANDLAGGARE";
  public static final String BEREDNINGSGRUPP = "BEREDNINGSGRUPP";
  public static final String ORDFORANDE = "ORDFORANDE";
  public static final String PROCESSLEDARE = "PROCESSLEDARE";
  public static final String ADMIN = "ADMIN";

  /**
   * The förbund's dataskyddsombud or security officer: reads the audit log of personal-data reads
   * (loggkontroll), never a case's personal data itself.
   */
  public static final String LOGGGRANSKARE = "LOGGGRANSKARE";

  public boolean harRoll(String roll) {
    return roller.contains(roll);
  }

  public boolean arMedlemI(String grupp) {
    return grupper.contains(grupp);
  }

  /** Processledare and administrators follow the process, never the person behind a case. */
  public boolean arUtanPersonuppgifter() {
    return !harRoll(HANDLAGGARE) && !harRoll(BEREDNINGSGRUPP) && !harRoll(ORDFORANDE);
  }
}
