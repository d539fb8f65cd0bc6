package se.flerpart.handelse;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.ProducerListener;

/**
 * Producer and topics. Keys are strings and values bytes: a CloudEvent is serialised by the
 * CloudEvents SDK. Everything else (brokers, security, timeouts) comes from Spring Boot's {@code
 * spring.kafka.*}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaKonfiguration {

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
   * Its producer listener is silent: the default one logs a failed record's key. A failed send
   * throws, and the caller logs it.
   */
  @Bean
  KafkaTemplate<String, byte[]> handelseMall(ProducerFactory<String, byte[]> fabrik) {
    KafkaTemplate<String, byte[]> mall = new KafkaTemplate<>(fabrik);
    mall.setProducerListener(new ProducerListener<>() {});
    return mall;
  }
}
