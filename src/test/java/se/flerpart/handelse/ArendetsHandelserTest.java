package se.flerpart.handelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.flerpart.handelse.KafkaProv.alltText;
import static se.flerpart.handelse.KafkaProv.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;
import se.flerpart.uppfoljning.UppfoljningSteg;

/**
 * A case walked from aktualisering to avslut through the REST API, heard as a party's system hears
 * it: one CloudEvent per step on {@code flerpart.arende-handelser}, in order, keyed by the case id,
 * with nothing in any of them that names or identifies the person.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ArendetsHandelserTest {

  static final String PERSONNUMMER = KafkaHandelserTest.PERSONNUMMER;
  static final String SKAL = KafkaHandelserTest.SKAL;

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @Autowired EmbeddedMotor motor;

  final ObjectMapper json = new ObjectMapper();

  @Test
  @DisplayName(
      "Givet ett ärende från aktualisering till avslut, så hörs varje steg som en CloudEvent med"
          + " ärendets id som nyckel och utan personuppgifter")
  void ettArendeTillAvslut() throws Exception {
    ApiKlient api = new ApiKlient(port);
    Map<String, Object> aktualisering = new java.util.HashMap<>(KafkaHandelserTest.data("anna"));
    aktualisering.remove("aktualiseradAv");
    String id = api.aktualisera("anna", aktualisering);
    // Cecilia (Uppsala kommun) chairs the meeting, so her part is inside the consent.
    ArendeSteg.beviljat(api, id, "anna", List.of("FK", "AF", "KOMMUN-UPPSALA"), true, "anna");
    MotesSteg.genomfor(api, motor, id, "anna");
    JsonNode avslut = UppfoljningSteg.tillAvslut(api, id, "anna");
    assertThat(api.slutfor("anna", avslut, Map.of("avslutsorsak", "STUDIER")).status())
        .isEqualTo(200);

    List<String> vantade =
        List.of(
            "se.flerpart.arende.aktualiserat",
            "se.flerpart.arende.samtycke-lamnat",
            "se.flerpart.beredning.beslutad",
            "se.flerpart.mote.kallelse-skickad",
            "se.flerpart.mote.genomfort",
            "se.flerpart.mote.plan-faststalld",
            "se.flerpart.uppfoljning.genomford",
            "se.flerpart.arende.avslutat");
    List<ConsumerRecord<String, byte[]>> poster =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    KafkaProv.allaPa(brokers, Amnen.ARENDE_HANDELSER).stream()
                        .filter(p -> id.equals(p.key()))
                        .toList(),
                lista -> lista.size() >= vantade.size());

    List<JsonNode> handelser = poster.stream().map(this::cloudEvent).toList();
    assertThat(handelser)
        .extracting(h -> h.path("type").asText())
        .containsExactlyElementsOf(vantade);
    assertThat(poster)
        .extracting(ConsumerRecord::partition)
        .containsOnly(poster.get(0).partition());
    for (JsonNode h : handelser) {
      assertThat(h.path("subject").asText()).isEqualTo(id);
      assertThat(h.path("specversion").asText()).isEqualTo("1.0");
      assertThat(h.path("source").asText()).isNotBlank();
      assertThat(h.path("data").path("arendeId").asText()).isEqualTo(id);
    }
    assertThat(handelser).extracting(h -> h.path("id").asText()).doesNotHaveDuplicates();
    for (ConsumerRecord<String, byte[]> post : poster) {
      assertThat(alltText(post))
          .doesNotContain("19121212", "121212-1212", SKAL, "Anna", "Bengt", "Cecilia", "Ek")
          .doesNotContain("Arbetsprövning", "Kontaktcenter");
      assertThat(header(post, "content-type")).startsWith("application/cloudevents+json");
    }
  }

  private JsonNode cloudEvent(ConsumerRecord<String, byte[]> post) {
    try {
      return json.readTree(post.value());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
