package se.flerpart.avvikelse;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code bedom-avvikelse}: the processledare classifies the deviation, sets its severity and hands
 * it to a representative of the berörd part, or closes it as ogrundad with a reason, without an
 * investigation ({@code utfall} = {@value #OGRUNDAD}; the process then goes straight to the
 * återkoppling).
 */
@Component
class BedomAvvikelseHandler implements UppgiftHandler {

  static final String OGRUNDAD = "OGRUNDAD";

  private final AvvikelseService avvikelser;
  private final AvvikelseFormularData formularData;

  BedomAvvikelseHandler(AvvikelseService avvikelser, AvvikelseFormularData formularData) {
    this.avvikelser = avvikelser;
    this.formularData = formularData;
  }

  @Override
  public String elementId() {
    return AvvikelseUppgifter.BEDOM;
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Avvikelse a = formularData.avvikelse(uppgift);
    Map<String, Object> data = new HashMap<>(formularData.sammanfattning(uppgift));
    data.put("typ", a.typ());
    data.put("berordPart", a.berordPart());
    data.put("avvikelsetyper", formularData.typer(a.typ()));
    data.put("parter", formularData.parter());
    data.put("representanter", formularData.representanter());
    return data;
  }

  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    if (ogrundad(data)) {
      AvvikelseService.kontrolleraText(
          "ogrundadSkal",
          "Skriv varför avvikelsen är ogrundad",
          (String) data.get("ogrundadSkal"),
          true,
          fel);
      AvvikelseService.kontrolleraText("bedomning", "", (String) data.get("bedomning"), false, fel);
      return;
    }
    String part = (String) data.get("berordPart");
    if (!formularData.arRepresentant((String) data.get("utredare"), part)) {
      fel.put(
          "utredare",
          "Välj en utredare som representerar den berörda parten ("
              + formularData.partnamn(part)
              + ")");
    }
    AvvikelseService.kontrolleraText("bedomning", "", (String) data.get("bedomning"), false, fel);
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    if (ogrundad(data)) {
      avvikelser.avslutaSomOgrundad(
          AvvikelseFormularData.avvikelseId(uppgift),
          (String) data.get("typ"),
          (String) data.get("berordPart"),
          (String) data.get("allvarlighet"),
          (String) data.get("ogrundadSkal"),
          anvandare);
      return;
    }
    avvikelser.registreraBedomning(
        AvvikelseFormularData.avvikelseId(uppgift),
        (String) data.get("typ"),
        (String) data.get("berordPart"),
        (String) data.get("allvarlighet"),
        (String) data.get("utredare"),
        (String) data.get("bedomning"),
        anvandare);
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("typ", "berordPart", "allvarlighet", "utredare", "utfall");
  }

  private static boolean ogrundad(Map<String, Object> data) {
    return OGRUNDAD.equals(data.get("utfall"));
  }
}
