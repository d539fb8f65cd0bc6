package se.flerpart.handelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.flerpart.handelse.KafkaProv.alltText;
import static se.flerpart.handelse.KafkaProv.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;

/**
 * Kafka out on the whole application and the embedded stack's in-process KRaft broker, talked to
 * with plain Kafka clients as another organisation's system would.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class KafkaHandelserTest {

  static final String PERSONNUMMER = "19121212-1212";
  static final String SKAL = "Hemlig fritext om hälsan 4711";

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @Autowired JdbcClient jdbc;

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
        .until(
            () ->
                jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                        .param("%" + id + "%")
                        .query(Integer.class)
                        .single()
                    == 0);
  }
}
