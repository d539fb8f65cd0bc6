package se.flerpart.statistik;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a year's reports count as what.
 *
 * @param ar the year the definition was set for, or null for the default
 * @param positivLosning the sub-rows of {@code positiv-losning} in order, each with the
 *     avslutsorsak codes it counts ({@code arbete}, {@code extratjanst}, {@code studier}, {@code
 *     fortsatt-rehab-eller-arbetssok}, {@code saknar-arbetsformaga})
 * @param avbrottHalsoskal the codes of {@code avbrott-halsoskal}; every other code (except those
 *     outside the statistics, such as FELREGISTRERING) is {@code ovriga-avbrott}
 * @param anonymaITotalen true: anonymous participants count in the totals and by kön, and in their
 *     own row {@code anonyma} of each breakdown; false: they are shown beside the totals only
 * @param delradAndelAv the denominator of the sub-rows' shares: {@code POSITIV_LOSNING} or {@code
 *     AVSLUTADE}
 */
public record StatistikDefinition(
    Integer ar,
    String beskrivning,
    Map<String, List<String>> positivLosning,
    List<String> avbrottHalsoskal,
    boolean anonymaITotalen,
    String delradAndelAv) {

  public static final String POSITIV_LOSNING = "POSITIV_LOSNING";
  public static final String AVSLUTADE = "AVSLUTADE";
  public static final List<String> POSITIVA_DELRADER =
      List.of(
          "arbete",
          "extratjanst",
          "studier",
          "fortsatt-rehab-eller-arbetssok",
          "saknar-arbetsformaga");

  /** The default of the statistics issue, used for every year before the first one set. */
  public static StatistikDefinition standard() {
    Map<String, List<String>> positiv = new LinkedHashMap<>();
    positiv.put(
        "arbete", List.of("ARBETE_EJ_SUBVENTIONERAT", "ARBETE_SUBVENTIONERAT", "EGET_FORETAG"));
    positiv.put("extratjanst", List.of("EXTRATJANST"));
    positiv.put("studier", List.of("STUDIER"));
    positiv.put(
        "fortsatt-rehab-eller-arbetssok",
        List.of("FORTSATT_REHABILITERING", "AKTIVT_ARBETSSOKANDE"));
    positiv.put("saknar-arbetsformaga", List.of("ARBETSFORMAGA_SAKNAS"));
    return new StatistikDefinition(
        null,
        "Standarddefinition: positiv lösning är SUS grupp 1 och 2 samt klarlagt att arbetsförmåga"
            + " saknas; anonyma deltagare räknas i totalerna.",
        positiv,
        List.of("OHALSA"),
        true,
        POSITIV_LOSNING);
  }

  /** The sub-row of {@code positiv-losning} an avslutsorsak counts in, or null. */
  public String positivDelrad(String avslutsorsak) {
    for (Map.Entry<String, List<String>> e : positivLosning.entrySet()) {
      if (e.getValue().contains(avslutsorsak)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Every code that counts as positiv lösning. */
  public Set<String> positivaKoder() {
    return Set.copyOf(positivLosning.values().stream().flatMap(List::stream).toList());
  }
}
