package se.flerpart.beredning;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code bered-arende}: the beredningsgrupp goes through the template and decides. The template's
 * texts and the motivering stay in the database; the process gets the decision and the ärendebärare
 * only.
 */
@Component
class BeredningHandler implements UppgiftHandler {

  private final BeredningService beredning;
  private final ArendeFormularData formularData;

  BeredningHandler(BeredningService beredning, ArendeFormularData formularData) {
    this.beredning = beredning;
    this.formularData = formularData;
  }

  @Override
  public String elementId() {
    return "bered-arende";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), anvandare));
    data.put("handlaggare", formularData.handlaggare());
    if (uppgift.variabler().get("vagledning") instanceof Map<?, ?> vagledning
        && vagledning.get("utfall") instanceof String utfall) {
      data.put("vagledningUtfall", BeredningService.text(utfall));
    }
    return data;
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    beredning.registrera(
        uppgift.arendeId(),
        uppgift.id(),
        (String) data.get("beslut"),
        (String) data.get("motivering"),
        (String) data.get("arendebarare"),
        anvandare);
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("beslut", "arendebarare");
  }
}
