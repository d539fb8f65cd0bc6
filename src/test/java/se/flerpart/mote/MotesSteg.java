package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeService;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * For API tests of later steps: takes a case whose beredning said Ja through the shortest possible
 * flerpartsmöte (one invitee, held at once, a one-action plan), so the case stands where the
 * process goes after the meeting.
 */
public final class MotesSteg {

  /** The answer link in a kallelse mail, {@code /svar/<token>}; group 1 is the token. */
  public static final Pattern SVARSLANK =
      Pattern.compile("/svar/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  private MotesSteg() {}

  /**
   * The ärendebärare calls bengt (AF) to a video meeting at {@code motesTid} with cecilia as
   * ordförande; the kallelse is then waiting for his answer.
   */
  public static void kallaTillVideomote(
      ApiKlient api, String arendeId, String arendebarare, Instant motesTid, String videolank) {
    JsonNode kallelse = api.vantaPaUppgift(arendebarare, "mina", arendeId, "forbered-kallelse");
    assertThat(
            api.slutfor(
                    arendebarare,
                    kallelse,
                    Map.of(
                        "syfte",
                        "Gemensam plan",
                        "motesTid",
                        motesTid.atOffset(ZoneOffset.UTC).toString(),
                        "videolank",
                        videolank,
                        "ordforande",
                        "cecilia",
                        "deltagare",
                        List.of(
                            Map.of(
                                "namn", "Bengt Ek",
                                "epost", "bengt@af.example",
                                "roll", "PROFESSIONELL",
                                "part", "AF"))))
                .status())
        .isEqualTo(200);
  }

  public static void genomfor(
      ApiKlient api, EmbeddedMotor motor, String arendeId, String arendebarare) {
    JsonNode kallelse = api.vantaPaUppgift(arendebarare, "mina", arendeId, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    assertThat(api.slutfor(arendebarare, kallelse, kallelse(motesTid)).status()).isEqualTo(200);
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT3H")).status())
        .isEqualTo(200);
    JsonNode mote = api.vantaPaUppgift("cecilia", "mina", arendeId, "genomfor-mote");
    LocalDate idag = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
    assertThat(api.slutfor("cecilia", mote, moteMedPlan(idag)).status()).isEqualTo(200);
  }

  /** The kallelse to a meeting at {@code motesTid}, cecilia in the chair, Bengt Ek invited. */
  public static Map<String, Object> kallelse(Instant motesTid) {
    return Map.of(
        "syfte", "Gemensam plan",
        "motesTid", motesTid.atOffset(ZoneOffset.UTC).toString(),
        "plats", "Kontaktcenter",
        "ordforande", "cecilia",
        "deltagare",
            List.of(Map.of("namn", "Bengt Ek", "epost", "bengt@af.example", "part", "AF")));
  }

  /** The meeting held: Bengt Ek present, a plan with one action and a follow-up in two months. */
  public static Map<String, Object> moteMedPlan(LocalDate idag) {
    return Map.of(
        "narvaro", List.of(Map.of("epost", "bengt@af.example", "narvarande", true)),
        "plan",
            Map.of(
                "mal", "Arbete",
                "atgarder",
                    List.of(
                        Map.of(
                            "beskrivning", "Arbetsprövning",
                            "ansvarigPart", "AF",
                            "ansvarig", "Bengt Ek",
                            "senast", idag.plusMonths(1).toString())),
                "uppfoljningsdatum", idag.plusMonths(2).toString()));
  }
}
