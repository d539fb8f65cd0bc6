package se.flerpart.handelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.flerpart.handelse.KafkaProv.alltText;
import static se.flerpart.handelse.KafkaProv.header;
import static se.flerpart.handelse.KafkaProv.post;
import static se.flerpart.handelse.KafkaProv.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeHandelse;

/**
 * Kafka in and out on the whole application and the embedded stack's in-process KRaft broker,
 * talked to with plain Kafka clients as another organisation's system would.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
@ExtendWith(OutputCaptureExtension.class)
class KafkaHandelserTest {

  static final String PERSONNUMMER = "19121212-1212";
  static final String FEL_PERSONNUMMER = "19121212-1213";
  static final String SKAL = "Hemlig fritext om hälsan 4711";

  /**
   * Unknown to flerpart.handelse.kallor: the demo profile lets it refer for the referrer's part.
   */
  static final String OKAND_KALLA = "urn:flerpart:test:verksamhetssystem";

  /** Mapped to AF in the tests' application.properties. */
  static final String AF_KALLA = "urn:flerpart:test:af";

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaktion;
  @Autowired ApplicationEventPublisher handelser;
  @Autowired KafkaTemplate<String, byte[]> mall;

  final ObjectMapper json = new ObjectMapper();
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  // ---- out ----

  @Test
  void enAktualiseringGarUtSomCloudEventUtanPersonuppgifter() throws Exception {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                PERSONNUMMER,
                "insats",
                "flerpartssamverkan",
                "skal",
                SKAL,
                "behov",
                List.of("FK", "AF")));

    ConsumerRecord<String, byte[]> post =
        KafkaProv.vantaPa(brokers, Amnen.ARENDE_HANDELSER, r -> id.equals(r.key()));
    assertThat(header(post, "content-type")).startsWith("application/cloudevents+json");
    JsonNode event = json.readTree(post.value());
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(event.path("type").asText()).isEqualTo("se.flerpart.arende.aktualiserat");
    assertThat(event.path("subject").asText()).isEqualTo(id);
    assertThat(event.path("source").asText()).isEqualTo("urn:flerpart:flerpart");
    assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
    Instant tid = Instant.parse(event.path("time").asText());
    assertThat(event.path("id").asText())
        .isEqualTo(CloudEventUtgivare.id("arende.aktualiserat", id, tid));

    JsonNode data = event.path("data");
    assertThat(data.path("arendeId").asText()).isEqualTo(id);
    assertThat(data.path("arendenummer").asText())
        .isEqualTo(api.arende("anna", id).path("arendenummer").asText());
    assertThat(Instant.parse(data.path("tidpunkt").asText())).isEqualTo(tid);
    assertThat(data.path("insats").asText()).isEqualTo("flerpartssamverkan");
    assertThat(data.path("aktualiserandePart").asText()).isEqualTo("FK");
    assertThat(ApiKlient.stream(data.path("behov")).map(JsonNode::asText))
        .containsExactly("FK", "AF");
    assertThat(data.path("bradskande").asBoolean(true)).isFalse();

    assertThat(alltText(post))
        .doesNotContain("19121212", "121212-1212", "191212121212")
        .doesNotContain("Anna", "Lind", "anna@fk.example")
        .doesNotContain(SKAL);
    // The publication is deleted once sent: no copy of the event lingers in the registry.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> KafkaProv.publiceringar(jdbc, id.toString()) == 0);
  }

  /** A case event of the test's own: only the Kafka publication listens to every one. */
  record ProvHandelse(UUID arendeId, String arendenummer, Instant tidpunkt, int sekvens)
      implements ArendeHandelse {
    @Override
    public String typ() {
      return "prov.handelse";
    }
  }

  @Test
  void enHandelseVantarIntePaForegaendesKvittoOchEttArendesHandelserKommerIOrdning()
      throws Exception {
    UUID arende = UUID.randomUUID();
    Instant borjan = Instant.parse("2026-03-02T09:00:00Z");
    double poster = KafkaProv.producentensRaknare(mall, "record-send-total");
    double forfragningar = KafkaProv.producentensRaknare(mall, "request-total");
    int antal = 60;
    transaktion.executeWithoutResult(
        s -> {
          for (int i = 0; i < antal; i++) {
            handelser.publishEvent(new ProvHandelse(arende, "2026-9999", borjan.plusSeconds(i), i));
          }
        });

    List<Integer> sekvenser =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () ->
                    KafkaProv.allaPa(brokers, Amnen.ARENDE_HANDELSER).stream()
                        .filter(r -> arende.toString().equals(r.key()))
                        .map(this::sekvens)
                        .toList(),
                l -> l.size() >= antal);
    // One case's events keep their partition's order, and each went out once.
    assertThat(sekvenser).isEqualTo(IntStream.range(0, antal).boxed().toList());
    // Each publication is completed once its record is acknowledged.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> KafkaProv.publiceringar(jdbc, arende.toString()) == 0);
    // The sending thread did not wait for each acknowledgement: the producer sent the records that
    // waited together. Waiting for each gives one record a request (and metadata requests besides).
    double perForfragan =
        (KafkaProv.producentensRaknare(mall, "record-send-total") - poster)
            / (KafkaProv.producentensRaknare(mall, "request-total") - forfragningar);
    assertThat(perForfragan).as("poster per förfrågan").isGreaterThan(2.0);
  }

  @Test
  void ettKvittoSomInteKommerITidGerEttMisslyckatSvarSaAttPubliceringenVantarKvar() {
    // No time at all for the acknowledgement: the producer lingers 5 ms before it even sends.
    CloudEventUtgivare otalig =
        new CloudEventUtgivare(
            mall,
            new HandelseEgenskaper(
                URI.create("urn:flerpart:test"), Map.of(), false, Duration.ZERO, 3),
            json);
    String arende = UUID.randomUUID().toString();

    var svar =
        otalig.skicka(
            Amnen.ARENDE_HANDELSER,
            arende,
            "prov.handelse",
            arende,
            Instant.parse("2026-03-02T09:00:00Z"),
            Map.of("arendeId", arende));

    // A failed answer is what leaves a publication incomplete for the resubmission (KafkaNereTest).
    assertThatThrownBy(() -> svar.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Kafka tog inte emot prov.handelse för "
                + arende
                + " på "
                + Amnen.ARENDE_HANDELSER
                + "; försöks igen senare")
        .cause()
        .isInstanceOf(TimeoutException.class);
  }

  private int sekvens(ConsumerRecord<String, byte[]> post) {
    try {
      return json.readTree(post.value()).path("data").path("sekvens").asInt(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- in ----

  @Test
  void strukturerBinarOchVanligJsonGerEttArendeVarIAnnasUppgifter() throws Exception {
    String strukturerad = UUID.randomUUID().toString();
    KafkaProv.skicka(
        brokers,
        post(
            Amnen.AKTUALISERINGAR,
            "nyckel-" + strukturerad,
            json.writeValueAsString(
                Map.of(
                    "specversion",
                    "1.0",
                    "id",
                    strukturerad,
                    "source",
                    OKAND_KALLA,
                    "type",
                    "se.flerpart.aktualisering",
                    "datacontenttype",
                    "application/json",
                    "data",
                    data("anna@fk.example"))),
            Map.of("content-type", "application/cloudevents+json; charset=UTF-8")));

    String binar = UUID.randomUUID().toString();
    KafkaProv.skicka(
        brokers,
        post(
            Amnen.AKTUALISERINGAR,
            "nyckel-" + binar,
            json.writeValueAsString(data("anna")),
            Map.of(
                "ce_specversion", "1.0",
                "ce_id", binar,
                "ce_source", OKAND_KALLA,
                "ce_type", "se.flerpart.aktualisering",
                "content-type", "application/json")));

    String vanlig = UUID.randomUUID().toString();
    KafkaProv.skicka(
        brokers,
        post(Amnen.AKTUALISERINGAR, "nyckel-" + vanlig, vanligJson(vanlig, "anna"), Map.of()));

    for (String[] meddelande :
        List.of(
            new String[] {OKAND_KALLA, strukturerad},
            new String[] {OKAND_KALLA, binar},
            new String[] {"", vanlig})) {
      String arende = vantaPaArende(meddelande[0], meddelande[1]);
      JsonNode uppgift = api.vantaPaUppgift("anna", "mina", arende, "inhamta-samtycke");
      assertThat(uppgift.path("tilldelad").asText()).isEqualTo("anna");
      JsonNode vy = api.arende("anna", arende);
      assertThat(vy.path("aktualiseradAv").asText()).isEqualTo("anna");
      assertThat(vy.path("aktualiserandePart").asText()).isEqualTo("FK");
      assertThat(vy.path("personnummer").asText()).isEqualTo(PERSONNUMMER);
      assertThat(vy.path("insats").asText()).isEqualTo("flerpartssamverkan");
      assertThat(vy.path("individ").path("namn").asText()).isEqualTo(INDIVIDNAMN);
      assertThat(vy.path("individ").path("godMan").path("namn").asText())
          .isEqualTo("Gode Kafkasson");
    }
  }

  @Test
  void enKallaMedPartTarBaraEmotDenPartensHandlaggare() throws Exception {
    String id = UUID.randomUUID().toString();
    KafkaProv.skicka(
        brokers,
        post(
            Amnen.AKTUALISERINGAR,
            "af-" + id,
            json.writeValueAsString(data("bengt@af.example")),
            Map.of(
                "ce_specversion", "1.0",
                "ce_id", id,
                "ce_source", AF_KALLA,
                "ce_type", "se.flerpart.aktualisering",
                "content-type", "application/json")));
    String arende = vantaPaArende(AF_KALLA, id);
    api.vantaPaUppgift("bengt", "mina", arende, "inhamta-samtycke");
    assertThat(api.arende("bengt", arende).path("aktualiserandePart").asText()).isEqualTo("AF");
  }

  @Test
  void sammaMeddelandeTvaGangerGerEttArende() throws Exception {
    int fore = antalArenden();
    String id = UUID.randomUUID().toString();
    String nyckel = "dubblett-" + id;
    var vanlig = post(Amnen.AKTUALISERINGAR, nyckel, vanligJson(id, "anna"), Map.of());
    // The same id from the same source in another form is the same message too.
    var binar =
        post(
            Amnen.AKTUALISERINGAR,
            nyckel,
            json.writeValueAsString(data("anna")),
            Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                id,
                "ce_source",
                OKAND_KALLA,
                "ce_type",
                "se.flerpart.aktualisering"));
    for (var post : List.of(vanlig, vanlig, binar, binar)) {
      KafkaProv.skicka(brokers, post);
    }
    // Same key, so the same partition: once this one is registered the others have been read.
    String sist = UUID.randomUUID().toString();
    KafkaProv.skicka(
        brokers, post(Amnen.AKTUALISERINGAR, nyckel, vanligJson(sist, "anna"), Map.of()));

    String arende = vantaPaArende("", id);
    vantaPaArende("", sist);
    assertThat(vantaPaArende(OKAND_KALLA, id)).isNotEqualTo(arende);
    assertThat(antalArenden()).isEqualTo(fore + 3);
    assertThat(
            jdbc.sql("select count(*) from inkommande_meddelande where meddelande_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void felaktigaMeddelandenHamnarPaDltMedOrsakOchGerInget(CapturedOutput logg) throws Exception {
    int fore = antalArenden();
    String nyckel = "fel-" + UUID.randomUUID();
    List<Fel> fel = new ArrayList<>();

    Map<String, Object> felPnr = new LinkedHashMap<>(data("anna"));
    felPnr.put("personnummer", FEL_PERSONNUMMER);
    fel.add(vanligtFel(felPnr, "personnummer: Personnumrets kontrollsiffra stämmer inte"));

    Map<String, Object> okandInsats = new LinkedHashMap<>(data("anna"));
    okandInsats.put("insats", "finns-inte");
    fel.add(vanligtFel(okandInsats, "insats: Insatsen finns inte"));

    fel.add(vanligtFel(data("okand@example.org"), "Okänd aktualiserare"));
    fel.add(vanligtFel(data("nagon-som-inte-finns"), "Okänd aktualiserare"));
    fel.add(vanligtFel(data("petra"), "rollen handläggare saknas"));

    Map<String, Object> nulTecken = new LinkedHashMap<>(data("anna"));
    nulTecken.put("skal", "Skäl med\u0000NUL-tecken");
    fel.add(vanligtFel(nulTecken, "Fältet skal: texten innehåller ett otillåtet tecken"));

    Map<String, Object> felEpost = new LinkedHashMap<>(data("anna"));
    felEpost.put("epost", "kafka@@individ");
    fel.add(vanligtFel(felEpost, "epost: E-post: ange en giltig e-postadress"));

    Map<String, Object> forLangt = new LinkedHashMap<>(data("anna"));
    forLangt.put("skal", "x".repeat(1_000_000));
    fel.add(vanligtFel(forLangt, "skal: Skälet får vara högst 4000 tecken"));

    Map<String, Object> felTyp = new LinkedHashMap<>(data("anna"));
    felTyp.put("bradskande", List.of("kanske"));
    fel.add(vanligtFel(felTyp, "Fältet bradskande har fel typ"));

    String fraAf = UUID.randomUUID().toString();
    fel.add(
        new Fel(
            fraAf,
            json.writeValueAsString(data("anna")),
            Map.of(
                "ce_specversion", "1.0",
                "ce_id", fraAf,
                "ce_source", AF_KALLA,
                "ce_type", "se.flerpart.aktualisering",
                "content-type", "application/json"),
            "hör inte till den part (AF)"));

    fel.add(
        new Fel(
            null,
            "{\"id\": \"" + UUID.randomUUID() + "\", \"personnummer\": \"" + FEL_PERSONNUMMER,
            Map.of(),
            "Meddelandet är inte giltig JSON"));
    Map<String, Object> utanId = new LinkedHashMap<>(data("anna"));
    fel.add(new Fel(null, json.writeValueAsString(utanId), Map.of(), "saknar id"));
    fel.add(
        new Fel(
            null,
            "{\"specversion\": \"1.0\", \"data\": {}}",
            Map.of("content-type", "application/cloudevents+json"),
            "Ogiltig CloudEvent"));

    for (Fel f : fel) {
      KafkaProv.skicka(brokers, post(Amnen.AKTUALISERINGAR, nyckel, f.varde(), f.headers()));
    }
    // The consumer goes on: a good message after the bad ones, on the same partition.
    String bra = UUID.randomUUID().toString();
    KafkaProv.skicka(
        brokers, post(Amnen.AKTUALISERINGAR, nyckel, vanligJson(bra, "anna"), Map.of()));
    vantaPaArende("", bra);

    List<ConsumerRecord<String, byte[]>> dlt =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    KafkaProv.allaPa(brokers, Amnen.AKTUALISERINGAR_DLT).stream()
                        .filter(r -> nyckel.equals(r.key()))
                        .toList(),
                poster -> poster.size() == fel.size());
    for (int i = 0; i < fel.size(); i++) {
      Fel f = fel.get(i);
      ConsumerRecord<String, byte[]> dod = dlt.get(i);
      assertThat(text(dod)).as("värdet oförändrat").isEqualTo(f.varde());
      assertThat(header(dod, Amnen.ORSAK)).as("orsak för %s", f.orsak()).contains(f.orsak());
      assertThat(header(dod, Amnen.ORSAK)).doesNotContain("19121212", "121212-121", "anna");
      f.headers().forEach((namn, v) -> assertThat(header(dod, namn)).isEqualTo(v));
      assertThat(header(dod, "kafka_dlt-original-topic")).isEqualTo(Amnen.AKTUALISERINGAR);
      assertThat(dod.headers().lastHeader("kafka_dlt-exception-message")).isNull();
      assertThat(dod.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
    }

    assertThat(antalArenden()).isEqualTo(fore + 1);
    for (Fel f : fel) {
      if (f.id() != null) {
        assertThat(
                jdbc.sql("select count(*) from inkommande_meddelande where meddelande_id = ?")
                    .param(f.id())
                    .query(Integer.class)
                    .single())
            .isZero();
      }
    }
    assertThat(logg.getAll())
        .contains("avvisad och lagd på " + Amnen.AKTUALISERINGAR_DLT)
        .doesNotContain("121212-1213", "191212121213", SKAL, "okand@example.org")
        .doesNotContain(INDIVIDNAMN, "kafka@@individ", "Kafkasson");
  }

  // ---- helpers ----

  private Fel vanligtFel(Map<String, Object> data, String orsak) throws Exception {
    String id = UUID.randomUUID().toString();
    Map<String, Object> meddelande = new LinkedHashMap<>(data);
    meddelande.put("id", id);
    return new Fel(id, json.writeValueAsString(meddelande), Map.of(), orsak);
  }

  private record Fel(String id, String varde, Map<String, String> headers, String orsak) {}

  private static final String INDIVIDNAMN = "Kafka Individsson";

  static Map<String, Object> data(String aktualiseradAv) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("personnummer", PERSONNUMMER);
    data.put("insats", "flerpartssamverkan");
    data.put("skal", SKAL);
    data.put("behov", List.of("FK", "AF"));
    data.put("bradskande", false);
    data.put("aktualiseradAv", aktualiseradAv);
    data.put("namn", INDIVIDNAMN);
    data.put("epost", "kafka.individ@example.se");
    data.put("godMan", Map.of("namn", "Gode Kafkasson", "telefon", "018-12 34 56"));
    return data;
  }

  private String vanligJson(String id, String aktualiseradAv) throws Exception {
    Map<String, Object> meddelande = new LinkedHashMap<>();
    meddelande.put("id", id);
    meddelande.putAll(data(aktualiseradAv));
    return json.writeValueAsString(meddelande);
  }

  /** The case the message made, once the consumer has registered it. */
  private String vantaPaArende(String kalla, String meddelandeId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql(
                        "select arende_id::text from inkommande_meddelande"
                            + " where kalla = ? and meddelande_id = ?")
                    .params(kalla, meddelandeId)
                    .query(String.class)
                    .optional(),
            Optional::isPresent)
        .orElseThrow();
  }

  private int antalArenden() {
    return jdbc.sql("select count(*) from arende").query(Integer.class).single();
  }
}
