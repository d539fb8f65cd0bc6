package se.flerpart.handelse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a domain event to a topic as one CloudEvent in structured mode ({@code
 * application/cloudevents+json}) and waits for the broker's acknowledgement. When the broker does
 * not acknowledge in time the send throws: called from an event publication listener, the
 * publication then stays incomplete and is resubmitted later.
 *
 * <p>The CloudEvent {@code id} is derived from the event (type, subject, time), so a resubmitted
 * publication sends the same id and a consumer can drop the repeat.
 */
@Component
public class CloudEventUtgivare {

  private final KafkaTemplate<String, byte[]> mall;
  private final HandelseEgenskaper egenskaper;
  private final ObjectMapper json;

  CloudEventUtgivare(
      KafkaTemplate<String, byte[]> mall, HandelseEgenskaper egenskaper, ObjectMapper json) {
    this.mall = mall;
    this.egenskaper = egenskaper;
    this.json = json;
  }

  /**
   * @param amne the topic
   * @param nyckel the record key (the case id for case events, so one case stays in order)
   * @param typ the event's name, e.g. {@code arende.aktualiserat}; the CloudEvent type becomes
   *     {@code se.flerpart.arende.aktualiserat}
   * @param subjekt what the event is about (the case id)
   * @param tidpunkt when it happened
   * @param data the event itself, serialised as JSON; ids and codes only, never personal data
   */
  public void skicka(
      String amne, String nyckel, String typ, String subjekt, Instant tidpunkt, Object data) {
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId(id(typ, subjekt, tidpunkt))
            .withSource(egenskaper.kalla())
            .withType("se.flerpart." + typ)
            .withSubject(subjekt)
            .withTime(tidpunkt.atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withData(JsonCloudEventData.wrap(json.valueToTree(data)))
            .build();
    ProducerRecord<String, byte[]> post =
        KafkaMessageFactory.createWriter(amne, nyckel)
            .writeStructured(event, JsonFormat.CONTENT_TYPE);
    try {
      mall.send(post).get(egenskaper.sandTidsgrans().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Avbruten medan " + typ + " skickades till " + amne, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new IllegalStateException(
          "Kafka tog inte emot "
              + typ
              + " för "
              + subjekt
              + " på "
              + amne
              + "; försöks igen senare",
          e);
    }
  }

  static String id(String typ, String subjekt, Instant tidpunkt) {
    return UUID.nameUUIDFromBytes(
            (typ + "\n" + subjekt + "\n" + tidpunkt).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
