package se.flerpart.beredning;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code komplettera-aktualisering}: the referrer answers what the beredningsgrupp asked for, its
 * motivering, read from the decision for a reader inside the consent scope.
 */
@Component
class KompletteringHandler implements UppgiftHandler {

  private final ArendeService arenden;
  private final ArendeFormularData formularData;
  private final ArendeAtkomst atkomst;
  private final BeredningRepository beslut;

  KompletteringHandler(
      ArendeService arenden,
      ArendeFormularData formularData,
      ArendeAtkomst atkomst,
      BeredningRepository beslut) {
    this.arenden = arenden;
    this.formularData = formularData;
    this.atkomst = atkomst;
    this.beslut = beslut;
  }

  @Override
  public String elementId() {
    return "komplettera-aktualisering";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), anvandare));
    Arende a = arenden.hamta(uppgift.arendeId());
    if (atkomst.kanLasaPersonuppgifter(anvandare, a)) {
      beslut
          .senaste(a.id())
          .map(BeredningRepository.Beslut::motivering)
          .ifPresent(m -> data.put("motivering", m));
    }
    return data;
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
