package se.flerpart;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The answers the tests, the benchmark and the crash test give the forms of a whole case, so that a
 * change to a form is made in one place for all of them.
 */
public final class Formularsvar {

  private Formularsvar() {}

  /** Samtycke: yes, in writing, for FK, AF and the municipality (the chair's part). */
  public static Map<String, Object> samtyckeJa(boolean susSamtycke) {
    return Map.of(
        "samtycke",
        "JA",
        "samtyckeForm",
        "SKRIFTLIGT",
        "samtyckeParter",
        List.of("FK", "AF", "KOMMUN-UPPSALA"),
        "susSamtycke",
        susSamtycke);
  }

  /** Beredning: yes, with anna as the case's holder. */
  public static Map<String, Object> beredningJa() {
    return Map.of("beslut", "JA", "motivering", "Behov hos flera parter", "arendebarare", "anna");
  }

  /** The kallelse to a meeting at {@code motesTid}, cecilia in the chair, Bengt Ek invited. */
  public static Map<String, Object> kallelse(Instant motesTid) {
    return Map.of(
        "syfte", "Gemensam plan",
        "motesTid", motesTid.atOffset(ZoneOffset.UTC).toString(),
        "plats", "Kontaktcenter",
        "ordforande", "cecilia",
        "deltagare",
            List.of(Map.of("namn", "Bengt Ek", "epost", "bengt@af.example", "part", "AF")));
  }

  /** The meeting held: Bengt Ek present, a plan with one action and a follow-up in two months. */
  public static Map<String, Object> moteMedPlan(LocalDate idag) {
    return Map.of(
        "narvaro", List.of(Map.of("epost", "bengt@af.example", "narvarande", true)),
        "plan",
            Map.of(
                "mal", "Arbete",
                "atgarder",
                    List.of(
                        Map.of(
                            "beskrivning", "Arbetsprövning",
                            "ansvarigPart", "AF",
                            "ansvarig", "Bengt Ek",
                            "senast", idag.plusMonths(1).toString())),
                "uppfoljningsdatum", idag.plusMonths(2).toString()));
  }
}
