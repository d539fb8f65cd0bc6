package se.flerpart.handelse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Producer, consumer and topics. Keys are strings and values bytes: a CloudEvent is serialised by
 * the CloudEvents SDK, and a message that is not valid JSON still reaches the consumer, which can
 * then put it unchanged on the dead letter topic. Everything else (brokers, security, timeouts)
 * comes from Spring Boot's {@code spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaKonfiguration {

  static final String AKTUALISERINGAR_LYSSNARE = "aktualiseringarLyssnare";

  /** The executor that sends events to Kafka; see {@link #kafkaUtgivning()}. */
  static final String UTGIVNING = "kafkaUtgivning";

  /**
   * One thread sends every event, in the order their changes committed, so the events of one case
   * reach their partition in order even when one transaction publishes several (a meeting held and
   * its plan agreed); it does not wait for the acknowledgements, and completes each publication
   * when its acknowledgement comes ({@link HandelseUtgivning}). The other event listeners keep
   * Spring Boot's application executor ({@code spring.task.execution.mode=force}).
   */
  @Bean(name = UTGIVNING, destroyMethod = "shutdown")
  ThreadPoolTaskExecutor kafkaUtgivning() {
    var utgivning = new ThreadPoolTaskExecutor();
    utgivning.setCorePoolSize(1);
    utgivning.setMaxPoolSize(1);
    utgivning.setThreadNamePrefix("kafka-utgivning-");
    utgivning.setWaitForTasksToCompleteOnShutdown(false);
    utgivning.initialize();
    return utgivning;
  }

  /**
   * The topics, created at start where they are missing (on the embedded broker and on a real
   * cluster where Flerpart may; {@code spring.kafka.admin.auto-create=false} turns it off). The
   * replication factor is the broker's default.
   */
  @Bean
  NewTopic aktualiseringarAmne(HandelseEgenskaper egenskaper) {
    return TopicBuilder.name(Amnen.AKTUALISERINGAR).partitions(egenskaper.partitioner()).build();
  }

  @Bean
  NewTopic aktualiseringarDltAmne(HandelseEgenskaper egenskaper) {
    return TopicBuilder.name(Amnen.AKTUALISERINGAR_DLT)
        .partitions(egenskaper.partitioner())
        .build();
  }

  @Bean
  NewTopic arendeHandelserAmne(HandelseEgenskaper egenskaper) {
    return TopicBuilder.name(Amnen.ARENDE_HANDELSER).partitions(egenskaper.partitioner()).build();
  }

  @Bean
  NewTopic avvikelserAmne(HandelseEgenskaper egenskaper) {
    return TopicBuilder.name(Amnen.AVVIKELSER).partitions(egenskaper.partitioner()).build();
  }

  @Bean
  ProducerFactory<String, byte[]> handelseProducentfabrik(
      KafkaProperties kafka, ObjectProvider<SslBundles> ssl) {
    Map<String, Object> config = kafka.buildProducerProperties(ssl.getIfAvailable());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new DefaultKafkaProducerFactory<>(config);
  }

  /**
   * Its producer listener is silent: the default one logs a failed record's key, which on the dead
   * letter topic is whatever the sender chose. A failed send throws, and the caller logs it.
   */
  @Bean
  KafkaTemplate<String, byte[]> handelseMall(ProducerFactory<String, byte[]> fabrik) {
    KafkaTemplate<String, byte[]> mall = new KafkaTemplate<>(fabrik);
    mall.setProducerListener(new ProducerListener<>() {});
    return mall;
  }

  /**
   * Puts a message unchanged (key, value, headers) on {@code flerpart.aktualiseringar.DLT}, with
   * the reason in {@code flerpart-orsak} and Spring Kafka's original topic/partition/offset
   * headers, but without the exception's message and stack trace, which can quote the message.
   */
  @Bean
  DeadLetterPublishingRecoverer aktualiseringarDlt(KafkaTemplate<String, byte[]> mall) {
    DeadLetterPublishingRecoverer dlt =
        new DeadLetterPublishingRecoverer(
            mall, (post, fel) -> new TopicPartition(Amnen.AKTUALISERINGAR_DLT, -1));
    dlt.setExceptionHeadersCreator(
        (headers, fel, nyckel, namn) ->
            headers.add(Amnen.ORSAK, orsak(fel).getBytes(StandardCharsets.UTF_8)));
    return dlt;
  }

  /** The reason of an {@link AvvisatMeddelande} or a technical fault; never a foreign message. */
  static String orsak(Throwable fel) {
    for (Throwable t = fel; t != null; t = t.getCause()) {
      if (t instanceof AvvisatMeddelande || t instanceof AktualiseringKonsument.TeknisktFel) {
        return t.getMessage();
      }
    }
    return "Tekniskt fel (" + AktualiseringKonsument.orsakskedja(fel) + ")";
  }

  /**
   * The consumer of {@code flerpart.aktualiseringar}: group {@code spring.kafka.consumer.group-id},
   * from the earliest offset when the group is new. A technical fault is retried with a growing
   * pause for about two minutes, then the message goes to the dead letter topic; the partition
   * waits meanwhile, so referrals keep their order.
   */
  @Bean(AKTUALISERINGAR_LYSSNARE)
  ConcurrentKafkaListenerContainerFactory<String, byte[]> aktualiseringarLyssnare(
      KafkaProperties kafka,
      ObjectProvider<SslBundles> ssl,
      DeadLetterPublishingRecoverer aktualiseringarDlt) {
    Map<String, Object> config = kafka.buildConsumerProperties(ssl.getIfAvailable());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "flerpart");
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ConcurrentKafkaListenerContainerFactory<String, byte[]> fabrik =
        new ConcurrentKafkaListenerContainerFactory<>();
    fabrik.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
    fabrik.setAutoStartup(kafka.getListener().isAutoStartup());
    ExponentialBackOff pause = new ExponentialBackOff(1000, 2);
    pause.setMaxInterval(30_000);
    pause.setMaxElapsedTime(120_000);
    DefaultErrorHandler felhantering = new DefaultErrorHandler(aktualiseringarDlt, pause);
    felhantering.addNotRetryableExceptions(AvvisatMeddelande.class);
    fabrik.setCommonErrorHandler(felhantering);
    return fabrik;
  }
}
