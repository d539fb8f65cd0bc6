package se.flerpart.avvikelse;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code atgarda-avvikelse}: the berörd part's representative records the analysis and the åtgärd,
 * and says whether the styrgrupp must decide.
 */
@Component
class AtgardaAvvikelseHandler implements UppgiftHandler {

  private final AvvikelseService avvikelser;
  private final AvvikelseFormularData formularData;

  AtgardaAvvikelseHandler(AvvikelseService avvikelser, AvvikelseFormularData formularData) {
    this.avvikelser = avvikelser;
    this.formularData = formularData;
  }

  @Override
  public String elementId() {
    return "atgarda-avvikelse";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    return formularData.sammanfattning(uppgift);
  }

  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    AvvikelseService.kontrolleraText("analys", "", (String) data.get("analys"), false, fel);
    AvvikelseService.kontrolleraText("atgard", "", (String) data.get("atgard"), false, fel);
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    avvikelser.registreraAtgard(
        AvvikelseFormularData.avvikelseId(uppgift),
        (String) data.get("analys"),
        (String) data.get("atgard"),
        Boolean.TRUE.equals(data.get("eskalera")),
        anvandare);
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("eskalera");
  }
}
