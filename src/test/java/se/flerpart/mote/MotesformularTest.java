package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.flerpart.uppgift.FormularRegister;
import se.flerpart.uppgift.FormularValidator;

/**
 * The two meeting forms against the server's validator: the participant list (a form-js
 * dynamiclist) and the nested plan pass through with per-row errors, and the answer link token
 * cannot be forged.
 */
class MotesformularTest {

  private static final Map<String, Object> ALTERNATIV =
      Map.of(
          "parter", List.of(Map.of("label", "Arbetsförmedlingen", "value", "AF")),
          "ordforandeAlternativ", List.of(Map.of("label", "Cecilia", "value", "cecilia")));

  private final FormularValidator validator = new FormularValidator();
  private final FormularRegister register;

  MotesformularTest() throws Exception {
    register = new FormularRegister(new ObjectMapper());
  }

  @Test
  void deltagarlistanValiderasPerRadOchKommerMed() {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("syfte", "Plan");
    in.put("motesTid", "2030-01-10T10:00+01:00");
    in.put("ordforande", "cecilia");
    in.put(
        "deltagare",
        List.of(
            Map.of("namn", "Bengt", "epost", "bengt@af.example", "part", "AF", "kravs", true),
            Map.of("epost", "inte-en-adress", "part", "XX", "okant", "bort")));
    Map<String, String> fel = new LinkedHashMap<>();
    Map<String, Object> rena =
        validator.validera(register.hitta("forbered-kallelse").orElseThrow(), in, ALTERNATIV, fel);

    assertThat(fel)
        .containsEntry("deltagare[1].namn", "Deltagare 2: namn saknas")
        .containsEntry("deltagare[1].epost", "Deltagare 2: e-post – ange en giltig e-postadress")
        .containsEntry(
            "deltagare[1].part", "Deltagare 2: part (yrkesperson) – välj ett av alternativen")
        .doesNotContainKey("deltagare[0].namn");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> deltagare = (List<Map<String, Object>>) rena.get("deltagare");
    assertThat(deltagare.get(0))
        .containsEntry("namn", "Bengt")
        .containsEntry("kravs", true)
        .containsEntry("saknarEpost", false);
    assertThat(deltagare.get(1)).doesNotContainKey("okant");
  }

  @Test
  void planenArEttObjektMedEgnaFelnycklar() {
    Map<String, Object> in =
        Map.of(
            "narvaro", List.of(Map.of("epost", "bengt@af.example", "narvarande", true)),
            "plan",
                Map.of(
                    "mal", "Arbete",
                    "atgarder", List.of(Map.of("beskrivning", "Prövning", "ansvarigPart", "FK")),
                    "uppfoljningsdatum", "inte ett datum"));
    Map<String, String> fel = new LinkedHashMap<>();
    Map<String, Object> rena =
        validator.validera(register.hitta("genomfor-mote").orElseThrow(), in, ALTERNATIV, fel);

    assertThat(fel)
        .containsKey("plan.uppfoljningsdatum")
        .containsKey("plan.atgarder[0].ansvarigPart")
        .containsKey("plan.atgarder[0].ansvarig")
        .containsKey("plan.atgarder[0].senast");
    assertThat(rena.get("plan")).isInstanceOf(Map.class);
    assertThat(rena.get("narvaro")).asList().hasSize(1);
  }

  @Test
  void svarslankenKanInteForfalskas() {
    SvarsToken tokens =
        new SvarsToken("ZGVtby1zdmFyc2xhbmthci1mbGVycGFydC1lai1mb3ItcHJvZHVrdGlvbg==");
    UUID id = UUID.randomUUID();
    Instant giltig = Instant.parse("2030-01-10T11:30:00Z");
    String token = tokens.skapa(id, 3, giltig);

    assertThat(tokens.las(token)).contains(new SvarsToken.Innehall(id, 3, giltig));
    String annanSekvens = tokens.skapa(id, 4, giltig);
    String hopsatt =
        annanSekvens.substring(0, annanSekvens.indexOf('.')) + token.substring(token.indexOf('.'));
    assertThat(tokens.las(hopsatt)).isEmpty();
    assertThat(tokens.las("abc")).isEmpty();
    assertThat(new SvarsToken("YW5uYW4tbnlja2VsLWFubmFuLW55Y2tlbC1hbm5hbi1ueWNrZWw=").las(token))
        .isEmpty();
  }

  @Test
  void paminnelsenKommerTvaArbetsdagarFore() {
    Paminnelsetid tid = new Paminnelsetid(2);
    // Monday 10:00 → Thursday before at 08:00 Swedish time (winter: UTC+1).
    assertThat(
            tid.fore(Instant.parse("2030-01-14T09:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2030-01-10T07:00:00Z"));
    // Called at short notice: halfway between now and the meeting.
    assertThat(
            tid.fore(Instant.parse("2030-01-14T09:00:00Z"), Instant.parse("2030-01-14T07:00:00Z")))
        .isEqualTo(Instant.parse("2030-01-14T08:00:00Z"));
  }
}
