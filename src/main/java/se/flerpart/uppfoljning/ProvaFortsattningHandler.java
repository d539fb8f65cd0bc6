package se.flerpart.uppfoljning;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code prova-fortsattning}: the insats' maximum time is reached and the ärendebärare decides
 * whether the person continues or the case is to be closed at the next follow-up.
 */
@Component
class ProvaFortsattningHandler implements UppgiftHandler {

  private final ArendeFormularData formularData;
  private final ArendeHistorik historik;

  ProvaFortsattningHandler(ArendeFormularData formularData, ArendeHistorik historik) {
    this.formularData = formularData;
    this.historik = historik;
  }

  @Override
  public String elementId() {
    return "prova-fortsattning";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    return formularData.arende(uppgift.arendeId(), anvandare);
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    historik.logga(
        uppgift.arendeId(),
        "MAXTID",
        ("FORLANG".equals(data.get("fortsattningsbeslut"))
                ? "Insatsens maxtid uppnådd: insatsen förlängs. "
                : "Insatsens maxtid uppnådd: ärendet avslutas vid nästa uppföljning. ")
            + data.get("motivering"),
        anvandare.id());
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("fortsattningsbeslut");
  }
}
