package se.flerpart.handelse;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What another organisation's system does with Flerpart's broker: plain Kafka clients that send
 * records and read a topic from the beginning.
 */
final class KafkaProv {

  private KafkaProv() {}

  static void skicka(String brokers, ProducerRecord<String, byte[]> post) {
    try (KafkaProducer<String, byte[]> producent =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producent.send(post).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("Kunde inte skicka till " + post.topic(), e);
    }
  }

  static ProducerRecord<String, byte[]> post(
      String amne, String nyckel, String varde, Map<String, String> headers) {
    ProducerRecord<String, byte[]> post =
        new ProducerRecord<>(amne, nyckel, varde.getBytes(StandardCharsets.UTF_8));
    headers.forEach((namn, v) -> post.headers().add(namn, v.getBytes(StandardCharsets.UTF_8)));
    return post;
  }

  /** Waits until the topic holds a record that matches, and returns it. */
  static ConsumerRecord<String, byte[]> vantaPa(
      String brokers, String amne, Predicate<ConsumerRecord<String, byte[]>> villkor) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> allaPa(brokers, amne).stream().filter(villkor).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /** Every record on the topic right now, from the beginning of each partition. */
  static List<ConsumerRecord<String, byte[]>> allaPa(String brokers, String amne) {
    try (KafkaConsumer<String, byte[]> konsument =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitioner =
          konsument.partitionsFor(amne, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(amne, p.partition()))
              .toList();
      konsument.assign(partitioner);
      konsument.seekToBeginning(partitioner);
      Map<TopicPartition, Long> slut = konsument.endOffsets(partitioner);
      List<ConsumerRecord<String, byte[]>> poster = new ArrayList<>();
      long senast = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitioner.stream().anyMatch(p -> konsument.position(p) < slut.get(p))) {
        if (System.nanoTime() > senast) {
          throw new AssertionError("Hann inte läsa " + amne);
        }
        konsument.poll(Duration.ofMillis(200)).forEach(poster::add);
      }
      return poster;
    }
  }

  /**
   * One of a producer's own counters (its {@code producer-metrics}), e.g. {@code request-total}.
   */
  static double producentensRaknare(KafkaTemplate<?, ?> mall, String namn) {
    return mall.metrics().entrySet().stream()
        .filter(
            m -> m.getKey().group().equals("producer-metrics") && m.getKey().name().equals(namn))
        .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue())
        .sum();
  }

  /** The rows of the event publication registry whose event mentions {@code text}. */
  static int publiceringar(JdbcClient jdbc, String text) {
    return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
        .param("%" + text + "%")
        .query(Integer.class)
        .single();
  }

  /** A port nothing listens on right now. */
  static int ledigPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header(ConsumerRecord<?, ?> post, String namn) {
    Header h = post.headers().lastHeader(namn);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  static String text(ConsumerRecord<?, byte[]> post) {
    return new String(post.value(), StandardCharsets.UTF_8);
  }

  /** Every header and the value as one text, to look for what must not be there. */
  static String alltText(ConsumerRecord<String, byte[]> post) {
    StringBuilder allt = new StringBuilder(post.key() == null ? "" : post.key()).append('\n');
    for (Header h : post.headers()) {
      allt.append(h.key()).append('=');
      if (h.value() != null) {
        allt.append(new String(h.value(), StandardCharsets.UTF_8));
      }
      allt.append('\n');
    }
    return allt.append(text(post)).toString();
  }
}
