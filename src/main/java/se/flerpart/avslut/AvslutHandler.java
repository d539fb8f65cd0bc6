package se.flerpart.avslut;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeService;
import se.flerpart.referens.KategoriRepository;
import se.flerpart.referens.KategoriRepository.Kategori;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code avsluta-arende}: the ärendebärare closes the case with avslutsorsak, försörjning and
 * sysselsättning after, and whether the plan was fulfilled — what SUS utregistrering needs.
 */
@Component
class AvslutHandler implements UppgiftHandler {

  private final ArendeService arenden;
  private final ArendeFormularData formularData;
  private final KategoriRepository kategorier;
  private final AvslutRepository avslutRepository;
  private final Clock klocka;

  AvslutHandler(
      ArendeService arenden,
      ArendeFormularData formularData,
      KategoriRepository kategorier,
      AvslutRepository avslutRepository,
      Clock klocka) {
    this.arenden = arenden;
    this.formularData = formularData;
    this.kategorier = kategorier;
    this.avslutRepository = avslutRepository;
    this.klocka = klocka;
  }

  @Override
  public String elementId() {
    return "avsluta-arende";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare anvandare) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), anvandare));
    data.put("avslutsorsaker", alternativ(Kategori.AVSLUTSORSAK));
    data.put("forsorjningar", alternativ(Kategori.FORSORJNING));
    data.put("sysselsattningar", alternativ(Kategori.SYSSELSATTNING));
    return data;
  }

  private List<Map<String, String>> alternativ(Kategori k) {
    return kategorier.aktiva(k).stream()
        .map(p -> ArendeFormularData.alternativ(p.namn(), p.kod()))
        .toList();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare anvandare) {
    String kod = (String) data.get("avslutsorsak");
    Object omfattning = data.get("omfattning");
    Avslut avslut =
        new Avslut(
            kod,
            (List<String>) data.getOrDefault("forsorjningEfter", List.of()),
            (String) data.get("sysselsattningEfter"),
            omfattning == null ? null : Integer.valueOf(omfattning.toString()),
            (Boolean) data.get("subventionerad"),
            (String) data.get("planUppfylld"));
    avslutRepository.spara(uppgift.arendeId(), avslut, klocka.instant());
    arenden.avsluta(
        uppgift.arendeId(),
        kod,
        kategorier.hitta(Kategori.AVSLUTSORSAK, kod).map(KategoriRepository.Post::namn).orElse(kod),
        anvandare);
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("avslutsorsak", "planUppfylld");
  }
}
