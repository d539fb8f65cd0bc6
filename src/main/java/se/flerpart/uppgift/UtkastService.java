package se.flerpart.uppgift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Konflikt;
import se.flerpart.web.OtillatetTecken;
import se.flerpart.web.ValideringsFel;

/**
 * Drafts of task forms. The one who may complete the task saves what they have typed so far; only
 * that user reads it back: the task's holder, or for a group's unclaimed task the member who wrote
 * it. A draft holds what the form holds, so it is read and written only inside the case's consent
 * scope and every read is logged like opening the form.
 */
@Service
public class UtkastService {

  /** The largest draft taken, in bytes of JSON. */
  public static final int MAX_STORLEK = 256 * 1024;

  private final UppgiftService uppgifter;
  private final UtkastRepository utkast;
  private final ArendeOmfang omfang;
  private final ObjectMapper json;
  private final Clock klocka;

  UtkastService(
      UppgiftService uppgifter,
      UtkastRepository utkast,
      ArendeOmfang omfang,
      ObjectMapper json,
      Clock klocka) {
    this.uppgifter = uppgifter;
    this.utkast = utkast;
    this.omfang = omfang;
    this.json = json;
    this.klocka = klocka;
  }

  /** Stores {@code text}, a JSON object, as the user's draft of the task. */
  public UtkastRepository.Utkast spara(long id, String text, Anvandare a) {
    Uppgift u = uppgifter.hamta(id, a);
    kravInomOmfang(u, a);
    if (!u.arOppen()) {
      throw new Konflikt("Uppgiften är inte längre öppen; utkastet sparas inte.");
    }
    if (!uppgifter.kanSlutfora(u, a)) {
      throw new AtkomstNekad(
          "Bara den som har uppgiften, eller i gruppen en som kan ta den, sparar utkast.");
    }
    String data = kontrollera(text);
    var nu = klocka.instant();
    utkast.spara(id, a.id(), u.arendeId(), data, nu);
    return new UtkastRepository.Utkast(data, nu);
  }

  /** The user's draft of the task; empty when there is none. */
  public Optional<UtkastRepository.Utkast> hamta(long id, Anvandare a) {
    Uppgift u = uppgifter.hamta(id, a);
    kravInomOmfang(u, a);
    if (u.tilldelad() != null ? !u.tilldelad().equals(a.id()) : !uppgifter.arKandidat(u, a)) {
      throw new AtkomstNekad("Bara den som har uppgiften läser dess utkast.");
    }
    Optional<UtkastRepository.Utkast> sparat = utkast.hitta(id, a.id());
    if (sparat.isPresent() && u.arendeId() != null) {
      omfang.loggaFormular(u.arendeId(), a);
    }
    return sparat;
  }

  private void kravInomOmfang(Uppgift u, Anvandare a) {
    Optional<String> varfor = uppgifter.utanforOmfang(u, a);
    if (varfor.isPresent()) {
      throw new AtkomstNekad("Du kan inte arbeta med uppgiften: " + varfor.get() + ".");
    }
  }

  /** The draft as compact JSON, or a Swedish 400 naming the field {@code utkast}. */
  private String kontrollera(String text) {
    if (text == null || text.isBlank()) {
      throw new ValideringsFel("utkast", "Utkastet saknas: skicka formulärets värden som JSON");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_STORLEK) {
      throw new ValideringsFel(
          "utkast", "Utkastet är för stort: högst " + MAX_STORLEK / 1024 + " kB sparas");
    }
    JsonNode trad;
    try {
      trad = json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ValideringsFel("utkast", "Utkastet är inte giltig JSON");
    }
    if (trad == null || !trad.isObject()) {
      throw new ValideringsFel(
          "utkast", "Utkastet ska vara ett JSON-objekt med formulärets värden");
    }
    if (harOtillatetTecken(trad)) {
      throw new ValideringsFel("utkast", OtillatetTecken.MEDDELANDE);
    }
    return trad.toString();
  }

  private static boolean harOtillatetTecken(JsonNode nod) {
    if (nod.isTextual()) {
      return OtillatetTecken.finnsI(nod.textValue());
    }
    for (Iterator<Map.Entry<String, JsonNode>> i = nod.fields(); i.hasNext(); ) {
      Map.Entry<String, JsonNode> falt = i.next();
      if (OtillatetTecken.finnsI(falt.getKey()) || harOtillatetTecken(falt.getValue())) {
        return true;
      }
    }
    if (nod.isArray()) {
      for (JsonNode barn : nod) {
        if (harOtillatetTecken(barn)) {
          return true;
        }
      }
    }
    return false;
  }
}
