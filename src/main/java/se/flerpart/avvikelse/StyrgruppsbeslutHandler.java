package se.flerpart.avvikelse;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code styrgruppsbeslut}: the processledare records the styrgrupp's decision, which closes it.
 */
@Component
class StyrgruppsbeslutHandler implements UppgiftHandler {

  private final AvvikelseService avvikelser;
  private final AvvikelseFormularData formularData;

  StyrgruppsbeslutHandler(AvvikelseService avvikelser, AvvikelseFormularData formularData) {
    this.avvikelser = avvikelser;
    this.formularData = formularData;
  }

  @Override
  public String elementId() {
    return "styrgruppsbeslut";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    return formularData.sammanfattning(uppgift);
  }

  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    AvvikelseService.kontrolleraText("beslut", "", (String) data.get("beslut"), false, fel);
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    avvikelser.registreraStyrgruppsbeslut(
        AvvikelseFormularData.avvikelseId(uppgift), (String) data.get("beslut"), anvandare);
  }

  /** The decision's text stays in the database; the process only ends. */
  @Override
  public Set<String> processvariabler() {
    return Set.of();
  }
}
