package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import se.flerpart.ApiKlient;

/**
 * Takes a registered case through samtycke and beredning over the REST API, as the referrer and a
 * member of the beredningsgrupp do, for the tests of what comes after.
 */
public final class ArendeSteg {

  private ArendeSteg() {}

  /**
   * A referral for flerpartssamverkan of 19121212-1212 with {@code skal} as its reason and {@code
   * behov} as the parts it needs.
   */
  public static Map<String, Object> aktualisering(String skal, List<String> behov) {
    return Map.of(
        "personnummer",
        "19121212-1212",
        "insats",
        "flerpartssamverkan",
        "skal",
        skal,
        "behov",
        behov);
  }

  /** The inhamta-samtycke form's answer: written consent, JA, for {@code parter}. */
  public static Map<String, Object> samtyckeJa(List<String> parter, boolean susSamtycke) {
    return Map.of(
        "samtycke",
        "JA",
        "samtyckeForm",
        "SKRIFTLIGT",
        "samtyckeParter",
        parter,
        "susSamtycke",
        susSamtycke);
  }

  /** The bered-arende form's answer: JA, with {@code arendebarare} as ärendebärare. */
  public static Map<String, Object> beredningJa(String arendebarare) {
    return Map.of(
        "beslut", "JA", "motivering", "Behov hos flera parter", "arendebarare", arendebarare);
  }

  /**
   * The referrer records consent for {@code parter}; bengt, in the beredningsgrupp, decides JA with
   * {@code arendebarare} as ärendebärare.
   */
  public static void beviljat(
      ApiKlient api,
      String arendeId,
      String referent,
      List<String> parter,
      boolean susSamtycke,
      String arendebarare) {
    JsonNode samtycke = api.vantaPaUppgift(referent, "mina", arendeId, "inhamta-samtycke");
    assertThat(api.slutfor(referent, samtycke, samtyckeJa(parter, susSamtycke)).status())
        .isEqualTo(200);
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", arendeId, "bered-arende");
    assertThat(api.slutfor("bengt", beredning, beredningJa(arendebarare)).status()).isEqualTo(200);
  }
}
