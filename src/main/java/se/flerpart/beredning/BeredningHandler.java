package se.flerpart.beredning;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code bered-arende}: the beredningsgrupp goes through the template and decides. The template's
 * texts stay in the database; the process gets the decision only.
 */
@Component
class BeredningHandler implements UppgiftHandler {

  private final ArendeService arenden;
  private final ArendeFormularData formularData;
  private final ApplicationEventPublisher handelser;
  private final Clock klocka;

  BeredningHandler(
      ArendeService arenden,
      ArendeFormularData formularData,
      ApplicationEventPublisher handelser,
      Clock klocka) {
    this.arenden = arenden;
    this.formularData = formularData;
    this.handelser = handelser;
    this.klocka = klocka;
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
      data.put("vagledningUtfall", ArendeService.beslutText(utfall));
    }
    return data;
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    String beslut = (String) data.get("beslut");
    arenden.registreraBeslut(
        uppgift.arendeId(), beslut, (String) data.get("arendebarare"), anvandare);
    Arende a = arenden.hamta(uppgift.arendeId());
    handelser.publishEvent(
        new BeredningBeslutad(a.id(), a.arendenummer(), klocka.instant(), a.insats(), beslut));
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("beslut", "motivering", "arendebarare");
  }
}
