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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a domain event to a topic as one CloudEvent in structured mode ({@code
 * application/cloudevents+json}). The answer is a future that completes when the broker has
 * acknowledged the record, and fails when it does not in time: returned from an event publication
 * listener, the publication is completed with it, or stays incomplete and is resubmitted later. The
 * caller does not wait for the acknowledgement, so the next event can be sent meanwhile and the
 * producer puts the records that wait together in one request.
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
  public CompletableFuture<Void> skicka(
      String amne, String nyckel, String typ, String subjekt, Instant tidpunkt, Object data) {
    Supplier<String> fel =
        () ->
            "Kafka tog inte emot "
                + typ
                + " för "
                + subjekt
                + " på "
                + amne
                + "; försöks igen senare";
    CompletableFuture<?> kvitto;
    try {
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
      // Throws at once when the broker's metadata cannot be had within max.block.ms.
      kvitto = mall.send(post);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new IllegalStateException(fel.get(), e));
    }
    return kvitto
        .copy()
        .orTimeout(egenskaper.sandTidsgrans().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (svar, orsak) -> {
              if (orsak != null) {
                throw new IllegalStateException(fel.get(), orsak);
              }
              return null;
            });
  }

  static String id(String typ, String subjekt, Instant tidpunkt) {
    return UUID.nameUUIDFromBytes(
            (typ + "\n" + subjekt + "\n" + tidpunkt).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
