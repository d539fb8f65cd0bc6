package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.ApiKlient;
import se.flerpart.Sidklient;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * A meeting entered at 10:00 in the kallelse form is at 10:00 Swedish time in the invitation's
 * calendar file and on the case page, on a server whose clock is set to UTC. The form sends the
 * time as on a clock, without a zone (form-js' {@code no_timezone}), whatever the browser's zone.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SvenskTidTest {

  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");

  private static final Locale SVENSKA = Locale.forLanguageTag("sv-SE");

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;

  @Test
  void motetKlockanTioArKlockanTioISverige() {
    assertThat(TimeZone.getDefault().toZoneId().normalized())
        .as("testets JVM går på UTC, som en server")
        .isEqualTo(ZoneOffset.UTC);
    ApiKlient api = new ApiKlient(port);
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Lång sjukskrivning, behöver stöd från flera parter",
                "behov", List.of("FK", "AF", "REGION")));
    ArendeSteg.beviljat(
        api, id, "anna", List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA"), true, "anna");
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");

    // As the form sends it: the date and the time on the clock, nothing more. In winter (the next
    // 4 December after the engine's now, which other tests in this context may have moved on).
    LocalDate idag = LocalDate.ofInstant(motor.nu(), SVERIGE);
    LocalDate dag = LocalDate.of(idag.getYear(), 12, 4);
    if (!dag.isAfter(idag.plusDays(1))) {
      dag = dag.plusYears(1);
    }
    String veckodag = dag.getDayOfWeek().getDisplayName(TextStyle.FULL, SVENSKA);
    String visad = veckodag + " 4 december " + dag.getYear() + " kl. 10:00";
    Map<String, Object> data = new HashMap<>();
    data.put("syfte", "Gemensam plan");
    data.put("motesTid", dag + "T10:00");
    data.put("plats", "Kontaktcenter, rum 2");
    data.put("ordforande", "cecilia");
    data.put(
        "deltagare",
        List.of(
            Map.of(
                "namn", "Bengt Ek",
                "epost", "bengt@af.example",
                "roll", "PROFESSIONELL",
                "part", "AF",
                "kravs", true)));
    ApiKlient.Svar slutford = api.slutfor("anna", kallelse, data);
    assertThat(slutford.status()).as(slutford.kropp().toString()).isEqualTo(200);

    JsonNode mail = api.vantaPaMail(ApiKlient.mailTill("bengt@af.example", nummer)::test);
    JsonNode ics =
        ApiKlient.stream(mail.path("bilagor"))
            .filter(b -> b.path("typ").asText().startsWith("text/calendar"))
            .findFirst()
            .orElseThrow();
    String text =
        new String(
            Base64.getDecoder().decode(ics.path("innehall").asText()), StandardCharsets.UTF_8);
    // 10:00 in Stockholm in December is 09:00 UTC, written with its Z.
    assertThat(text).contains("DTSTART:" + dag.getYear() + "1204T090000Z");
    ICalendar kalender = Biweekly.parse(text).first();
    VEvent handelse = kalender.getEvents().get(0);
    assertThat(LocalDateTime.ofInstant(handelse.getDateStart().getValue().toInstant(), SVERIGE))
        .isEqualTo(dag.atTime(10, 0));
    assertThat(mail.path("text").asText()).contains(visad);

    String sida = Sidklient.inloggad(port, "anna").get("/arenden/" + id).html();
    assertThat(sida).contains(visad).doesNotContain("kl. 09:00");
  }
}
