package se.flerpart.beredning;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/** {@code komplettera-aktualisering}: the referrer answers what the beredningsgrupp asked for. */
@Component
class KompletteringHandler implements UppgiftHandler {

  private final ArendeService arenden;
  private final ArendeFormularData formularData;

  KompletteringHandler(ArendeService arenden, ArendeFormularData formularData) {
    this.arenden = arenden;
    this.formularData = formularData;
  }

  @Override
  public String elementId() {
    return "komplettera-aktualisering";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    return formularData.arende(uppgift.arendeId(), anvandare);
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    arenden.registreraKomplettering(
        uppgift.arendeId(), (String) data.get("komplettering"), anvandare);
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of();
  }
}
