package se.flerpart.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.flerpart.ApiKlient.mailTill;
import static se.flerpart.ApiKlient.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * Avvikelser through the REST API and the pages, on the whole application with its embedded engine,
 * PostgreSQL and SMTP server: reported, assessed, handed to a representative, escalated, decided
 * and fed back; refused with a personnummer; registered automatically by a process; listed,
 * exported and summed up in the monthly report.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class AvvikelseApiTest {

  @LocalServerPort int port;
  @Autowired Clock klocka;
  @Autowired JdbcClient jdbc;
  @Autowired CamundaClient camunda;
  @Autowired AvvikelseService avvikelser;
  @Autowired PartRepository parter;
  @Autowired AnvandareRepository anvandare;
  @Autowired PasswordEncoder encoder;
  ApiKlient api;
  RestClient http;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
    http = RestClient.builder().baseUrl("http://localhost:" + port).build();
  }

  // ---------------------------------------------------------------- hela vägen

  @Test
  void processledarenAvslutarEnOgrundadAvvikelseUtanUtredning() {
    String id =
        rapportera(
            "bengt",
            Map.of(
                "typ", "ANNAT",
                "beskrivning", "Kallelsen kom sent, trodde jag.",
                "berordPart", "AF"));
    JsonNode bedom = vantaPaUppgift("petra", id, "bedom-avvikelse");
    Map<String, Object> ogrundad = new HashMap<>();
    ogrundad.put("typ", "ANNAT");
    ogrundad.put("berordPart", "AF");
    ogrundad.put("allvarlighet", "LAG");
    ogrundad.put("utfall", "OGRUNDAD");
    // Without a reason: a field error, nothing changes.
    Svar utanSkal = api.slutfor("petra", bedom, ogrundad);
    assertThat(utanSkal.status()).isEqualTo(400);
    assertThat(utanSkal.kropp().path("fel").path("ogrundadSkal").asText()).isNotBlank();
    ogrundad.put("ogrundadSkal", "Kallelsen skickades i tid enligt loggen; ingen avvikelse.");
    assertThat(api.slutfor("petra", bedom, ogrundad).status()).isEqualTo(200);

    JsonNode avslutad = api.get("petra", "/api/avvikelser/" + id).kropp();
    assertThat(avslutad.path("status").asText()).isEqualTo("AVSLUTAD");
    assertThat(avslutad.path("utredare").isMissingNode() || avslutad.path("utredare").isNull())
        .isTrue();
    assertThat(avslutad.path("bedomning").asText()).startsWith("Kallelsen skickades i tid");
    assertThat(historik("petra", id)).contains("OGRUNDAD");
    // No investigation: the berörd part's representative never gets a task, and the reporter
    // gets the återkoppling.
    assertThat(
            stream(avslutad.path("uppgifter"))
                .noneMatch(u -> "atgarda-avvikelse".equals(u.path("elementId").asText())))
        .isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stream(api.get("admin", "/api/dev/mail").kropp())
                    .anyMatch(
                        m ->
                            m.path("till").toString().contains("bengt@af.example")
                                && m.path("text").asText().contains("Kallelsen skickades i tid")));
  }

  @Test
  void enAvvikelseBedomsAtgardasEskalerasOchAvslutasAvStyrgruppen() {
    Svar rapporterad =
        api.post(
            "bengt",
            "/api/avvikelser",
            Map.of(
                "typ", "PART_AVBOJDE",
                "beskrivning", "Kallad part avböjde utan ersättare; mötet sköts upp två veckor.",
                "berordPart", "AF"));
    assertThat(rapporterad.status()).isEqualTo(201);
    String id = rapporterad.kropp().path("id").asText();
    String nummer = rapporterad.kropp().path("nummer").asText();
    assertThat(nummer).matches("AVV-\\d{4}-\\d{4}");

    JsonNode iPetrasLista = iListan("petra", id).orElseThrow();
    assertThat(iPetrasLista.path("status").asText()).isEqualTo("NY");
    assertThat(iPetrasLista.path("berordPart").asText()).isEqualTo("AF");
    assertThat(iPetrasLista.path("typ").asText()).isEqualTo("PART_AVBOJDE");
    assertThat(iPetrasLista.path("rapporteradAv").asText()).isEqualTo("bengt");
    assertThat(iListan("bengt", id)).isPresent();
    assertThat(iListan("anna", id)).isEmpty();
    assertThat(api.get("anna", "/api/avvikelser/" + id).status()).isEqualTo(403);

    // Processledaren påbörjar bedömningen och får uppgiften.
    JsonNode bedom = vantaPaUppgift("petra", id, "bedom-avvikelse");
    assertThat(bedom.path("kandidatgrupper").toString()).contains("processledare");
    assertThat(api.post("bengt", "/api/avvikelser/" + id + "/paborja-bedomning", null).status())
        .isEqualTo(403);
    Svar paborjad = api.post("petra", "/api/avvikelser/" + id + "/paborja-bedomning", null);
    assertThat(paborjad.status()).isEqualTo(200);
    assertThat(paborjad.kropp().path("status").asText()).isEqualTo("UNDER_BEDOMNING");
    assertThat(uppgift("petra", id, "bedom-avvikelse").path("tilldelad").asText())
        .isEqualTo("petra");
    assertThat(api.post("petra", "/api/avvikelser/" + id + "/paborja-bedomning", null).status())
        .isEqualTo(409);

    JsonNode formular =
        api.get("petra", "/api/uppgifter/" + bedom.path("id").asText() + "/formular").kropp();
    assertThat(formular.path("schema").path("id").asText()).isEqualTo("bedom-avvikelse");
    assertThat(formular.path("data").path("avvikelsenummer").asText()).isEqualTo(nummer);
    assertThat(values(formular.path("data").path("representanter"))).contains("bengt", "anna");
    Svar falskUtredare =
        api.slutfor("petra", bedom, bedomning("PART_AVBOJDE", "AF", "HOG", "anna"));
    assertThat(falskUtredare.status()).isEqualTo(400);
    assertThat(falskUtredare.kropp().path("fel").path("utredare").asText())
        .contains("representerar den berörda parten");
    assertThat(
            api.slutfor("petra", bedom, bedomning("PART_AVBOJDE", "AF", "HOG", "bengt")).status())
        .isEqualTo(200);
    JsonNode bedomd = api.get("petra", "/api/avvikelser/" + id).kropp();
    assertThat(bedomd.path("status").asText()).isEqualTo("UNDER_ATGARD");
    assertThat(bedomd.path("utredare").asText()).isEqualTo("bengt");
    assertThat(bedomd.path("allvarlighet").asText()).isEqualTo("HOG");

    // Representanten (AF) analyserar och eskalerar.
    JsonNode atgarda = vantaPaUppgift("bengt", id, "atgarda-avvikelse");
    assertThat(atgarda.path("tilldelad").asText()).isEqualTo("bengt");
    assertThat(api.get("bengt", "/api/uppgifter?vy=mina").kropp().findValuesAsText("id"))
        .contains(atgarda.path("id").asText());
    Svar medPersonnummer =
        api.slutfor(
            "bengt",
            atgarda,
            Map.of(
                "analys",
                "Gäller 19121212-1212 som inte kom.",
                "atgard",
                "Ny rutin",
                "eskalera",
                true));
    assertThat(medPersonnummer.status()).isEqualTo(400);
    assertThat(medPersonnummer.kropp().path("fel").path("analys").asText())
        .isEqualTo("Analys: t" + AvvikelseService.PERSONNUMMER_FEL.substring(1));
    assertThat(
            api.slutfor(
                    "bengt",
                    atgarda,
                    Map.of(
                        "analys",
                        "Kallelsen nådde inte rätt enhet.",
                        "atgard",
                        "Funktionsbrevlåda för kallelser införs.",
                        "eskalera",
                        true))
                .status())
        .isEqualTo(200);
    assertThat(api.get("petra", "/api/avvikelser/" + id).kropp().path("status").asText())
        .isEqualTo("ESKALERAD");

    // Styrgruppens beslut, registrerat av processledaren, avslutar avvikelsen.
    JsonNode beslut = vantaPaUppgift("petra", id, "styrgruppsbeslut");
    assertThat(api.slutfor("bengt", beslut, Map.of("beslut", "Godkänt")).status()).isEqualTo(403);
    assertThat(
            api.slutfor(
                    "petra",
                    beslut,
                    Map.of("beslut", "Styrgruppen godkänner funktionsbrevlådan från januari."))
                .status())
        .isEqualTo(200);
    JsonNode avslutad = api.get("petra", "/api/avvikelser/" + id).kropp();
    assertThat(avslutad.path("status").asText()).isEqualTo("AVSLUTAD");
    assertThat(avslutad.path("statusText").asText()).isEqualTo("Avslutad");
    assertThat(avslutad.path("beslut").asText()).contains("funktionsbrevlådan");
    assertThat(avslutad.path("avslutad").isTextual()).isTrue();

    JsonNode aterkoppling = api.vantaPaMail(mailTill("bengt@af.example", "avvikelse " + nummer));
    assertThat(aterkoppling.path("amne").asText())
        .isEqualTo("Återkoppling på avvikelse " + nummer + ": avvikelsen är avslutad");
    assertThat(aterkoppling.path("text").asText())
        .contains("Styrgruppens beslut: Styrgruppen godkänner funktionsbrevlådan från januari.")
        .contains("/avvikelser/" + id);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                historik("petra", id)
                    .containsAll(
                        List.of(
                            "RAPPORTERAD",
                            "BEDOMNING",
                            "BEDOMD",
                            "ESKALERAD",
                            "AVSLUTAD",
                            "ATERKOPPLING")));
    assertThat(iListan("petra", id, "?status=OPPNA")).isEmpty();
    assertThat(iListan("petra", id, "?status=AVSLUTAD")).isPresent();
  }

  @Test
  void utanEskaleringAvslutarRepresentantenAvvikelsen() {
    String id =
        rapportera(
            "cecilia",
            Map.of(
                "typ", "FEL_PERSON_KALLAD",
                "beskrivning", "Fel handläggare kallades från Arbetsförmedlingen.",
                "berordPart", "AF"));
    slutfor("petra", id, "bedom-avvikelse", bedomning("FEL_PERSON_KALLAD", "AF", "LAG", "bengt"));
    slutfor(
        "bengt",
        id,
        "atgarda-avvikelse",
        Map.of("analys", "Gammal kontaktlista.", "atgard", "Listan är uppdaterad."));
    JsonNode avvikelse = api.get("cecilia", "/api/avvikelser/" + id).kropp();
    assertThat(avvikelse.path("status").asText()).isEqualTo("AVSLUTAD");
    assertThat(avvikelse.path("eskalerad").asBoolean()).isFalse();
    api.vantaPaMail(
        mailTill("cecilia@uppsala.example", "avvikelse " + avvikelse.path("nummer").asText()));
  }

  // ---------------------------------------------------------------- inga personuppgifter

  @Test
  void enBeskrivningMedPersonnummerGer400OchSparasInte() {
    int fore = antalAvvikelser();
    for (String text :
        List.of(
            "Gäller 19121212-1212 som inte kallades.",
            "Gäller 121212-1212.",
            "Personnummer 191212121212 stod i kallelsen.",
            "Samordningsnummer 701063-2391 i kallelsen.")) {
      Svar svar =
          api.post(
              "bengt",
              "/api/avvikelser",
              Map.of("typ", "ANNAT", "beskrivning", text, "berordPart", "AF"));
      assertThat(svar.status()).as(text).isEqualTo(400);
      assertThat(svar.kropp().path("fel").path("beskrivning").asText())
          .as(text)
          .isEqualTo(AvvikelseService.PERSONNUMMER_FEL)
          .contains("personnummer");
    }
    assertThat(antalAvvikelser()).isEqualTo(fore);

    String id =
        rapportera(
            "bengt",
            Map.of(
                "typ",
                "ANNAT",
                "beskrivning",
                "Mötet 2026-11-20 kl. 10, diarienummer 19121212-1213 och tel 018-123456.",
                "berordPart",
                "AF"));
    assertThat(api.get("bengt", "/api/avvikelser/" + id).kropp().path("beskrivning").asText())
        .contains("19121212-1213");
  }

  @Test
  void processledarenSerArendetsNummerMenAldrigPersonen() {
    String arendeId = nyttArende("anna");
    String arendenummer = api.arende("anna", arendeId).path("arendenummer").asText();
    Svar svar =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of(
                "typ",
                "ATERKOPPLING_SAKNAS",
                "beskrivning",
                "Ingen återkoppling efter beredningen.",
                "arendeId",
                arendeId));
    assertThat(svar.status()).isEqualTo(201);
    String id = svar.kropp().path("id").asText();

    JsonNode forPetra = api.get("petra", "/api/avvikelser/" + id).kropp();
    assertThat(forPetra.path("arendeId").asText()).isEqualTo(arendeId);
    assertThat(forPetra.path("arendenummer").asText()).isEqualTo(arendenummer);
    assertThat(forPetra.path("berordPart").asText())
        .as("utan berörd part gäller den det aktualiserande partens")
        .isEqualTo("FK");
    assertThat(forPetra.toString())
        .doesNotContain("19121212")
        .doesNotContain("121212-1212")
        .doesNotContain("Lång sjukskrivning");
    assertThat(
            jdbc.sql(
                    "select count(*) from granskningslogg where arende_id = ?::uuid and anvandare_id = 'petra'")
                .param(arendeId)
                .query(Integer.class)
                .single())
        .isZero();

    Svar insatsMedArende =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of(
                "typ",
                "VAKANS",
                "beskrivning",
                "Vakant tjänst.",
                "berordPart",
                "FK",
                "insats",
                "flerpartssamverkan",
                "arendeId",
                arendeId));
    assertThat(insatsMedArende.status()).isEqualTo(400);
    assertThat(insatsMedArende.kropp().path("fel").path("arendeId").asText()).contains("insats");
    Svar annansArende =
        api.post(
            "petra",
            "/api/avvikelser",
            Map.of("typ", "ANNAT", "beskrivning", "x", "arendeId", UUID.randomUUID().toString()));
    assertThat(annansArende.kropp().path("fel").path("arendeId").asText())
        .isEqualTo("Ärendet finns inte eller så har du inte behörighet till det");
  }

  // ---------------------------------------------------------------- validering

  @Test
  void ogiltigaUppgifterGerSvenskaFelPerFaltOchSparasInte() {
    int fore = antalAvvikelser();
    Svar tomt = api.post("anna", "/api/avvikelser", Map.of());
    assertThat(tomt.status()).isEqualTo(400);
    assertThat(tomt.kropp().path("fel").path("typ").asText()).isEqualTo("Välj typ av avvikelse");
    assertThat(tomt.kropp().path("fel").path("beskrivning").asText())
        .isEqualTo("Beskriv avvikelsen");
    assertThat(tomt.kropp().path("fel").path("berordPart").asText())
        .isEqualTo("Välj vilken part avvikelsen gäller");

    Svar okanda =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of("typ", "FINNS_INTE", "beskrivning", "x", "berordPart", "NASA"));
    assertThat(okanda.kropp().path("fel").path("typ").asText()).contains("finns inte");
    assertThat(okanda.kropp().path("fel").path("berordPart").asText())
        .isEqualTo("Okänd part: NASA");

    Svar budgetUtanBelopp =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of("typ", "BUDGET", "beskrivning", "Outnyttjade medel.", "berordPart", "FK"));
    assertThat(budgetUtanBelopp.kropp().path("fel").path("insats").asText())
        .isEqualTo("Välj vilken insats avvikelsen gäller");
    assertThat(budgetUtanBelopp.kropp().path("fel").path("beloppTkr").asText())
        .isEqualTo("Ange beloppet i tkr");
    Svar beloppPaFelTyp =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of(
                "typ",
                "VAKANS",
                "beskrivning",
                "Vakans.",
                "berordPart",
                "FK",
                "insats",
                "flerpartssamverkan",
                "beloppTkr",
                10));
    assertThat(beloppPaFelTyp.kropp().path("fel").path("beloppTkr").asText())
        .isEqualTo("Belopp anges bara för budgetavvikelser");
    assertThat(antalAvvikelser()).isEqualTo(fore);

    Svar budget =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of(
                "typ", "BUDGET",
                "beskrivning", "Outnyttjade medel förs över till nästa år.",
                "berordPart", "KOMMUN-UPPSALA",
                "insats", "flerpartssamverkan",
                "beloppTkr", 250.5));
    assertThat(budget.status()).isEqualTo(201);
    JsonNode sparad =
        api.get("anna", "/api/avvikelser/" + budget.kropp().path("id").asText()).kropp();
    assertThat(sparad.path("kategori").asText()).isEqualTo("INSATS");
    assertThat(sparad.path("insats").asText()).isEqualTo("flerpartssamverkan");
    assertThat(sparad.path("beloppTkr").decimalValue()).isEqualByComparingTo("250.5");
  }

  // ---------------------------------------------------------------- automatiskt

  @Test
  void enProcessSomRegistrerarSamtyckeEjInhamtatGerEnAutomatiskAvvikelseIListan() {
    String arendeId = nyttArende("anna");
    camunda
        .newDeployResourceCommand()
        .addResourceFromClasspath("test-processes/samtycke-ej-inhamtat.bpmn")
        .send()
        .join();
    camunda
        .newCreateInstanceCommand()
        .bpmnProcessId("test-samtycke-ej-inhamtat")
        .latestVersion()
        .variables(Map.of("arendeId", arendeId))
        .send()
        .join();

    JsonNode automatisk =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    stream(api.get("petra", "/api/avvikelser").kropp())
                        .filter(a -> arendeId.equals(a.path("arendeId").asText()))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(automatisk.path("typ").asText()).isEqualTo("SAMTYCKE_EJ_INHAMTAT");
    assertThat(automatisk.path("typNamn").asText())
        .isEqualTo("Samtycke saknas eller ej inhämtat i tid");
    assertThat(automatisk.path("berordPart").asText()).isEqualTo("FK");
    assertThat(automatisk.path("kalla").asText()).isEqualTo("SYSTEM");
    assertThat(automatisk.has("rapporteradAv")).isFalse();
    assertThat(automatisk.path("rapporteradAvNamn").asText()).isEqualTo("Flerpart (automatiskt)");
    assertThat(automatisk.path("beskrivning").asText())
        .isEqualTo("Samtycke registrerades inte inom fristen.");
    assertThat(automatisk.path("status").asText()).isEqualTo("NY");
    vantaPaUppgift("petra", automatisk.path("id").asText(), "bedom-avvikelse");
  }

  @Test
  void enAutomatiskRegistreringAvSammaJobbSkaparBaraEnAvvikelse() {
    String arendeId = nyttArende("bengt");
    String nyckel = "jobb:test-" + UUID.randomUUID();
    Avvikelse forsta =
        avvikelser.registreraAutomatiskt(
            "PART_UTEBLEV", arendeId, null, "Kallad part 19121212-1212 uteblev.", nyckel);
    Avvikelse igen =
        avvikelser.registreraAutomatiskt(
            "PART_UTEBLEV", arendeId, null, "Kallad part 19121212-1212 uteblev.", nyckel);

    assertThat(igen.id()).isEqualTo(forsta.id());
    assertThat(
            jdbc.sql("select count(*) from avvikelse where idempotensnyckel = ?")
                .param(nyckel)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(forsta.berordPart()).isEqualTo("AF");
    assertThat(forsta.beskrivning()).isEqualTo("Kallad part [personnummer borttaget] uteblev.");
    // The process starts after the registration has committed, from the event publication: one
    // assessment task for the deviation, however often it was registered.
    vantaPaUppgift("petra", forsta.id().toString(), "bedom-avvikelse");
    assertThat(
            stream(api.get("petra", "/api/avvikelser/" + forsta.id()).kropp().path("uppgifter"))
                .filter(u -> "bedom-avvikelse".equals(u.path("elementId").asText())))
        .hasSize(1);
    Avvikelse annanPart =
        avvikelser.registreraAutomatiskt(
            "PART_UTEBLEV", arendeId, "REGION", null, "jobb:test-" + UUID.randomUUID());
    assertThat(annanPart.berordPart()).isEqualTo("REGION");
    assertThat(annanPart.beskrivning())
        .isEqualTo("En part som behövdes vid flerpartsmötet uteblev.");
  }

  @Test
  void enOrordAvvikelsePaminnerProcessledarenEnGangPerPaminnelse() {
    String id =
        rapportera(
            "david",
            Map.of(
                "typ", "SEKRETESSHINDER",
                "beskrivning", "Journalkopia kunde inte skickas till Försäkringskassan.",
                "berordPart", "REGION"));
    String nummer = api.get("david", "/api/avvikelser/" + id).kropp().path("nummer").asText();
    String nyckel = "test-" + UUID.randomUUID();

    // What the job skicka-avvikelsepaminnelse does when the 30-day timer fires (the timer itself
    // is covered by AvvikelseProcessTest); a job delivered twice reminds once.
    avvikelser.paminn(UUID.fromString(id), nyckel);
    avvikelser.paminn(UUID.fromString(id), nyckel);

    JsonNode paminnelse =
        api.vantaPaMail(
            mailTill("petra@forbund.example", "Påminnelse: avvikelse " + nummer + " väntar"));
    assertThat(paminnelse.path("text").asText())
        .contains("har inte hanterats på 30 dagar")
        .contains("Avvikelsen väntar på processledarens bedömning.")
        .contains("/avvikelser/" + id);
    assertThat(historik("petra", id).stream().filter("PAMINNELSE"::equals)).hasSize(1);
  }

  // ---------------------------------------------------------------- listan, exporten, typerna

  @Test
  void listanFiltrerasPaStatusPartOchTypOchExporterasTillExcel() throws Exception {
    String af =
        rapportera(
            "anna",
            Map.of("typ", "BEMOTANDE", "beskrivning", "Otrevligt bemötande.", "berordPart", "AF"));
    String region =
        rapportera(
            "anna", Map.of("typ", "ANNAT", "beskrivning", "Annat hände.", "berordPart", "REGION"));

    assertThat(iListan("petra", af, "?part=AF")).isPresent();
    assertThat(iListan("petra", region, "?part=AF")).isEmpty();
    assertThat(iListan("petra", af, "?typ=BEMOTANDE&status=NY")).isPresent();
    assertThat(iListan("petra", af, "?typ=ANNAT")).isEmpty();
    assertThat(iListan("petra", af, "?status=AVSLUTAD")).isEmpty();
    assertThat(api.get("petra", "/api/avvikelser?status=KLAR").status()).isEqualTo(400);
    List<String> skapade =
        stream(api.get("petra", "/api/avvikelser").kropp())
            .map(a -> a.path("skapad").asText())
            .toList();
    assertThat(skapade).isSortedAccordingTo(Comparator.comparing(Instant::parse));

    for (String sokvag :
        List.of("/api/avvikelser?format=xlsx&part=AF", "/avvikelser/export.xlsx?part=AF")) {
      byte[] xlsx =
          http.get()
              .uri(sokvag)
              .header(HttpHeaders.AUTHORIZATION, basic("petra"))
              .retrieve()
              .body(byte[].class);
      List<List<String>> rader = excel(xlsx);
      assertThat(rader.get(0)).startsWith("Nummer", "Typ", "Kategori", "Berörd part", "Status");
      String nummer = api.get("anna", "/api/avvikelser/" + af).kropp().path("nummer").asText();
      assertThat(rader).anyMatch(r -> r.get(0).equals(nummer) && r.contains("Bemötande vid möte"));
      assertThat(rader.stream().skip(1).map(r -> r.get(3)).collect(Collectors.toSet()))
          .containsOnly("Arbetsförmedlingen");
    }
  }

  @Test
  void typernaArDataSomAdministratorenAndrarMenAldrigTarBortNarDeAnvands() {
    Map<String, String> kategori =
        stream(api.get("anna", "/api/avvikelser/typer").kropp())
            .collect(
                Collectors.toMap(t -> t.path("kod").asText(), t -> t.path("kategori").asText()));
    assertThat(kategori)
        .containsAllEntriesOf(
            Map.ofEntries(
                Map.entry("KALLELSE_UTAN_SYFTE", "ARENDE"),
                Map.entry("FEL_PERSON_KALLAD", "ARENDE"),
                Map.entry("PART_UTEBLEV", "ARENDE"),
                Map.entry("PART_AVBOJDE", "ARENDE"),
                Map.entry("ATERKOPPLING_SAKNAS", "ARENDE"),
                Map.entry("SAMTYCKE_EJ_INHAMTAT", "ARENDE"),
                Map.entry("TIDSFRIST_OVERSKRIDEN", "ARENDE"),
                Map.entry("ATGARD_EJ_UTFORD", "ARENDE"),
                Map.entry("SEKRETESSHINDER", "ARENDE"),
                Map.entry("BEMOTANDE", "ARENDE"),
                Map.entry("ANNAT", "ARENDE"),
                Map.entry("BUDGET", "INSATS"),
                Map.entry("MAL_EJ_I_FAS", "INSATS"),
                Map.entry("MALGRUPP", "INSATS"),
                Map.entry("VAKANS", "INSATS"),
                Map.entry("FORLANGNING", "INSATS")));

    String kod = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    Map<String, Object> ny = Map.of("kod", kod, "namn", "Kallelse för sent", "kategori", "ARENDE");
    assertThat(api.post("petra", "/api/avvikelser/typer", ny).status()).isEqualTo(403);
    assertThat(api.post("admin", "/api/avvikelser/typer", Map.of("kod", "fel kod")).status())
        .isEqualTo(400);
    Svar skapad = api.post("admin", "/api/avvikelser/typer", ny);
    assertThat(skapad.status()).isEqualTo(201);
    assertThat(skapad.kropp().path("aktiv").asBoolean()).isTrue();
    assertThat(api.post("admin", "/api/avvikelser/typer", ny).status()).isEqualTo(409);

    assertThat(
            skicka(
                HttpMethod.PUT,
                "admin",
                "/api/avvikelser/typer/" + kod,
                Map.of("namn", "Kallelse kom för sent")))
        .isEqualTo(200);
    String id =
        rapportera(
            "anna",
            Map.of("typ", kod, "beskrivning", "Kallelsen kom dagen före.", "berordPart", "REGION"));
    assertThat(api.get("anna", "/api/avvikelser/" + id).kropp().path("typNamn").asText())
        .isEqualTo("Kallelse kom för sent");

    assertThat(skicka(HttpMethod.DELETE, "admin", "/api/avvikelser/typer/" + kod, null))
        .isEqualTo(409);
    assertThat(skicka(HttpMethod.DELETE, "admin", "/api/avvikelser/typer/PART_UTEBLEV", null))
        .isEqualTo(409);
    assertThat(
            skicka(HttpMethod.PUT, "admin", "/api/avvikelser/typer/" + kod, Map.of("aktiv", false)))
        .isEqualTo(200);
    Svar pensionerad =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of("typ", kod, "beskrivning", "Igen.", "berordPart", "REGION"));
    assertThat(pensionerad.status()).isEqualTo(400);
    assertThat(pensionerad.kropp().path("fel").path("typ").asText())
        .contains("används inte längre");
    assertThat(api.get("anna", "/api/avvikelser/" + id).kropp().path("typNamn").asText())
        .isEqualTo("Kallelse kom för sent");

    String oanvand = kod + "_B";
    api.post(
        "admin",
        "/api/avvikelser/typer",
        Map.of("kod", oanvand, "namn", "Oanvänd", "kategori", "INSATS"));
    assertThat(skicka(HttpMethod.DELETE, "petra", "/api/avvikelser/typer/" + oanvand, null))
        .isEqualTo(403);
    assertThat(skicka(HttpMethod.DELETE, "admin", "/api/avvikelser/typer/" + oanvand, null))
        .isEqualTo(204);
    assertThat(
            stream(api.get("anna", "/api/avvikelser/typer").kropp())
                .map(t -> t.path("kod").asText()))
        .contains(kod)
        .doesNotContain(oanvand);
  }

  // ---------------------------------------------------------------- sidorna

  @Test
  void webbformularetRapporterarOchVisarFelMedFelsammanfattning() {
    String arendeId = nyttArende("anna");
    String arendenummer = api.arende("anna", arendeId).path("arendenummer").asText();
    String ny = sida("anna", "/avvikelser/ny?arendeId=" + arendeId);
    assertThat(ny).contains("Rapportera avvikelse").contains(arendenummer);
    assertThat(ny).contains("<option value=\"FK\" selected=\"selected\">");

    Sidklient anna = Sidklient.inloggad(port, "anna");
    anna.get("/avvikelser/ny?arendeId=" + arendeId);
    Map<String, String> form = new java.util.HashMap<>();
    form.put("typ", "ANNAT");
    form.put("berordPart", "FK");
    form.put("arendeId", arendeId);
    form.put("beskrivning", "Se 121212-1212.");
    Sidklient.Sida felsvar = anna.post("/avvikelser", form);
    assertThat(felsvar.status()).isEqualTo(200);
    assertThat(felsvar.html())
        .contains("role=\"alert\"")
        .contains("Avvikelsen är inte rapporterad")
        .contains("ser ut att innehålla ett personnummer")
        .containsPattern("<a href=\"#beskrivning\">Beskrivning: [^<]*personnummer");

    form.put("beskrivning", "Kallelsen saknade syfte.");
    Sidklient.Sida ok = anna.post("/avvikelser", form);
    assertThat(ok.status()).isEqualTo(302);
    String plats = URI.create(ok.plats()).getPath();
    assertThat(plats).startsWith("/avvikelser/");
    String id = plats.substring("/avvikelser/".length());
    JsonNode sparad = api.get("anna", "/api/avvikelser/" + id).kropp();
    assertThat(sparad.path("kalla").asText()).isEqualTo("WEBB");
    assertThat(sparad.path("arendenummer").asText()).isEqualTo(arendenummer);

    String visa = sida("anna", "/avvikelser/" + id);
    assertThat(visa).contains(sparad.path("nummer").asText()).contains("Kallelsen saknade syfte.");
    String lista = sida("petra", "/avvikelser?status=ALLA");
    assertThat(lista)
        .contains(sparad.path("nummer").asText())
        .contains("Öppna avvikelser")
        .contains("avvikelsetrend");
    assertThat(sida("anna", "/avvikelser")).doesNotContain("avvikelsetrend");
    assertThat(sida("admin", "/admin/avvikelsetyper")).contains("SAMTYCKE_EJ_INHAMTAT");
    int forPetra =
        http.get()
            .uri("/admin/avvikelsetyper")
            .header(HttpHeaders.AUTHORIZATION, basic("petra"))
            .exchange((req, res) -> res.getStatusCode().value());
    assertThat(forPetra).isEqualTo(403);
  }

  // ---------------------------------------------------------------- månadsrapporten

  @Test
  void avvikelserapportenKommerMedRattSiffrorPerPartOchTyp() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    String part = "TEST-" + suffix;
    String partNamn = "Testpart " + suffix;
    parter.spara(new PartRepository.Part(part, partNamn));
    String utredare = "utredare-" + suffix.toLowerCase(Locale.ROOT);
    anvandare.spara(
        new Anvandare(
            utredare,
            "Utredare " + suffix,
            utredare + "@test.example",
            part,
            Set.of(Anvandare.HANDLAGGARE),
            Set.of()),
        encoder.encode("demo"));

    String avslutad = rapportera("bengt", uteblev(part));
    String oppen = rapportera("bengt", uteblev(part));
    String gammal = rapportera("bengt", uteblev(part));
    rapportera(
        "bengt",
        Map.of("typ", "BEMOTANDE", "beskrivning", "Bemötandet vid mötet.", "berordPart", part));
    slutfor("petra", avslutad, "bedom-avvikelse", bedomning("PART_UTEBLEV", part, "LAG", utredare));
    slutfor(
        utredare,
        avslutad,
        "atgarda-avvikelse",
        Map.of("analys", "Missförstånd.", "atgard", "Rutinen förtydligad."));
    assertThat(api.get("petra", "/api/avvikelser/" + oppen).kropp().path("status").asText())
        .isEqualTo("NY");
    // The application's clock follows the embedded engine's, which other tests move forward.
    Instant fyrtiofemDagarSedan = klocka.instant().minus(45, ChronoUnit.DAYS);
    jdbc.sql("update avvikelse set skapad = ?, senast_hanterad = ? where id = ?::uuid")
        .params(Timestamp.from(fyrtiofemDagarSedan), Timestamp.from(fyrtiofemDagarSedan), gammal)
        .update();

    assertThat(api.post("bengt", "/api/avvikelser/rapport", null).status()).isEqualTo(403);
    Svar begard = api.post("petra", "/api/avvikelser/rapport", null);
    assertThat(begard.status()).isEqualTo(202);

    String text =
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    stream(api.get("admin", "/api/dev/mail").kropp())
                        .filter(mailTill("petra@forbund.example", "Avvikelserapport"))
                        .flatMap(m -> stream(m.path("bilagor")))
                        .filter(b -> b.path("typ").asText().equals("application/pdf"))
                        .map(b -> pdfText(b.path("innehall").asText()))
                        .filter(t -> t.contains(partNamn))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    // The part by its name, never its code.
    assertThat(text).doesNotContain("(" + part + ")");
    String del = text.substring(text.indexOf(partNamn));
    int slut = del.indexOf("Summa");
    String avsnitt = del.substring(0, del.indexOf('\n', slut));
    String gammalDatum =
        LocalDate.ofInstant(fyrtiofemDagarSedan, AvvikelseService.SVERIGE).toString();
    String idag = LocalDate.now(klocka.withZone(AvvikelseService.SVERIGE)).toString();
    assertThat(avsnitt)
        .contains("Part uteblev 2 1 2 " + gammalDatum + " (45 dagar)")
        .contains("Bemötande vid möte 1 0 1 " + idag + " (0 dagar)")
        .contains("Summa 3 1 3 " + gammalDatum + " (45 dagar)");

    JsonNode mail =
        stream(api.get("admin", "/api/dev/mail").kropp())
            .filter(mailTill("bengt@af.example", "Avvikelserapport"))
            .findFirst()
            .orElseThrow();
    assertThat(mail.path("text").asText()).contains("bifogade PDF-filen");
  }

  // ---------------------------------------------------------------- hjälpmetoder

  private static Map<String, Object> uteblev(String part) {
    return Map.of(
        "typ", "PART_UTEBLEV", "beskrivning", "En kallad part uteblev.", "berordPart", part);
  }

  private static Map<String, Object> bedomning(
      String typ, String part, String allvarlighet, String utredare) {
    Map<String, Object> data = new HashMap<>();
    data.put("typ", typ);
    data.put("berordPart", part);
    data.put("allvarlighet", allvarlighet);
    data.put("utredare", utredare);
    data.put("bedomning", "Bedömd.");
    return data;
  }

  private String rapportera(String anvandare, Map<String, Object> avvikelse) {
    Svar svar = api.post(anvandare, "/api/avvikelser", avvikelse);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    return svar.kropp().path("id").asText();
  }

  private String nyttArende(String anvandare) {
    return api.aktualisera(
        anvandare,
        Map.of(
            "personnummer", "19121212-1212",
            "insats", "flerpartssamverkan",
            "skal", "Lång sjukskrivning, behöver stöd från flera parter",
            "behov", List.of("FK", "AF")));
  }

  private Optional<JsonNode> iListan(String anvandare, String id) {
    return iListan(anvandare, id, "");
  }

  private Optional<JsonNode> iListan(String anvandare, String id, String fraga) {
    return stream(api.get(anvandare, "/api/avvikelser" + fraga).kropp())
        .filter(a -> id.equals(a.path("id").asText()))
        .findFirst();
  }

  private JsonNode uppgift(String anvandare, String id, String elementId) {
    return stream(api.get(anvandare, "/api/avvikelser/" + id).kropp().path("uppgifter"))
        .filter(u -> elementId.equals(u.path("elementId").asText()))
        .findFirst()
        .orElseThrow();
  }

  /** Waits until the deviation has an open task with that element id that the user may see. */
  private JsonNode vantaPaUppgift(String anvandare, String id, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(150))
        .until(
            () ->
                stream(api.get(anvandare, "/api/avvikelser/" + id).kropp().path("uppgifter"))
                    .filter(u -> elementId.equals(u.path("elementId").asText()))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private void slutfor(String anvandare, String id, String elementId, Map<String, Object> data) {
    Svar svar = api.slutfor(anvandare, vantaPaUppgift(anvandare, id, elementId), data);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
  }

  private List<String> historik(String anvandare, String id) {
    return stream(api.get(anvandare, "/api/avvikelser/" + id).kropp().path("historik"))
        .map(h -> h.path("typ").asText())
        .toList();
  }

  private static List<String> values(JsonNode alternativ) {
    return stream(alternativ).map(a -> a.path("value").asText()).toList();
  }

  private int antalAvvikelser() {
    return jdbc.sql("select count(*) from avvikelse").query(Integer.class).single();
  }

  private static String basic(String anvandare) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private int skicka(HttpMethod metod, String anvandare, String sokvag, Object kropp) {
    var spec =
        http.method(metod)
            .uri(sokvag)
            .header(HttpHeaders.AUTHORIZATION, basic(anvandare))
            .accept(MediaType.APPLICATION_JSON);
    if (kropp != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(kropp);
    }
    return spec.exchange((req, res) -> res.getStatusCode().value());
  }

  private String sida(String anvandare, String sokvag) {
    return http.get()
        .uri(sokvag)
        .header(HttpHeaders.AUTHORIZATION, basic(anvandare))
        .accept(MediaType.TEXT_HTML)
        .retrieve()
        .body(String.class);
  }

  private static List<List<String>> excel(byte[] xlsx) throws Exception {
    try (ReadableWorkbook bok = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      try (var rader = bok.getFirstSheet().openStream()) {
        return rader
            .map(
                (Row r) -> {
                  List<String> celler = new ArrayList<>();
                  for (int i = 0; i < r.getCellCount(); i++) {
                    celler.add(r.getCellText(i));
                  }
                  return celler;
                })
            .toList();
      }
    }
  }

  private static String pdfText(String base64) {
    try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(pdf);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
