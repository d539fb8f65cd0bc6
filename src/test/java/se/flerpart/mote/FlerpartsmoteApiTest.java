package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.flerpart.ApiKlient.mailTill;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.EnAnslutning;
import se.flerpart.Sidklient;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.uppfoljning.UppfoljningSteg;

/**
 * Kallelse, svar, möte och plan genom REST-API:t, på hela applikationen med inbyggd motor,
 * PostgreSQL och SMTP-server. Tiden flyttas bara med motorns klocka.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class FlerpartsmoteApiTest {

  private static final List<String> ALLA_PARTER = List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA");

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired CamundaClient camunda;
  @Autowired SvarsToken tokens;
  @Autowired Environment miljo;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  void kallelseSvarMoteOchPlan() {
    String id = beviljat();
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");

    JsonNode formular =
        api.get("anna", "/api/uppgifter/" + kallelse.path("id").asText() + "/formular").kropp();
    assertThat(formular.path("schema").path("id").asText()).isEqualTo("forbered-kallelse");
    assertThat(formular.path("data").path("ordforandeAlternativ").toString()).contains("cecilia");

    Instant motesTid = motor.nu().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
    Svar fel =
        api.slutfor(
            "anna",
            kallelse,
            Map.of(
                "syfte",
                "Planera",
                "motesTid",
                iso(motor.nu().minus(Duration.ofDays(1))),
                "ordforande",
                "cecilia",
                "deltagare",
                List.of()));
    assertThat(fel.status()).isEqualTo(400);
    assertThat(fel.kropp().path("fel").path("motesTid").asText()).contains("redan passerat");
    assertThat(fel.kropp().path("fel").path("deltagare").asText())
        .isEqualTo("Deltagare: lägg till minst en deltagare");
    assertThat(fel.kropp().path("fel").path("plats").asText()).contains("plats eller videolänk");
    Map<String, Object> utanSyfte = kallelseData(motesTid);
    utanSyfte.remove("syfte");
    List<Map<String, Object>> deltagare = new ArrayList<>(deltagare());
    deltagare.set(1, Map.of("namn", "David Holm", "epost", "david(at)region", "part", "REGION"));
    utanSyfte.put("deltagare", deltagare);
    Svar fel2 = api.slutfor("anna", kallelse, utanSyfte);
    assertThat(fel2.status()).isEqualTo(400);
    assertThat(fel2.kropp().path("fel").path("syfte").asText()).isEqualTo("Syfte med mötet saknas");
    // The message names the row and the field as the page shows them; the key stays the path.
    assertThat(fel2.kropp().path("fel").path("deltagare[1].epost").asText())
        .isEqualTo("Deltagare 2: e-post – ange en giltig e-postadress");
    assertThat(api.hittaUppgift("anna", "mina", id, "forbered-kallelse")).isPresent();

    assertThat(api.slutfor("anna", kallelse, kallelseData(motesTid)).status()).isEqualTo(200);
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("MOTE_PLANERAT");

    // One mail per invitee, the syfte first, with a calendar invitation of its own.
    Map<String, JsonNode> kallelser = new HashMap<>();
    String uid = null;
    for (String epost : List.of("bengt@af.example", "david@region.example", "sara@exempel.se")) {
      JsonNode mail = api.vantaPaMail(mailOm(epost, "Kallelse till flerpartsmöte", nummer));
      assertThat(mail.path("text").asText())
          .startsWith("Syfte med mötet: Gemensam plan för återgång i arbete")
          .contains("/svar/")
          .doesNotContain("19121212");
      VEvent handelse = kalender(mail, "REQUEST").getEvents().get(0);
      assertThat(handelse.getAttendees()).hasSize(1);
      assertThat(handelse.getAttendees().get(0).getEmail()).isEqualTo(epost);
      assertThat(handelse.getAttendees().get(0).getParticipationStatus())
          .isEqualTo(ParticipationStatus.NEEDS_ACTION);
      assertThat(handelse.getOrganizer().getEmail()).isEqualTo("anna@fk.example");
      assertThat(handelse.getSequence().getValue()).isZero();
      assertThat(handelse.getDateStart().getValue().toInstant()).isEqualTo(motesTid);
      uid = uid == null ? handelse.getUid().getValue() : uid;
      assertThat(handelse.getUid().getValue()).isEqualTo(uid);
      kallelser.put(epost, mail);
    }
    assertThat(
            ApiKlient.stream(api.get("admin", "/api/dev/mail").kropp())
                .filter(m -> m.path("amne").asText().contains("ärende " + nummer))
                .filter(m -> m.path("amne").asText().startsWith("Kallelse till flerpartsmöte"))
                .count())
        .isEqualTo(3);

    // The ärendebärare moves the meeting: an update with the same UID and a higher SEQUENCE.
    JsonNode moten = api.get("anna", "/api/moten?arendeId=" + id).kropp();
    String moteId = moten.path("moten").get(0).path("id").asText();
    assertThat(
            api.post("bengt", "/api/moten/" + moteId + "/flytta", Map.of("motesTid", iso(motesTid)))
                .status())
        .isEqualTo(403);
    Instant nyTid = motesTid.plus(Duration.ofHours(1));
    Svar flyttat =
        api.post(
            "anna",
            "/api/moten/" + moteId + "/flytta",
            Map.of("motesTid", iso(nyTid), "plats", "Kontaktcenter, rum 3"));
    assertThat(flyttat.status()).isEqualTo(200);
    assertThat(flyttat.kropp().path("sekvens").asInt()).isEqualTo(1);
    Map<String, String> lankar = new HashMap<>();
    for (String epost : List.of("bengt@af.example", "david@region.example", "sara@exempel.se")) {
      JsonNode andring = api.vantaPaMail(mailOm(epost, "Ändrad kallelse: flerpartsmöte", nummer));
      VEvent handelse = kalender(andring, "REQUEST").getEvents().get(0);
      assertThat(handelse.getUid().getValue()).isEqualTo(uid);
      assertThat(handelse.getSequence().getValue()).isEqualTo(1);
      assertThat(handelse.getDateStart().getValue().toInstant()).isEqualTo(nyTid);
      assertThat(handelse.getLocation().getValue()).isEqualTo("Kontaktcenter, rum 3");
      lankar.put(epost, token(andring));
    }
    Svar gammal =
        api.post(
            null,
            "/api/kallelsesvar/" + token(kallelser.get("bengt@af.example")),
            Map.of("svar", "ACCEPTERAR"));
    assertThat(gammal.status()).isEqualTo(410);
    assertThat(gammal.kropp().path("meddelande").asText()).contains("Kallelsen har ändrats");

    // The individual is spoken to, not about, and cannot send a replacement; a professional can.
    String tillIndividen = kallelser.get("sara@exempel.se").path("text").asText();
    assertThat(tillIndividen)
        .contains("flerpartsmöte om ditt stöd")
        .contains("tacka ja eller tacka nej:")
        .doesNotContain("individen")
        .doesNotContain("ersättare");
    assertThat(kallelser.get("bengt@af.example").path("text").asText())
        .contains("skicka en ersättare")
        // The link also shows the answer and the meeting afterwards; the mail says so.
        .contains("Öppnar du den igen efter ditt svar ser du svaret och mötets uppgifter.");
    JsonNode inbjudan = api.get(null, "/api/kallelsesvar/" + lankar.get("sara@exempel.se")).kropp();
    assertThat(inbjudan.path("individ").asBoolean()).isTrue();
    assertThat(inbjudan.path("ersattareMojlig").asBoolean()).isFalse();
    // Whom to ask, as the kallelse says: the answer pages show it.
    assertThat(inbjudan.path("ordforande").asText()).isEqualTo("Cecilia Berg");
    assertThat(inbjudan.path("arendebarareEpost").asText()).isEqualTo("anna@fk.example");
    assertThat(html(null, "/svar/" + lankar.get("sara@exempel.se")))
        .contains("om ditt stöd")
        .doesNotContain("svar-ersattare")
        .doesNotContain("Jag skickar en ersättare");
    assertThat(html(null, "/svar/" + lankar.get("bengt@af.example")))
        .contains("Jag skickar en ersättare");
    Svar individensErsattare =
        svara(
            lankar.get("sara@exempel.se"),
            Map.of("svar", "ERSATTARE", "ersattare", Map.of("namn", "Kim", "epost", "kim@ex.se")));
    assertThat(individensErsattare.status()).isEqualTo(400);
    assertThat(individensErsattare.kropp().path("fel").path("svar").asText())
        .startsWith("Tacka ja eller nej");

    // Two accept and the required REGION declines, through their links and without login.
    assertThat(svara(lankar.get("bengt@af.example"), Map.of("svar", "ACCEPTERAR")).status())
        .isEqualTo(200);
    assertThat(svara(lankar.get("sara@exempel.se"), Map.of("svar", "ACCEPTERAR")).status())
        .isEqualTo(200);
    Svar utanSkal = svara(lankar.get("david@region.example"), Map.of("svar", "AVBOJER"));
    assertThat(utanSkal.status()).isEqualTo(400);
    assertThat(utanSkal.kropp().path("fel").path("kommentar").asText())
        .isEqualTo("Skriv varför du inte kan komma");
    Svar avbojt =
        svara(
            lankar.get("david@region.example"),
            Map.of("svar", "AVBOJER", "kommentar", "Krockar med en utbildning"));
    assertThat(avbojt.status()).isEqualTo(200);
    Svar igen = svara(lankar.get("bengt@af.example"), Map.of("svar", "AVBOJER", "kommentar", "x"));
    assertThat(igen.status()).isEqualTo(409);
    assertThat(igen.kropp().path("meddelande").asText()).startsWith("Du har redan svarat");

    JsonNode kallade = api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten").get(0);
    assertThat(svarFor(kallade, "bengt@af.example")).isEqualTo("ACCEPTERAR");
    assertThat(svarFor(kallade, "sara@exempel.se")).isEqualTo("ACCEPTERAR");
    assertThat(svarFor(kallade, "david@region.example")).isEqualTo("AVBOJER");
    String sida = html("anna", "/arenden/" + id);
    assertThat(sida).contains("Flerpartsmöte", "Avböjer", "Krockar med en utbildning", "Kommer");

    JsonNode meddelande =
        api.vantaPaMail(mailTill("anna@fk.example", nummer + ": David Holm (Region Uppsala)"));
    assertThat(meddelande.path("amne").asText()).contains("har avböjt");
    avvikelseRegistrerad(id, "PART_AVBOJDE", "REGION");

    // At the meeting time the ordförande gets the meeting.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P8D")).status()).isEqualTo(200);
    JsonNode mote = api.vantaPaUppgift("cecilia", "mina", id, "genomfor-mote");
    JsonNode moteFormular =
        api.get("cecilia", "/api/uppgifter/" + mote.path("id").asText() + "/formular").kropp();
    assertThat(moteFormular.path("data").path("narvaro")).hasSize(3);
    assertThat(moteFormular.path("data").path("syfte").asText()).startsWith("Gemensam plan");

    LocalDate idag = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
    Map<String, Object> genomfort = new HashMap<>();
    genomfort.put("checklista", List.of("SYFTE", "INDIVIDENS_MAL", "PLANEN", "UPPFOLJNING"));
    genomfort.put(
        "narvaro",
        List.of(
            Map.of("epost", "bengt@af.example", "narvarande", true),
            Map.of("epost", "david@region.example", "narvarande", false),
            Map.of("epost", "sara@exempel.se", "narvarande", true)));
    genomfort.put("anteckningar", "Sara vill börja med en arbetsprövning.");
    genomfort.put(
        "plan",
        Map.of(
            "mal", "Arbeta 50 % inom vården inom ett år",
            "atgarder", List.of(),
            "uppfoljningsdatum", idag.plusMonths(2).toString()));
    Svar utanAtgard = api.slutfor("cecilia", mote, genomfort);
    assertThat(utanAtgard.status()).isEqualTo(400);
    assertThat(utanAtgard.kropp().path("fel").path("plan.atgarder").asText())
        .startsWith("Åtgärder: lägg till minst en åtgärd");
    genomfort.put(
        "plan",
        Map.of(
            "mal", "Arbeta 50 % inom vården inom ett år",
            "atgarder",
                List.of(
                    Map.of(
                        "beskrivning", "Arbetsprövning på äldreboende",
                        "ansvarigPart", "AF",
                        "ansvarig", "Bengt Ek",
                        "senast", idag.plusMonths(1).toString())),
            "uppfoljningsdatum", idag.plusMonths(2).toString()));
    assertThat(api.slutfor("cecilia", mote, genomfort).status()).isEqualTo(200);

    // The plan goes to everyone as a PDF, and the case moves on to avslut.
    for (String epost :
        List.of(
            "bengt@af.example",
            "david@region.example",
            "sara@exempel.se",
            "cecilia@uppsala.example")) {
      JsonNode plan = api.vantaPaMail(mailOm(epost, "Gemensam plan från flerpartsmötet", nummer));
      JsonNode pdf = plan.path("bilagor").get(0);
      assertThat(pdf.path("typ").asText()).isEqualTo("application/pdf");
      assertThat(
              new String(
                  Base64.getDecoder().decode(pdf.path("innehall").asText()),
                  0,
                  5,
                  StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");
    }
    JsonNode uppfoljning = UppfoljningSteg.vantaPaUppfoljning(api, id, "anna");
    assertThat(uppfoljning.path("elementId").asText()).isEqualTo("folj-upp-plan");
    JsonNode arende = api.arende("anna", id);
    assertThat(arende.path("status").asText()).isEqualTo("PLAN_UPPRATTAD");
    JsonNode oversikt = api.get("anna", "/api/moten?arendeId=" + id).kropp();
    assertThat(oversikt.path("aktuellPlan").path("version").asInt()).isEqualTo(1);
    assertThat(oversikt.path("aktuellPlan").path("atgarder").get(0).path("ansvarigPart").asText())
        .isEqualTo("AF");
    assertThat(oversikt.path("moten").get(0).path("status").asText()).isEqualTo("GENOMFORT");
    assertThat(ApiKlient.stream(arende.path("historik")).map(h -> h.path("typ").asText()))
        .contains("KALLELSE", "KALLELSESVAR", "MOTE_FLYTTAT", "PART_AVBOJDE", "MOTE", "PLAN");
    assertThat(html("anna", "/arenden/" + id))
        .contains("Gemensam plan", "Arbetsprövning på äldreboende");
    String planId = oversikt.path("aktuellPlan").path("id").asText();
    assertThat(api.get("petra", "/api/planer/" + planId + "/pdf").status()).isEqualTo(403);

    // The plan and its actions are read with one connection at a time.
    try (HikariDataSource en = EnAnslutning.mot(miljo)) {
      PlanRepository planer = new PlanRepository(JdbcClient.create(en));
      assertThat(planer.forArende(UUID.fromString(id)))
          .singleElement()
          .satisfies(p -> assertThat(p.atgarder()).hasSize(1));
      assertThat(
              planer
                  .hitta(UUID.fromString(planId))
                  .orElseThrow()
                  .atgarder()
                  .getFirst()
                  .ansvarigPart())
          .isEqualTo("AF");
    }
  }

  /**
   * Issue 10: silence is not absence. A required part that never answers only gets the ärendebärare
   * told at the meeting time; the deviation follows the attendance at the meeting: Kallelse
   * obesvarad when it stayed away, nothing when it came, and Part uteblev for one that accepted and
   * stayed away.
   */
  @Test
  void obesvaradKallelseGerAvvikelseBaraNarPartenUteblir() {
    String id = beviljat();
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Map<String, Object> data = kallelseData(motor.nu().plus(Duration.ofDays(7)));
    data.put(
        "deltagare",
        List.of(
            Map.of("namn", "Bengt Ek", "epost", "bengt@af.example", "part", "AF", "kravs", true),
            Map.of(
                "namn",
                "David Holm",
                "epost",
                "david@region.example",
                "part",
                "REGION",
                "kravs",
                true),
            Map.of(
                "namn",
                "Karin Berg",
                "epost",
                "karin@uppsala.example",
                "part",
                "KOMMUN-UPPSALA",
                "kravs",
                true)));
    assertThat(api.slutfor("anna", kallelse, data).status()).isEqualTo(200);
    JsonNode bengt = api.vantaPaMail(mailOm("bengt@af.example", "Kallelse till", nummer));
    assertThat(svara(token(bengt), Map.of("svar", "ACCEPTERAR")).status()).isEqualTo(200);

    // At the meeting time: the ärendebärare hears about the silent parts, no deviation yet.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P8D")).status()).isEqualTo(200);
    JsonNode mote = api.vantaPaUppgift("cecilia", "mina", id, "genomfor-mote");
    JsonNode tystnad =
        api.vantaPaMail(mailTill("anna@fk.example", nummer + ": David Holm (Region Uppsala)"));
    assertThat(tystnad.path("amne").asText()).contains("har inte svarat");
    assertThat(tystnad.path("text").asText())
        .contains("Uteblir parten från mötet registreras en avvikelse")
        .doesNotContain("registreras automatiskt");
    api.vantaPaMail(mailTill("anna@fk.example", nummer + ": Karin Berg"));
    assertThat(avvikelserFor(id)).isEmpty();
    assertThat(
            ApiKlient.stream(api.arende("anna", id).path("historik"))
                .filter(h -> h.path("typ").asText().equals("KALLELSE_OBESVARAD"))
                .count())
        .isEqualTo(2);

    LocalDate idag = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
    Map<String, Object> genomfort = new HashMap<>();
    genomfort.put("checklista", List.of("SYFTE"));
    genomfort.put(
        "narvaro",
        List.of(
            Map.of("epost", "bengt@af.example", "narvarande", false),
            Map.of("epost", "david@region.example", "narvarande", false),
            Map.of("epost", "karin@uppsala.example", "narvarande", true)));
    genomfort.put(
        "plan",
        Map.of(
            "mal", "Arbeta 50 % inom ett år",
            "atgarder",
                List.of(
                    Map.of(
                        "beskrivning", "Arbetsprövning",
                        "ansvarigPart", "KOMMUN-UPPSALA",
                        "ansvarig", "Karin Berg",
                        "senast", idag.plusMonths(1).toString())),
            "uppfoljningsdatum", idag.plusMonths(2).toString()));
    assertThat(api.slutfor("cecilia", mote, genomfort).status()).isEqualTo(200);

    avvikelseRegistrerad(id, "PART_UTEBLEV", "AF");
    avvikelseRegistrerad(id, "KALLELSE_OBESVARAD", "REGION");
    if (context.containsBean("registreraAvvikelseWorker")) {
      assertThat(avvikelserFor(id))
          .containsExactlyInAnyOrder("PART_UTEBLEV:AF", "KALLELSE_OBESVARAD:REGION");
    }
  }

  /** The deviations of a case as type:part, as the processledare sees them. */
  private List<String> avvikelserFor(String arendeId) {
    return ApiKlient.stream(api.get("petra", "/api/avvikelser").kropp())
        .filter(a -> arendeId.equals(a.path("arendeId").asText()))
        .map(a -> a.path("typ").asText() + ":" + a.path("berordPart").asText())
        .toList();
  }

  @Test
  void installtMoteSkickarAvbokningOchGerNyKallelse() {
    String id = beviljat();
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
    Map<String, Object> data = kallelseData(motesTid);
    data.put(
        "deltagare",
        List.of(
            Map.of("namn", "Bengt Ek", "epost", "bengt@af.example", "part", "AF", "kravs", true),
            Map.of("namn", "Sara Exempel", "roll", "INDIVID", "saknarEpost", true)));
    assertThat(api.slutfor("anna", kallelse, data).status()).isEqualTo(200);
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode mail = api.vantaPaMail(mailTill("bengt@af.example", "ärende " + nummer));

    JsonNode mote = api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten").get(0);
    JsonNode sara =
        ApiKlient.stream(mote.path("kallade"))
            .filter(k -> k.path("saknarEpost").asBoolean())
            .findFirst()
            .orElseThrow();
    byte[] pdf =
        RestClient.create()
            .get()
            .uri(
                "http://localhost:"
                    + port
                    + "/api/moten/"
                    + mote.path("id").asText()
                    + "/kallelser/"
                    + sara.path("id").asText()
                    + "/pdf")
            .header(HttpHeaders.AUTHORIZATION, basic("anna"))
            .retrieve()
            .body(byte[].class);
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

    assertThat(
            api.post("anna", "/api/moten/" + mote.path("id").asText() + "/installa", Map.of())
                .status())
        .isEqualTo(400);
    Svar installt =
        api.post(
            "anna",
            "/api/moten/" + mote.path("id").asText() + "/installa",
            Map.of("orsak", "Individen är sjuk"));
    assertThat(installt.status()).isEqualTo(200);
    assertThat(installt.kropp().path("status").asText()).isEqualTo("INSTALLT");

    JsonNode avbokning =
        api.vantaPaMail(mailOm("bengt@af.example", "Inställt: flerpartsmöte", nummer));
    VEvent handelse = kalender(avbokning, "CANCEL").getEvents().get(0);
    assertThat(handelse.getUid().getValue())
        .isEqualTo(kalender(mail, "REQUEST").getEvents().get(0).getUid().getValue());
    assertThat(handelse.getSequence().getValue()).isEqualTo(1);
    Svar sent = svara(token(mail), Map.of("svar", "ACCEPTERAR"));
    assertThat(sent.status()).isEqualTo(410);
    assertThat(sent.kropp().path("meddelande").asText()).startsWith("Mötet är inställt");

    JsonNode ny = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    assertThat(ny.path("id").asLong()).isNotEqualTo(kallelse.path("id").asLong());
    JsonNode nyData =
        api.get("anna", "/api/uppgifter/" + ny.path("id").asText() + "/formular").kropp();
    assertThat(nyData.path("data").path("syfte").asText()).startsWith("Gemensam plan");
    assertThat(api.arende("anna", id).path("status").asText()).isEqualTo("PAGAENDE");
  }

  @Test
  void ogiltigaOchUtgangnaLankarAndrarIngenting() {
    assertThat(svara("inte-en-token", Map.of("svar", "ACCEPTERAR")).status()).isEqualTo(404);
    // A broken link is an error, in red.
    assertThat(sida("/svar/inte-en-token"))
        .startsWith("404")
        .contains("<h1>Länken kan inte användas</h1>")
        .contains("class=\"fel\" role=\"alert\" id=\"orsak\">Svarslänken är ogiltig");
    String forfalskad = tokens.skapa(UUID.randomUUID(), 0, Instant.now().plusSeconds(3600));
    assertThat(
            svara(
                    forfalskad.substring(0, forfalskad.length() - 2) + "xx",
                    Map.of("svar", "ACCEPTERAR"))
                .status())
        .isEqualTo(404);

    String id = beviljat();
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MINUTES);
    assertThat(api.slutfor("anna", kallelse, kallelseData(motesTid)).status()).isEqualTo(200);
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    // A professional, who may send someone in her place.
    JsonNode mail = api.vantaPaMail(mailTill("bengt@af.example", "ärende " + nummer));
    SvarsToken.Innehall innehall = tokens.las(token(mail)).orElseThrow();

    String utgangen =
        tokens.skapa(innehall.kallelseId(), innehall.sekvens(), motor.nu().minusSeconds(60));
    Svar gammal = svara(utgangen, Map.of("svar", "ACCEPTERAR"));
    assertThat(gammal.status()).isEqualTo(410);
    assertThat(gammal.kropp().path("meddelande").asText()).contains("har gått ut");
    // Not the invitee's mistake: news in the page's neutral style, not a red error.
    assertThat(sida("/svar/" + utgangen))
        .startsWith("410")
        .contains("<h1>Länken gäller inte längre</h1>")
        .contains("class=\"info\" role=\"status\" id=\"orsak\">Svarslänken har gått ut");

    Svar utanErsattare = svara(token(mail), Map.of("svar", "ERSATTARE"));
    assertThat(utanErsattare.status()).isEqualTo(400);
    assertThat(utanErsattare.kropp().path("fel").path("ersattare.namn").asText()).isNotBlank();
    JsonNode mote = api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten").get(0);
    assertThat(svarFor(mote, "bengt@af.example")).isNull();

    // A replacement gets an invitation of her own, and her answer counts.
    Svar ersattare =
        svara(
            token(mail),
            Map.of(
                "svar",
                "ERSATTARE",
                "ersattare",
                Map.of("namn", "Olle Ersättare", "epost", "olle@exempel.se")));
    assertThat(ersattare.status()).isEqualTo(200);
    JsonNode olle = api.vantaPaMail(mailTill("olle@exempel.se", "ärende " + nummer));
    assertThat(svara(token(olle), Map.of("svar", "ACCEPTERAR")).status()).isEqualTo(200);
    mote = api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten").get(0);
    assertThat(svarFor(mote, "bengt@af.example")).isEqualTo("ERSATTARE");
    assertThat(svarFor(mote, "olle@exempel.se")).isEqualTo("ACCEPTERAR");
    // Her link, opened again, says what she answered, though her invitation has passed to Olle.
    assertThat(sida("/svar/" + token(mail)))
        .startsWith("200")
        .contains(
            "Du har svarat att du skickar en ersättare. Ersättaren har fått en egen kallelse.")
        .doesNotContain("skicka-svar");
  }

  // ---------------------------------------------------------------- hjälpmetoder

  /** A new case taken through samtycke and beredning JA with anna as ärendebärare. */
  private String beviljat() {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Lång sjukskrivning, behöver stöd från flera parter",
                "behov", List.of("FK", "AF", "REGION")));
    ArendeSteg.beviljat(api, id, "anna", ALLA_PARTER, true, "anna");
    return id;
  }

  private static List<Map<String, Object>> deltagare() {
    return List.of(
        Map.of(
            "namn",
            "Bengt Ek",
            "epost",
            "bengt@af.example",
            "roll",
            "PROFESSIONELL",
            "part",
            "AF",
            "kravs",
            true),
        Map.of(
            "namn",
            "David Holm",
            "epost",
            "david@region.example",
            "roll",
            "PROFESSIONELL",
            "part",
            "REGION",
            "kravs",
            true),
        Map.of("namn", "Sara Exempel", "epost", "sara@exempel.se", "roll", "INDIVID"));
  }

  private static Map<String, Object> kallelseData(Instant motesTid) {
    Map<String, Object> data = new HashMap<>();
    data.put("syfte", "Gemensam plan för återgång i arbete: vad kan varje part bidra med?");
    data.put("motesTid", iso(motesTid));
    data.put("plats", "Kontaktcenter, rum 2");
    data.put("ordforande", "cecilia");
    data.put("tolkSprak", "arabiska");
    data.put("deltagare", deltagare());
    return data;
  }

  private static String iso(Instant tid) {
    return tid.atOffset(ZoneOffset.UTC).toString();
  }

  /** A mail to the address whose subject starts so and names the case. */
  private static Predicate<JsonNode> mailOm(String epost, String amnesborjan, String arendenummer) {
    return m ->
        mailTill(epost, arendenummer).test(m) && m.path("amne").asText().startsWith(amnesborjan);
  }

  private Svar svara(String token, Map<String, Object> svar) {
    return api.post(null, "/api/kallelsesvar/" + token, svar);
  }

  private static String token(JsonNode mail) {
    Matcher m = MotesSteg.SVARSLANK.matcher(mail.path("text").asText());
    assertThat(m.find()).as("svarslänk i mailet").isTrue();
    return m.group(1);
  }

  private static ICalendar kalender(JsonNode mail, String metod) {
    JsonNode ics =
        ApiKlient.stream(mail.path("bilagor"))
            .filter(b -> b.path("typ").asText().equals("text/calendar"))
            .findFirst()
            .orElseThrow();
    ICalendar kalender =
        Biweekly.parse(
                new String(
                    Base64.getDecoder().decode(ics.path("innehall").asText()),
                    StandardCharsets.UTF_8))
            .first();
    assertThat(kalender.getMethod().getValue()).isEqualTo(metod);
    return kalender;
  }

  private static String svarFor(JsonNode mote, String epost) {
    JsonNode kallad =
        ApiKlient.stream(mote.path("kallade"))
            .filter(k -> epost.equals(k.path("epost").asText()))
            .findFirst()
            .orElseThrow();
    return kallad.hasNonNull("svar") ? kallad.path("svar").asText() : null;
  }

  @Test
  void motetFlyttasFranArendesidanMedSvenskDagOchTid() {
    String id = beviljat();
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
    assertThat(api.slutfor("anna", kallelse, kallelseData(motesTid)).status()).isEqualTo(200);
    String moteId =
        api.get("anna", "/api/moten?arendeId=" + id)
            .kropp()
            .path("moten")
            .get(0)
            .path("id")
            .asText();
    Sidklient anna = Sidklient.inloggad(port, "anna");
    assertThat(anna.get("/arenden/" + id).html())
        .contains("Ny dag (ÅÅÅÅ-MM-DD)")
        .doesNotContain("datetime-local");
    LocalDate dag = motesTid.atZone(ArendeService.SVERIGE).toLocalDate().plusDays(1);

    // What cannot be read changes nothing and is named.
    anna.post("/moten/" + moteId + "/flytta", Map.of("datum", "1/2", "tid", "kl tio"));
    assertThat(anna.get("/arenden/" + id).html())
        .contains("Ny dag: Datumet kunde inte läsas")
        .contains("Ny tid: Tiden kunde inte läsas");
    assertThat(motesTid(id)).isEqualTo(motesTid);

    // ÅÅÅÅMMDD and TT.MM, in Swedish time whatever the server's zone.
    anna.post(
        "/moten/" + moteId + "/flytta",
        Map.of("datum", dag.format(DateTimeFormatter.BASIC_ISO_DATE), "tid", "09.30"));
    assertThat(motesTid(id)).isEqualTo(dag.atTime(9, 30).atZone(ArendeService.SVERIGE).toInstant());
  }

  private Instant motesTid(String arendeId) {
    return Instant.parse(
        api.get("anna", "/api/moten?arendeId=" + arendeId)
            .kropp()
            .path("moten")
            .get(0)
            .path("motesTid")
            .asText());
  }

  @Test
  void ettOkantMoteGer404NarDetFlyttasEllerStallsIn() {
    Sidklient anna = Sidklient.inloggad(port, "anna");
    anna.get("/uppgifter");
    assertThat(
            anna.post(
                    "/moten/" + UUID.randomUUID() + "/flytta",
                    Map.of("motesTid", "2030-01-01T10:00"))
                .status())
        .isEqualTo(404);
    assertThat(
            anna.post("/moten/" + UUID.randomUUID() + "/installa", Map.of("orsak", "Sjuk"))
                .status())
        .isEqualTo(404);
  }

  /** A page without login: its status, then its HTML. */
  private String sida(String sokvag) {
    return RestClient.create()
        .get()
        .uri("http://localhost:" + port + sokvag)
        .exchange(
            (req, res) ->
                res.getStatusCode().value()
                    + new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  private String html(String anvandare, String sokvag) {
    var get = RestClient.create().get().uri("http://localhost:" + port + sokvag);
    if (anvandare != null) {
      get = get.header(HttpHeaders.AUTHORIZATION, basic(anvandare));
    }
    return get.retrieve().body(String.class);
  }

  private static String basic(String anvandare) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The deviation reaches the avvikelse feature through job {@code registrera-avvikelse}. When its
   * worker runs here the deviation list shows it; otherwise the job waits in the engine with the
   * right header and variables, which is what this feature owes, and the test completes it in the
   * missing worker's place so that the meeting can go on.
   */
  private void avvikelseRegistrerad(String arendeId, String typ, String part) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> iListan(arendeId, typ, part) || iMotorn(arendeId, typ, part));
  }

  @Autowired ApplicationContext context;

  private boolean iListan(String arendeId, String typ, String part) {
    Svar lista = api.get("petra", "/api/avvikelser");
    return lista.status() == 200
        && ApiKlient.stream(lista.kropp())
            .anyMatch(
                a ->
                    arendeId.equals(a.path("arendeId").asText())
                        && typ.equals(a.path("typ").asText())
                        && part.equals(a.path("berordPart").asText()));
  }

  private boolean iMotorn(String arendeId, String typ, String part) {
    List<ActivatedJob> jobb =
        camunda
            .newActivateJobsCommand()
            .jobType("registrera-avvikelse")
            .maxJobsToActivate(100)
            .timeout(Duration.ofSeconds(1))
            .send()
            .join()
            .getJobs();
    var jobbet =
        jobb.stream()
            .filter(
                j ->
                    arendeId.equals(j.getVariablesAsMap().get("arendeId"))
                        && typ.equals(j.getCustomHeaders().get("typ"))
                        && part.equals(j.getVariablesAsMap().get("berordPart"))
                        && j.getVariablesAsMap()
                            .get("avvikelseBeskrivning")
                            .toString()
                            .contains("ärende")
                        && !j.getVariablesAsMap()
                            .get("avvikelseBeskrivning")
                            .toString()
                            .contains("19121212"))
            .findFirst();
    if (jobbet.isPresent() && !context.containsBean("registreraAvvikelseWorker")) {
      camunda.newCompleteCommand(jobbet.get()).send().join();
    }
    return jobbet.isPresent();
  }
}
