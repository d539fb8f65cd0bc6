package se.flerpart.handelse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeSteg;

/**
 * Kafka is down when a case is registered: Flerpart works all the same, the event waits in the
 * event publication registry, and goes out once a broker answers on the configured address, by the
 * scheduled resubmission. Its own application context (closed after the class), pointed at a port
 * where no broker runs yet, so the embedded stack starts none.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flerpart.demo.arenden=false",
      "flerpart.handelse.aterforsok-intervall=2s",
      "spring.kafka.producer.properties.max.block.ms=2000",
      "spring.kafka.producer.properties.request.timeout.ms=2000",
      "spring.kafka.producer.properties.delivery.timeout.ms=4000",
      "spring.kafka.admin.operation-timeout=2s"
    })
@DirtiesContext
class KafkaNereTest {

  static final int KAFKA_PORT = KafkaProv.ledigPort();

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry egenskaper) {
    egenskaper.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
  }

  /** The broker that comes back; a bean, so it stops after the application's Kafka clients. */
  static class SenareBroker implements DisposableBean {
    private EmbeddedKafkaKraftBroker broker;

    void starta() {
      // No topics of its own: Flerpart's resubmission creates the topic as soon as the broker
      // answers, and creating it here as well races with that (TopicExistsException).
      broker = new EmbeddedKafkaKraftBroker(1, 1);
      broker.brokerListProperty(null);
      broker.brokerProperty(
          "listeners", "EXTERNAL://localhost:" + KAFKA_PORT + ",CONTROLLER://localhost:0");
      broker.afterPropertiesSet();
    }

    @Override
    public void destroy() {
      if (broker != null) {
        broker.destroy();
      }
    }
  }

  @TestConfiguration
  static class Konfiguration {
    @Bean
    SenareBroker senareBroker() {
      return new SenareBroker();
    }
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SenareBroker senareBroker;

  @Test
  void handelsenVantarIRegistretTillsKafkaSvararOchGarSedanUt() {
    ApiKlient api = new ApiKlient(port);
    String id = api.aktualisera("anna", ArendeSteg.aktualisering("Kafka är nere", List.of("FK")));
    // The case is there and its process runs, although no event could be sent.
    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    // Sending and the resubmissions (every 2 s) have failed meanwhile; the publication stays.
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(() -> ofullbordade(id) == 1);

    senareBroker.starta();
    String brokers = "localhost:" + KAFKA_PORT;
    var post = KafkaProv.vantaPa(brokers, Amnen.ARENDE_HANDELSER, r -> id.equals(r.key()));
    assertThat(KafkaProv.text(post)).contains("se.flerpart.arende.aktualiserat");
    await().atMost(Duration.ofSeconds(30)).until(() -> ofullbordade(id) == 0);
    assertThat(
            KafkaProv.allaPa(brokers, Amnen.ARENDE_HANDELSER).stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> KafkaProv.header(r, "content-type"))
                .toList())
        .isNotEmpty()
        .allMatch(t -> t.startsWith("application/cloudevents+json"));
  }

  private int ofullbordade(String arendeId) {
    return jdbc.sql(
            "select count(*) from event_publication"
                + " where completion_date is null and serialized_event like ?")
        .param("%" + arendeId + "%")
        .query(Integer.class)
        .single();
  }
}
