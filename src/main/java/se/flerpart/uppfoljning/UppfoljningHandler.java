package se.flerpart.uppfoljning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeService;
import se.flerpart.mote.Plan;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code folj-upp-plan}: the ärendebärare goes through each planned action (genomförd / delvis / ej
 * genomförd and why), the person's progression, and decides: continue, new meeting or close.
 */
@Component
class UppfoljningHandler implements UppgiftHandler {

  private static final Set<String> STATUS = Set.of("GENOMFORD", "DELVIS", "EJ_GENOMFORD");

  private final UppfoljningService uppfoljning;
  private final ArendeFormularData formularData;
  private final Clock klocka;

  UppfoljningHandler(
      UppfoljningService uppfoljning, ArendeFormularData formularData, Clock klocka) {
    this.uppfoljning = uppfoljning;
    this.formularData = formularData;
    this.klocka = klocka;
  }

  @Override
  public String elementId() {
    return "folj-upp-plan";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), anvandare));
    Plan plan = uppfoljning.senastePlan(uppgift.arendeId()).orElse(null);
    data.put("planMal", plan == null ? "–" : plan.mal());
    List<Map<String, Object>> atgarder = new ArrayList<>();
    if (plan != null) {
      for (Plan.Atgard a : plan.atgarder()) {
        Map<String, Object> rad = new LinkedHashMap<>();
        rad.put("beskrivning", a.beskrivning());
        // Shown read-only as the part's name; what is saved comes from the plan (see below).
        rad.put("ansvarigPart", formularData.partnamn(a.ansvarigPart()));
        atgarder.add(rad);
      }
    }
    data.put("atgardStatus", atgarder);
    return data;
  }

  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    List<Map<String, Object>> status = atgardStatus(data);
    int planerade =
        uppfoljning.senastePlan(uppgift.arendeId()).map(p -> p.atgarder().size()).orElse(0);
    if (status.size() != planerade) {
      fel.put(
          "atgardStatus",
          "Ange status för var och en av planens "
              + planerade
              + " åtgärder ("
              + status.size()
              + " angivna)");
    }
    for (int i = 0; i < status.size(); i++) {
      Object s = status.get(i).get("status");
      Object orsak = status.get(i).get("orsak");
      if (s == null || !STATUS.contains(s.toString())) {
        fel.put("atgardStatus[" + i + "].status", "Välj status för åtgärden");
      } else if (!"GENOMFORD".equals(s) && (orsak == null || orsak.toString().isBlank())) {
        fel.put(
            "atgardStatus[" + i + "].orsak",
            "Ange varför åtgärden inte är genomförd: på gång, gick inte att följa upp eller gick"
                + " inte att genomföra");
      }
    }
    if ("FORTSATT".equals(data.get("uppfoljningsbeslut"))
        && data.get("nyttDatum") instanceof String datum
        && !LocalDate.parse(datum)
            .isAfter(LocalDate.ofInstant(klocka.instant(), ArendeService.SVERIGE))) {
      fel.put("nyttDatum", "Nästa uppföljning ska ligga efter i dag");
    }
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    Plan plan = uppfoljning.senastePlan(uppgift.arendeId()).orElse(null);
    List<Map<String, Object>> status = new ArrayList<>();
    List<Map<String, Object>> inskickat = atgardStatus(data);
    for (int i = 0; i < inskickat.size(); i++) {
      Map<String, Object> rad = new LinkedHashMap<>();
      // The description comes from the plan, never from what the browser sent back.
      rad.put("beskrivning", plan.atgarder().get(i).beskrivning());
      rad.put("ansvarigPart", plan.atgarder().get(i).ansvarigPart());
      rad.put("status", inskickat.get(i).get("status"));
      rad.put("orsak", inskickat.get(i).get("orsak"));
      status.add(rad);
    }
    Object datum = data.get("nyttDatum");
    uppfoljning.registrera(
        uppgift.arendeId(),
        uppgift.id(),
        anvandare.id(),
        status,
        ((Number) data.get("progression")).intValue(),
        (String) data.get("uppfoljningsbeslut"),
        datum == null ? null : LocalDate.parse(datum.toString()),
        (String) data.get("uppfoljningsanteckning"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> atgardStatus(Map<String, Object> data) {
    return data.get("atgardStatus") instanceof List<?> lista
        ? (List<Map<String, Object>>) lista
        : List.of();
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("uppfoljningsbeslut", "nyttDatum", "progression");
  }
}
