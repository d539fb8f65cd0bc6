package se.flerpart.arende;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/** {@code inhamta-samtycke}: the referrer records the person's consent and its scope. */
@Component
class SamtyckeHandler implements UppgiftHandler {

  private final ArendeService arenden;
  private final ArendeFormularData formularData;

  SamtyckeHandler(ArendeService arenden, ArendeFormularData formularData) {
    this.arenden = arenden;
    this.formularData = formularData;
  }

  @Override
  public String elementId() {
    return "inhamta-samtycke";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), anvandare));
    data.put("parter", formularData.parter());
    return data;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    arenden.registreraSamtycke(
        uppgift.arendeId(),
        (String) data.get("samtycke"),
        (String) data.get("samtyckeForm"),
        (List<String>) data.getOrDefault("samtyckeParter", List.of()),
        (Boolean) data.get("susSamtycke"),
        anvandare);
  }

  @Override
  public Optional<String> nastaSteg(Uppgift uppgift, Map<String, Object> data) {
    if (!"JA".equals(data.get("samtycke"))) {
      return Optional.of(
          "Ärendet avslutas eftersom samtycke saknas, och den som aktualiserade det får besked.");
    }
    Object parter = data.get("samtyckeParter");
    int antal = parter instanceof List<?> l ? l.size() : 0;
    return Optional.of(
        "Ärendet går nu till beredningsgruppen för insatsen, och samtycket gäller "
            + (antal == 1 ? "1 part." : antal + " parter."));
  }
}
