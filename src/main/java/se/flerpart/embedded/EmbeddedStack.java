package se.flerpart.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Starts what is not configured: an in-memory Zeebe engine unless {@code camunda.client.*} points
 * at a cluster, an embedded PostgreSQL unless {@code spring.datasource.url} is set, an in-process
 * SMTP server unless {@code spring.mail.host} is set, and an in-process Kafka broker unless {@code
 * spring.kafka.bootstrap-servers} is set. Runs before the application context is refreshed, so the
 * rest of the application sees ordinary configuration.
 */
public class EmbeddedStack
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("flerpart.embedded.enabled", Boolean.class, true)) {
      return;
    }
    Map<String, Object> properties = new HashMap<>();
    var beans = context.getBeanFactory();

    if (!env.containsProperty("spring.datasource.url")) {
      InbyggdPostgres inbyggd = InbyggdPostgres.starta();
      EmbeddedPostgres postgres = inbyggd.postgres();
      properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
      properties.put("spring.datasource.username", "postgres");
      properties.put("spring.datasource.password", inbyggd.losenord());
      beans.registerSingleton("embeddedPostgres", postgres);
      stoppaSist(beans, "embeddedPostgres", inbyggd::stang);
      log.info(
          "Inbyggd PostgreSQL startad på port {} (data försvinner vid omstart)",
          postgres.getPort());
    }

    if (!env.containsProperty("camunda.client.grpc-address")
        && !env.containsProperty("camunda.client.mode")) {
      int port = freePort();
      ZeebeTestEngine engine = startaMotor(port);
      properties.put("camunda.client.grpc-address", "http://localhost:" + port);
      properties.put("camunda.client.rest-address", "http://localhost:" + freePort());
      properties.put("camunda.client.prefer-rest-over-grpc", false);
      EmbeddedMotor motor = new EmbeddedMotor(engine);
      beans.registerSingleton("embeddedMotor", motor);
      beans.registerSingleton("embeddedKlocka", motor.klocka());
      properties.put("flerpart.embedded.motor", true);
      stoppaSist(beans, "embeddedMotor", engine::stop);
      log.warn(
          "Inbyggd Zeebe-motor startad på port {}: processernas tillstånd hålls i minnet och"
              + " försvinner när Flerpart stoppas. Ange CAMUNDA_CLIENT_* för ett Camunda 8-kluster.",
          port);
    }

    if (!env.containsProperty("spring.mail.host")) {
      GreenMail greenMail = startaSmtp(freePort());
      properties.put("spring.mail.host", "127.0.0.1");
      properties.put("spring.mail.port", greenMail.getSmtp().getPort());
      beans.registerSingleton("embeddedMailserver", new EmbeddedMailserver(greenMail));
      properties.put("flerpart.embedded.mail", true);
      stoppaSist(beans, "embeddedMailserver", greenMail::stop);
      log.info(
          "Inbyggd SMTP-server startad på port {}; skickade mail visas på /dev/mail",
          greenMail.getSmtp().getPort());
    }

    if (!env.containsProperty("spring.kafka.bootstrap-servers")) {
      List<Runnable> stadning = new ArrayList<>();
      EmbeddedKafkaKraftBroker kafka =
          startKafka(
              env.getProperty("flerpart.embedded.kafka-port", Integer.class, 9092), stadning);
      properties.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
      stoppaSist(
          beans,
          "embeddedKafka",
          () -> {
            kafka.destroy();
            stadning.forEach(Runnable::run);
          });
      log.info(
          "Inbyggd Kafka-broker (KRaft) startad: en Kafka-klient ansluter till {}. Brokern håller"
              + " meddelandena bara medan Flerpart kör (en tillfällig katalog som tas bort vid"
              + " stopp). Ange SPRING_KAFKA_BOOTSTRAP_SERVERS för ett Kafka-kluster.",
          kafka.getBrokersAsString());
    }

    env.getPropertySources().addFirst(new MapPropertySource("flerpart-embedded", properties));
  }

  /** An in-memory Zeebe engine with its gRPC gateway on {@code port} of localhost, started. */
  static ZeebeTestEngine startaMotor(int port) {
    ZeebeTestEngine engine = EngineFactory.create(port);
    engine.start();
    return engine;
  }

  /** A GreenMail SMTP server on {@code port} of 127.0.0.1, started. */
  static GreenMail startaSmtp(int port) {
    GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    greenMail.start();
    return greenMail;
  }

  /**
   * A single-node KRaft broker (broker and controller in one) on {@code port} of localhost, or on a
   * free port when {@code port} is 0. The topics are created by the application like on any broker.
   *
   * <p>The broker keeps its log in temporary directories that Kafka's test kit deletes from JVM
   * shutdown hooks, which can run while the broker is still writing there and make its shutdown
   * hang. Those deletions are collected in {@code stadning} instead, to run once it has stopped.
   */
  static EmbeddedKafkaKraftBroker startKafka(int port, List<Runnable> stadning) {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
    // By default it also sets the system property spring.kafka.bootstrap-servers, which would
    // outlive this context: a second application in the same JVM would then start no broker.
    kafka.brokerListProperty(null);
    if (port != 0) {
      kafka.brokerProperty(
          "listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
    }
    Exit.setShutdownHookAdder((namn, hook) -> stadning.add(hook));
    try {
      kafka.afterPropertiesSet();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Kunde inte starta inbyggd Kafka-broker på port "
              + port
              + " (upptagen?). Ange flerpart.embedded.kafka-port=0 för en ledig port, eller"
              + " SPRING_KAFKA_BOOTSTRAP_SERVERS för en befintlig broker.",
          e);
    } finally {
      Exit.resetShutdownHookAdder();
    }
    return kafka;
  }

  /**
   * Stops the component when the context is destroyed. Registered before every other bean, it is
   * destroyed after them, so workers, schedulers and the web server have stopped using it.
   */
  private static void stoppaSist(
      ConfigurableListableBeanFactory beans, String namn, ThrowingRunnable stop) {
    ((DefaultListableBeanFactory) beans)
        .registerDisposableBean(
            namn,
            () -> {
              try {
                stop.run();
              } catch (Exception e) {
                log.warn("Kunde inte stoppa {}", namn, e);
              }
            });
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
