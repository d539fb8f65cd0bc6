package se.flerpart.avslut;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/** {@code avsluta-arende}: the ärendebärare closes the case with an avslutsorsak. */
@Component
class AvslutHandler implements UppgiftHandler {

  private final ArendeService arenden;
  private final ArendeFormularData formularData;
  private final AvslutsorsakRepository avslutsorsaker;

  AvslutHandler(
      ArendeService arenden,
      ArendeFormularData formularData,
      AvslutsorsakRepository avslutsorsaker) {
    this.arenden = arenden;
    this.formularData = formularData;
    this.avslutsorsaker = avslutsorsaker;
  }

  @Override
  public String elementId() {
    return "avsluta-arende";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), anvandare));
    data.put(
        "avslutsorsaker",
        avslutsorsaker.aktiva().stream()
            .map(a -> ArendeFormularData.alternativ(a.namn(), a.kod()))
            .toList());
    return data;
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    String kod = (String) data.get("avslutsorsak");
    arenden.avsluta(
        uppgift.arendeId(),
        kod,
        avslutsorsaker.hitta(kod).map(AvslutsorsakRepository.Avslutsorsak::namn).orElse(kod),
        anvandare);
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("avslutsorsak", "planUppfylld");
  }
}
