package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.Sidklient;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * Mina möten and the personal calendar feed: the feed read by an iCalendar parser without login,
 * carrying time, place and case number but never the person's name or the syfte; revoking it; and
 * the page's weeks and names only inside the consent scope.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class KalenderflodeTest {

  private static final List<String> ALLA_PARTER = List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA");
  private static final String SYFTE = "Hemlig fråga om Veras hälsa och skulder";

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcClient jdbc;
  ApiKlient api;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  void flodetHarTidPlatsOchNummerMenAldrigNamnEllerSyfte() throws Exception {
    String id = beviljat("Vera Kalendersson");
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    Instant motesTid = motor.nu().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
    planera(id, motesTid);
    JsonNode mote = api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten").get(0);
    String moteId = mote.path("id").asText();

    String url = api.get("cecilia", "/api/moten/kalenderflode").kropp().path("url").asText();
    // The absolute URL from flerpart.bas-url (in tests the configured port, 0).
    assertThat(url).matches("http://localhost:\\d+/kalender/[A-Za-z0-9_-]{43}\\.ics");
    assertThat(api.get("cecilia", "/api/moten/kalenderflode").kropp().path("url").asText())
        .isEqualTo(url);
    String token = url.substring(url.lastIndexOf('/') + 1, url.length() - 4);
    // The database keeps only the keyed hash and an encrypted copy, never the token itself.
    assertThat(
            jdbc.sql("select token_hash || ' ' || token_krypterad from kalenderflode")
                .query(String.class)
                .list())
        .noneMatch(rad -> rad.contains(token));

    HttpResponse<String> svar = hamta(url);
    assertThat(svar.statusCode()).isEqualTo(200);
    assertThat(svar.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    String text = svar.body();
    assertThat(text)
        .doesNotContain("Vera")
        .doesNotContain("Kalendersson")
        .doesNotContain("skulder")
        .doesNotContain("19121212")
        .contains("BEGIN:VTIMEZONE")
        .contains(
            "DTSTART;TZID=Europe/Stockholm:"
                + motesTid
                    .atZone(ArendeService.SVERIGE)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
    VEvent handelse = handelse(text, moteId);
    assertThat(handelse.getSummary().getValue()).isEqualTo("Flerpartsmöte, ärende " + nummer);
    assertThat(handelse.getDateStart().getValue().toInstant()).isEqualTo(motesTid);
    assertThat(handelse.getDateEnd().getValue().toInstant()).isAfter(motesTid);
    assertThat(handelse.getLocation().getValue()).isEqualTo("Kontaktcenter, rum 2");
    assertThat(handelse.getUrl().getValue()).endsWith("/arenden/" + id);
    assertThat(handelse.getDescription().getValue()).contains(nummer).contains("/arenden/" + id);
    assertThat(handelse.getStatus().isConfirmed()).isTrue();
    assertThat(handelse.getSequence().getValue()).isZero();

    // bengt, invited as a professional with his account's e-mail, has the meeting in his feed.
    String bengtsUrl = api.get("bengt", "/api/moten/kalenderflode").kropp().path("url").asText();
    assertThat(handelse(hamta(bengtsUrl).body(), moteId).getSummary().getValue())
        .isEqualTo("Flerpartsmöte, ärende " + nummer);

    // A cancelled meeting stays in the feed as CANCELLED, with the same UID and a new SEQUENCE.
    assertThat(
            api.post("anna", "/api/moten/" + moteId + "/installa", Map.of("orsak", "Sjukdom"))
                .status())
        .isEqualTo(200);
    VEvent installt = handelse(hamta(url).body(), moteId);
    assertThat(installt.getStatus().isCancelled()).isTrue();
    assertThat(installt.getSequence().getValue()).isEqualTo(1);

    // The ärendebärare has a feed of her own with the same meeting.
    String annasUrl = api.get("anna", "/api/moten/kalenderflode").kropp().path("url").asText();
    assertThat(annasUrl).isNotEqualTo(url);
    assertThat(hamta(annasUrl).body()).contains(installt.getUid().getValue());

    // Revoked: the old URL answers as a wrong one does, and a new GET gives a new URL.
    assertThat(api.anrop("cecilia", "DELETE", "/api/moten/kalenderflode", null).status())
        .isEqualTo(204);
    HttpResponse<String> aterkallad = hamta(url);
    HttpResponse<String> fel = hamta("http://localhost:" + port + "/kalender/fel" + token + ".ics");
    assertThat(aterkallad.statusCode()).isEqualTo(404);
    assertThat(fel.statusCode()).isEqualTo(404);
    assertThat(aterkallad.body()).isEqualTo(fel.body()).isEqualTo("Kalenderflödet finns inte.");
    String nyUrl = api.get("cecilia", "/api/moten/kalenderflode").kropp().path("url").asText();
    assertThat(nyUrl).isNotEqualTo(url);
    assertThat(hamta(nyUrl).statusCode()).isEqualTo(200);
    assertThat(api.anrop(null, "GET", "/api/moten/kalenderflode", null).status()).isEqualTo(401);
  }

  @Test
  void sidanVisarMotenPerVeckaOchNamnBaraInomSamtycket() {
    String id = beviljat("Omar Berg");
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    Instant motesTid = motor.nu().plus(Duration.ofDays(14)).truncatedTo(ChronoUnit.HOURS);
    planera(id, motesTid);
    ZonedDateTime lokal = motesTid.atZone(ArendeService.SVERIGE);
    String vecka = "Vecka " + lokal.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);

    Sidklient anna = Sidklient.inloggad(port, "anna");
    long loggadeFore = namnlasningar("anna", id);
    String html = anna.get("/moten").html();
    assertThat(html).contains("Mina möten").contains(nummer).contains("Omar Berg");
    assertThat(html.indexOf(">" + vecka)).isNotNegative().isLessThan(html.indexOf(nummer));
    assertThat(namnlasningar("anna", id)).isEqualTo(loggadeFore + 1);
    // cecilia is ordförande, inside the consent scope as well.
    assertThat(Sidklient.inloggad(port, "cecilia").get("/moten").html())
        .contains(nummer)
        .contains("Omar Berg")
        .contains("Ordförande");
    // The processledare has no meetings of her own: nothing from the case.
    assertThat(Sidklient.inloggad(port, "petra").get("/moten").html())
        .doesNotContain(nummer)
        .doesNotContain("Omar");

    // After the consent is withdrawn nobody reads the name any more; the meeting stays listed.
    assertThat(
            api.post(
                    "anna", "/api/arenden/" + id + "/aterkalla-samtycke", Map.of("hur", "MUNTLIGT"))
                .status())
        .isEqualTo(200);
    long loggadeEfter = namnlasningar("anna", id);
    String utan = anna.get("/moten").html();
    assertThat(utan).contains(nummer).doesNotContain("Omar");
    assertThat(namnlasningar("anna", id)).isEqualTo(loggadeEfter);
  }

  // ---------------------------------------------------------------- hjälpmetoder

  private String beviljat(String namn) {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", "19121212-1212");
    a.put("insats", "flerpartssamverkan");
    a.put("skal", "Lång sjukskrivning, behöver stöd från flera parter");
    a.put("behov", List.of("FK", "AF", "REGION"));
    a.put("namn", namn);
    String id = api.aktualisera("anna", a);
    ArendeSteg.beviljat(api, id, "anna", ALLA_PARTER, true, "anna");
    return id;
  }

  private void planera(String id, Instant motesTid) {
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    assertThat(
            api.slutfor(
                    "anna",
                    kallelse,
                    Map.of(
                        "syfte",
                        SYFTE,
                        "motesTid",
                        motesTid.atOffset(ZoneOffset.UTC).toString(),
                        "plats",
                        "Kontaktcenter, rum 2",
                        "ordforande",
                        "cecilia",
                        "deltagare",
                        List.of(
                            Map.of(
                                "namn", "Bengt Ek",
                                "epost", "bengt@af.example",
                                "roll", "PROFESSIONELL",
                                "part", "AF",
                                "kravs", true))))
                .status())
        .isEqualTo(200);
  }

  private long namnlasningar(String vem, String arendeId) {
    return jdbc.sql(
            "select count(*) from granskningslogg where anvandare_id = ? and arende_id = ?::uuid"
                + " and handling = 'LAS_NAMN'")
        .params(vem, arendeId)
        .query(Long.class)
        .single();
  }

  /** Fetches the feed without login, as a calendar service does, at this test's port. */
  private HttpResponse<String> hamta(String url) throws IOException, InterruptedException {
    String sokvag = url.substring(url.indexOf("/kalender/"));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + sokvag)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static VEvent handelse(String text, String moteId) {
    ICalendar kalender = Biweekly.parse(text).first();
    assertThat(kalender).isNotNull();
    return kalender.getEvents().stream()
        .filter(e -> e.getUid().getValue().equals("flerpartsmote-" + moteId + "@flerpart.se"))
        .findFirst()
        .orElseThrow();
  }
}
