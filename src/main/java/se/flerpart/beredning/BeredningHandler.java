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
import se.flerpart.sakerhet.AnvandareRepository;
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
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final AnvandareRepository anvandare;

  BeredningHandler(
      BeredningService beredning,
      ArendeFormularData formularData,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      AnvandareRepository anvandare) {
    this.beredning = beredning;
    this.formularData = formularData;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.anvandare = anvandare;
  }

  @Override
  public String elementId() {
    return "bered-arende";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), anvandare));
    data.put("handlaggare", formularData.medRoll(Anvandare.HANDLAGGARE, uppgift.arendeId()));
    if (uppgift.variabler().get("vagledning") instanceof Map<?, ?> vagledning
        && vagledning.get("utfall") instanceof String utfall) {
      data.put("vagledningUtfall", BeredningService.text(utfall));
    }
    return data;
  }

  /**
   * The ärendebärare reads the whole case and calls the meeting, so must belong to a part inside
   * the consent scope (see {@link ArendeAtkomst}).
   */
  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    if (!(data.get("arendebarare") instanceof String id)) {
      return;
    }
    Arende arende = arenden.hamta(uppgift.arendeId());
    anvandare
        .hitta(id)
        .filter(barare -> !atkomst.kanLasaPersonuppgifter(barare, arende))
        .ifPresent(
            barare ->
                fel.put(
                    "arendebarare",
                    barare.namn()
                        + " ("
                        + anvandare.partnamn(barare.part())
                        + ") kan inte bli ärendebärare: "
                        + anvandare.partnamn(barare.part())
                        + " ingår inte i ärendets samtycke. Samtycket måste först utvidgas med ett"
                        + " nytt samtycke från individen."));
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
