package se.flerpart.uppfoljning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.flerpart.ApiKlient;

/**
 * Takes a case whose meeting is held (by {@link se.flerpart.mote.MotesSteg}) through its follow-up:
 * the clock is moved past the plan's date (two months on, whatever the hour) and the ärendebärare
 * decides.
 */
public final class UppfoljningSteg {

  private UppfoljningSteg() {}

  /** Moves the engine clock past the plan's follow-up date and returns the folj-upp-plan task. */
  public static JsonNode vantaPaUppfoljning(ApiKlient api, String arendeId, String arendebarare) {
    assertThat(api.hittaUppgift(arendebarare, "mina", arendeId, "folj-upp-plan")).isEmpty();
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P64D")).status())
        .isEqualTo(200);
    return api.vantaPaUppgift(arendebarare, "mina", arendeId, "folj-upp-plan");
  }

  /** Follows up the plan (every action done) with the given decision. */
  public static void foljUpp(
      ApiKlient api, String arendeId, String arendebarare, Map<String, Object> beslut) {
    JsonNode uppgift = vantaPaUppfoljning(api, arendeId, arendebarare);
    JsonNode data =
        api.get(arendebarare, "/api/uppgifter/" + uppgift.path("id").asText() + "/formular")
            .kropp()
            .path("data");
    List<Map<String, Object>> status =
        ApiKlient.stream(data.path("atgardStatus"))
            .map(a -> Map.<String, Object>of("status", "GENOMFORD"))
            .toList();
    Map<String, Object> variabler = new HashMap<>(beslut);
    variabler.put("atgardStatus", status);
    variabler.putIfAbsent("progression", 7);
    ApiKlient.Svar svar = api.slutfor(arendebarare, uppgift, variabler);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
  }

  /** Follows up with AVSLUTA and waits for avsluta-arende. */
  public static JsonNode tillAvslut(ApiKlient api, String arendeId, String arendebarare) {
    foljUpp(api, arendeId, arendebarare, Map.of("uppfoljningsbeslut", "AVSLUTA"));
    return api.vantaPaUppgift(arendebarare, "mina", arendeId, "avsluta-arende");
  }
}
