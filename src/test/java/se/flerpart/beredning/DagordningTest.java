package se.flerpart.beredning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.web.Datum;

/**
 * The beredningsgrupp's meeting days and the agenda mail: bad schedules are refused with the
 * field's label and change nothing; N working days before the meeting, when the engine clock passes
 * that time, each member gets exactly one agenda with a PDF that shows a case's personal data only
 * to a member inside the case's consent scope.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class DagordningTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcClient jdbc;

  private ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  private static String unik(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  private void skapaInsats(String kod, String namn, List<String> medlemmar) {
    Svar svar =
        api.post(
            "admin",
            "/api/admin/insatser",
            Map.of("kod", kod, "namn", namn, "beredningsgrupp", medlemmar));
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
  }

  private Svar sparaSchema(String anvandare, String kod, Map<String, Object> schema) {
    return api.anrop(anvandare, "PUT", "/api/admin/insatser/" + kod + "/beredningsmote", schema);
  }

  private LocalDate idag() {
    return motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
  }

  @Test
  void demoinsatsensNastaMoteArInomTvaVeckor() {
    LocalDate nasta =
        LocalDate.parse(
            api.get("admin", "/api/admin/insatser/flerpartssamverkan/beredningsmote")
                .kropp()
                .path("nastaMote")
                .asText());
    assertThat(nasta).isBetween(idag(), idag().plusDays(14));
    assertThat(api.get("bengt", "/api/admin/insatser/flerpartssamverkan/beredningsmote").status())
        .isEqualTo(403);
  }

  @Test
  void feligaMotesdagarAndrarIngenting() {
    String kod = unik("bered-fel-");
    skapaInsats(kod, "Felprov", List.of("anna", "bengt"));
    String forsta = idag().plusDays(20).toString();
    assertThat(
            sparaSchema(
                    "admin",
                    kod,
                    Map.of("forstaDatum", forsta, "tid", "13:30", "intervallVeckor", "3"))
                .status())
        .isEqualTo(200);

    Svar passerat =
        sparaSchema(
            "admin", kod, Map.of("forstaDatum", idag().minusDays(1).toString(), "tid", "09:00"));
    assertThat(passerat.status()).isEqualTo(400);
    assertThat(passerat.kropp().path("fel").path("forstaDatum").asText())
        .startsWith("Första mötesdag:")
        .contains("redan passerat");

    Svar feltDatum = sparaSchema("admin", kod, Map.of("forstaDatum", "2026-13-45", "tid", "25:00"));
    assertThat(feltDatum.status()).isEqualTo(400);
    assertThat(feltDatum.kropp().path("fel").path("forstaDatum").asText())
        .as("its example a day the field takes, not a passed one")
        .isEqualTo("Första mötesdag: " + Datum.meddelande(idag().plusDays(14)));
    assertThat(feltDatum.kropp().path("fel").path("tid").asText())
        .startsWith("Klockslag:")
        .contains("TT:MM");

    assertThat(sparaSchema("bengt", kod, Map.of("forstaDatum", forsta, "tid", "08:00")).status())
        .isEqualTo(403);
    assertThat(sparaSchema("admin", "finns-inte", Map.of("forstaDatum", forsta)).status())
        .isEqualTo(404);

    JsonNode schema = api.get("admin", "/api/admin/insatser/" + kod + "/beredningsmote").kropp();
    assertThat(schema.path("forstaDatum").asText()).isEqualTo(forsta);
    assertThat(schema.path("tid").asText()).startsWith("13:30");
    assertThat(schema.path("intervallVeckor").asInt()).isEqualTo(3);

    // An insats whose beredningsgrupp has no members gets no meeting days.
    String tom = unik("bered-tom-");
    skapaInsats(tom, "Utan grupp", List.of("anna"));
    assertThat(api.post("admin", "/api/admin/insatser/" + tom + "/inaktivera", null).status())
        .isEqualTo(200);
    assertThat(
            api.anrop(
                    "admin", "DELETE", "/api/admin/insatser/" + tom + "/beredningsgrupp/anna", null)
                .status())
        .isEqualTo(200);
    Svar utanMedlemmar = sparaSchema("admin", tom, Map.of("forstaDatum", forsta, "tid", "09:00"));
    assertThat(utanMedlemmar.status()).isEqualTo(400);
    assertThat(utanMedlemmar.kropp().path("fel").path("beredningsgrupp").asText())
        .startsWith("Beredningsgrupp:")
        .contains("inga medlemmar");
    assertThat(api.get("admin", "/api/admin/insatser/" + tom + "/beredningsmote").status())
        .isEqualTo(404);
  }

  @Test
  void dagordningenGarUtEnGangMedPersonuppgifterBaraInomSamtycket() throws Exception {
    String kod = unik("bered-dag-");
    String insatsnamn = "Dagordningsprov " + kod.substring(kod.length() - 8);
    skapaInsats(kod, insatsnamn, List.of("anna", "bengt"));
    // Both parts in the consent of the first case; only FK in the second's.
    String inomBada = arende(kod, "19121212-1212", "Vera Dagordning", List.of("FK", "AF"));
    String baraFk = arende(kod, "19900101-2385", "Olle Utanfor", List.of("FK"));
    String nummerInom = api.arende("anna", inomBada).path("arendenummer").asText();
    String nummerFk = api.arende("anna", baraFk).path("arendenummer").asText();
    api.vantaPaUppgift("anna", "grupp", inomBada, "bered-arende");
    api.vantaPaUppgift("anna", "grupp", baraFk, "bered-arende");

    LocalDate mote = idag().plusDays(14);
    assertThat(
            sparaSchema(
                    "admin",
                    kod,
                    Map.of("forstaDatum", mote.toString(), "tid", "09:00", "plats", "Rum 2"))
                .status())
        .isEqualTo(200);
    assertThat(
            api.get("admin", "/api/admin/insatser/" + kod + "/beredningsmote")
                .kropp()
                .path("nastaMote")
                .asText())
        .isEqualTo(mote.toString());
    String amne = "Dagordning beredningsmöte " + mote + " – " + insatsnamn;
    assertThat(dagordningar("anna@fk.example", amne)).isEmpty();

    // To the send time: 00:00 two working days before the meeting, and one hour more.
    Duration fram =
        Duration.between(motor.nu(), Motesschema.utskick(mote, 2)).plus(Duration.ofHours(1));
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", fram.toString())).status())
        .isEqualTo(200);

    JsonNode tillAnna = api.vantaPaMail(ApiKlient.mailTill("anna@fk.example", amne));
    JsonNode tillBengt = api.vantaPaMail(ApiKlient.mailTill("bengt@af.example", amne));
    assertThat(tillAnna.path("amne").asText()).startsWith("Dagordning");
    assertThat(tillAnna.path("text").asText()).doesNotContain("Vera").doesNotContain("Olle");

    String annasPdf = pdf(tillAnna);
    assertThat(annasPdf)
        .contains(nummerInom)
        .contains("Vera Dagordning")
        .contains(nummerFk)
        .contains("Olle Utanfor")
        .contains("19900101-2385");
    String bengtsPdf = pdf(tillBengt);
    assertThat(bengtsPdf).contains(nummerInom).contains("Vera Dagordning");
    assertThat(bengtsPdf)
        .as("bengt (AF) is outside the second case's consent: its number only")
        .contains(nummerFk)
        .doesNotContain("Olle Utanfor")
        .doesNotContain("19900101")
        .contains("Personuppgifter visas inte");
    assertThat(lasningar("bengt", inomBada)).isEqualTo(1);
    assertThat(lasningar("bengt", baraFk)).isZero();
    assertThat(lasningar("anna", baraFk)).isGreaterThanOrEqualTo(1);

    // Exactly one each, also when the clock moves on before the meeting.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT2H")).status())
        .isEqualTo(200);
    await()
        .during(Duration.ofSeconds(7))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                dagordningar("anna@fk.example", amne).size() == 1
                    && dagordningar("bengt@af.example", amne).size() == 1);

    // Not reached at the meeting: both stay open, are on the next meeting's agenda, marked.
    LocalDate nasta = mote.plusWeeks(2);
    Duration tillNasta =
        Duration.between(motor.nu(), Motesschema.utskick(nasta, 2)).plus(Duration.ofHours(1));
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", tillNasta.toString())).status())
        .isEqualTo(200);
    String nastaPdf =
        pdf(
            api.vantaPaMail(
                ApiKlient.mailTill(
                    "anna@fk.example", "Dagordning beredningsmöte " + nasta + " – " + insatsnamn)));
    assertThat(nastaPdf)
        .contains(nummerInom)
        .contains(nummerFk)
        .contains("Flyttat från beredningsmötet " + mote);
    Sidklient.Sida vy = Sidklient.inloggad(port, "anna").get("/beredningsmote/" + kod);
    assertThat(vy.status()).isEqualTo(200);
    assertThat(vy.html())
        .contains("Flyttat från beredningsmötet <span class=\"hel\">" + mote + "</span>")
        .contains(nummerInom)
        .contains("data-uppgift=");
    assertThat(Sidklient.inloggad(port, "david").get("/beredningsmote/" + kod).status())
        .as("david is not in this beredningsgrupp")
        .isEqualTo(403);
    assertThat(Sidklient.inloggad(port, "petra").get("/beredningsmote/" + kod).status())
        .isEqualTo(403);
  }

  @Test
  void administratorenAndrarMotesdagarnaPaInsatsensSida() {
    String kod = unik("bered-sida-");
    skapaInsats(kod, "Sidprov", List.of("david"));
    Sidklient admin = Sidklient.inloggad(port, "admin");
    assertThat(admin.get("/admin/insatser/" + kod).html())
        .contains("Beredningsmöten")
        .contains("Inga mötesdagar är bestämda.");
    Sidklient.Sida fel =
        admin.post(
            "/admin/insatser/" + kod + "/beredningsmote",
            Map.of("forstaDatum", "31/12/2026", "tid", "09:00", "intervallVeckor", "2"));
    assertThat(fel.status()).isEqualTo(302);
    assertThat(admin.get("/admin/insatser/" + kod).html())
        .contains("Mötesdagarna är inte sparade.")
        .contains("Första mötesdag: " + Datum.meddelande(idag().plusDays(14)));
    assertThat(api.get("admin", "/api/admin/insatser/" + kod + "/beredningsmote").status())
        .isEqualTo(404);
    LocalDate dag = idag().plusDays(3);
    Sidklient.Sida ok =
        admin.post(
            "/admin/insatser/" + kod + "/beredningsmote",
            Map.of(
                "forstaDatum",
                dag.toString().replace("-", ""),
                "tid",
                "14.15",
                "intervallVeckor",
                "1",
                "plats",
                "Stadshuset"));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(admin.get("/admin/insatser/" + kod).html())
        .contains("Beredningsgruppens mötesdagar är sparade.")
        .contains("Nästa möte: " + Beredningsmoten.DAG.format(dag) + " kl. 14:15");
    assertThat(
            api.get("admin", "/api/admin/insatser/" + kod + "/beredningsmote")
                .kropp()
                .path("plats")
                .asText())
        .isEqualTo("Stadshuset");
    // The change is in the administration log, with what was set.
    String logg = admin.get("/admin/logg?objekttyp=BEREDNINGSMOTE&objekt=" + kod).html();
    assertThat(logg)
        .contains("<code>" + kod + "</code>")
        .contains("Skapad")
        .contains("Stadshuset")
        .contains("14:15");

    // David, in the group, has the meetings on Mina möten and in his calendar feed.
    String moten = Sidklient.inloggad(port, "david").get("/moten").html();
    assertThat(moten)
        .contains("data-typ=\"BEREDNINGSMOTE\"")
        .contains("href=\"/beredningsmote/" + kod + "\"")
        .contains("Sidprov");
    String url = api.get("david", "/api/moten/kalenderflode").kropp().path("url").asText();
    String ics =
        api.http()
            .get()
            .uri(url.substring(url.indexOf("/kalender/")))
            .retrieve()
            .body(String.class);
    List<VEvent> handelser =
        Biweekly.parse(ics).first().getEvents().stream()
            .filter(e -> e.getSummary().getValue().equals("Beredningsmöte, Sidprov"))
            .toList();
    assertThat(handelser).isNotEmpty();
    assertThat(handelser.get(0).getDateStart().getValue().toInstant())
        .isEqualTo(dag.atTime(14, 15).atZone(ArendeService.SVERIGE).toInstant());
    assertThat(handelser.get(0).getLocation().getValue()).isEqualTo("Stadshuset");
    assertThat(handelser.get(1).getDateStart().getValue().toInstant())
        .as("every week")
        .isEqualTo(dag.plusWeeks(1).atTime(14, 15).atZone(ArendeService.SVERIGE).toInstant());
    assertThat(api.anrop("david", "DELETE", "/api/moten/kalenderflode", null).status())
        .isEqualTo(204);
  }

  private String arende(String insats, String personnummer, String namn, List<String> samtycke) {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", personnummer);
    a.put("insats", insats);
    a.put("skal", "Behöver samordnat stöd");
    a.put("behov", List.of("FK", "AF"));
    a.put("namn", namn);
    String id = api.aktualisera("anna", a);
    JsonNode uppgift = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(api.slutfor("anna", uppgift, ArendeSteg.samtyckeJa(samtycke, false)).status())
        .isEqualTo(200);
    return id;
  }

  private List<JsonNode> dagordningar(String epost, String amne) {
    return ApiKlient.stream(api.get("admin", "/api/dev/mail").kropp())
        .filter(ApiKlient.mailTill(epost, amne))
        .toList();
  }

  private long lasningar(String anvandare, String arendeId) {
    return jdbc.sql(
            "select count(*) from granskningslogg where anvandare_id = ? and arende_id = ?"
                + " and handling = 'LAS_PERSONUPPGIFTER'")
        .params(anvandare, UUID.fromString(arendeId))
        .query(Long.class)
        .single();
  }

  private static String pdf(JsonNode mail) throws IOException {
    JsonNode bilaga = mail.path("bilagor").get(0);
    assertThat(bilaga.path("filnamn").asText()).startsWith("dagordning-").endsWith(".pdf");
    try (PDDocument pdf =
        Loader.loadPDF(Base64.getDecoder().decode(bilaga.path("innehall").asText()))) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(pdf);
    }
  }
}
