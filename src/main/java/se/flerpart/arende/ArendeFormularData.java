package se.flerpart.arende;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/** What every task form of a case shows about the case, and the option lists forms ask for. */
@Component
public class ArendeFormularData {

  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final InsatsRepository insatser;
  private final PartRepository parter;
  private final AnvandareRepository anvandare;

  public ArendeFormularData(
      ArendeService arenden,
      ArendeAtkomst atkomst,
      InsatsRepository insatser,
      PartRepository parter,
      AnvandareRepository anvandare) {
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.insatser = insatser;
    this.parter = parter;
    this.anvandare = anvandare;
  }

  /**
   * The case as a form shows it. Not logged here: the task list lets only readers inside the
   * consent scope open a form and logs each opening once ({@link UppgiftensOmfang}).
   */
  public Map<String, Object> arende(UUID arendeId, Anvandare vem) {
    Arende a = arenden.hamta(arendeId);
    Map<String, Object> data = new HashMap<>();
    data.put("arendenummer", a.arendenummer());
    data.put(
        "insatsNamn",
        insatser.hitta(a.insats()).map(InsatsRepository.Insats::namn).orElse(a.insats()));
    data.put("aktualiserandePart", a.aktualiserandePart());
    ArendeAtkomst.Personuppgifter p = atkomst.personuppgifterOloggade(vem, a);
    data.put(
        "skal",
        p.synliga()
            ? p.skal()
            : "Personuppgifter visas inte: din part ingår inte i ärendets samtycke.");
    if (p.personnummer() != null) {
      data.put("personnummer", p.personnummer());
    }
    data.put("skyddadIdentitet", p.skyddadIdentitet());
    if (p.individ() != null && p.individ().namn() != null) {
      data.put("individnamn", p.individ().namn());
    }
    return data;
  }

  /**
   * The person, the närstående and the god man as invitees to a flerpartsmöte, with name, e-mail
   * and role ({@code INDIVID}, {@code NARSTAENDE}, {@code GOD_MAN}); without e-mail marked to get a
   * printed kallelse. Empty outside the consent scope. Not logged here, as {@link #arende}.
   */
  public List<Map<String, Object>> kallade(UUID arendeId, Anvandare vem) {
    ArendeAtkomst.Personuppgifter p = atkomst.personuppgifterOloggade(vem, arenden.hamta(arendeId));
    Individ i = p.individ();
    List<Map<String, Object>> rader = new java.util.ArrayList<>();
    if (i == null) {
      return rader;
    }
    if (i.namn() != null) {
      rader.add(kallad(i.namn(), i.epost(), "INDIVID"));
    }
    for (Individ.Narstaende n : i.narstaende()) {
      rader.add(kallad(n.namn(), n.epost(), "NARSTAENDE"));
    }
    if (i.godMan() != null) {
      rader.add(kallad(i.godMan().namn(), i.godMan().epost(), "GOD_MAN"));
    }
    return rader;
  }

  /** The language the person needs an interpreter in; empty when none. */
  public java.util.Optional<String> tolkSprak(UUID arendeId, Anvandare vem) {
    Individ i = atkomst.personuppgifterOloggade(vem, arenden.hamta(arendeId)).individ();
    return i == null || !Boolean.TRUE.equals(i.tolk())
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(i.sprak());
  }

  private static Map<String, Object> kallad(String namn, String epost, String roll) {
    Map<String, Object> rad = new HashMap<>();
    rad.put("namn", namn);
    rad.put("roll", roll);
    rad.put("kravs", false);
    if (epost != null) {
      rad.put("epost", epost);
    }
    rad.put("saknarEpost", epost == null);
    return rad;
  }

  /** The part's name as a form shows it, e.g. "Försäkringskassan" for FK. */
  public String partnamn(String kod) {
    return kod == null ? null : anvandare.partnamn(kod);
  }

  public List<Map<String, String>> parter() {
    return parter.alla().stream()
        .filter(p -> !"FORBUND".equals(p.kod()))
        .map(p -> alternativ(p.namn(), p.kod()))
        .toList();
  }

  /**
   * The parts as options for people a form names for the case (invitees), those outside its consent
   * scope marked: choosing one gives a field error, and the label says why beforehand.
   */
  public List<Map<String, String>> parter(UUID arendeId) {
    Arende a = arenden.hamta(arendeId);
    return parter.alla().stream()
        .filter(p -> !"FORBUND".equals(p.kod()))
        .map(p -> alternativ(p.namn() + markering(atkomst.partInomOmfang(p.kod(), a)), p.kod()))
        .toList();
  }

  /** Users with the role as options for the case, those outside its consent scope marked. */
  public List<Map<String, String>> medRoll(String roll, UUID arendeId) {
    Arende a = arenden.hamta(arendeId);
    return anvandare.medRoll(roll).stream()
        .map(
            u ->
                alternativ(
                    u.namn()
                        + " ("
                        + anvandare.partnamn(u.part())
                        + ")"
                        + markering(atkomst.kanLasaPersonuppgifter(u, a)),
                    u.id()))
        .toList();
  }

  private static String markering(boolean inomOmfang) {
    return inomOmfang ? "" : " – utanför samtycket";
  }

  public static Map<String, String> alternativ(String label, String value) {
    return Map.of("label", label, "value", value);
  }
}
