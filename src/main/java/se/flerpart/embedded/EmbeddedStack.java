package se.flerpart.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
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
  private static final Duration SMTP_STARTTID = Duration.ofSeconds(30);

  /** How many free ports the engine is tried on before its start fails. */
  static final int PORTFORSOK = 3;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.getProperty("flerpart.embedded.enabled", Boolean.class, true)) {
      return;
    }
    Map<String, Object> properties = new HashMap<>();
    var beans = context.getBeanFactory();

    // Each service that is not configured starts on a thread of its own: none needs another, and
    // together they take a few seconds instead of the sum of them. All have started (or failed)
    // before the context is refreshed.
    long borjan = System.nanoTime();
    Start<InbyggdPostgres> postgresStart = null;
    Start<ZeebeTestEngine> motorStart = null;
    Start<GreenMail> smtpStart = null;
    Start<EmbeddedKafkaKraftBroker> kafkaStart = null;
    List<Runnable> kafkaStadning = new ArrayList<>();
    if (!env.containsProperty("spring.datasource.url")) {
      postgresStart = Start.pa("postgres", InbyggdPostgres::starta, InbyggdPostgres::stang);
    }
    if (!env.containsProperty("camunda.client.grpc-address")
        && !env.containsProperty("camunda.client.mode")) {
      motorStart = Start.pa("motor", EmbeddedStack::startaMotor, ZeebeTestEngine::stop);
    }
    if (!env.containsProperty("spring.mail.host")) {
      smtpStart = Start.pa("smtp", () -> startaSmtp(0), GreenMail::stop);
    }
    if (!env.containsProperty("spring.kafka.bootstrap-servers")) {
      int port = env.getProperty("flerpart.embedded.kafka-port", Integer.class, 9092);
      kafkaStart =
          Start.pa(
              "kafka",
              () -> startKafka(port, kafkaStadning),
              kafka -> {
                kafka.destroy();
                kafkaStadning.forEach(Runnable::run);
              });
    }
    vantaPaAlla(postgresStart, motorStart, smtpStart, kafkaStart);
    List<String> tider = new ArrayList<>();
    for (Start<?> s : Arrays.asList(postgresStart, motorStart, smtpStart, kafkaStart)) {
      if (s != null) {
        tider.add(s.namn + " " + s.millis + " ms");
      }
    }
    if (!tider.isEmpty()) {
      log.info(
          "Inbyggda tjänster startade på {} ms, samtidigt ({})",
          (System.nanoTime() - borjan) / 1_000_000,
          String.join(", ", tider));
    }

    // Registered in this order, they are destroyed in the reverse one: Kafka, the mail server,
    // the engine, and PostgreSQL last.
    if (postgresStart != null) {
      InbyggdPostgres inbyggd = postgresStart.tjanst();
      EmbeddedPostgres postgres = inbyggd.postgres();
      properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
      properties.put("spring.datasource.username", "postgres");
      properties.put("spring.datasource.password", inbyggd.losenord());
      beans.registerSingleton("embeddedPostgres", postgres);
      stoppaSist(beans, "embeddedPostgres", postgresStart);
      log.info(
          "Inbyggd PostgreSQL startad på port {} (data försvinner vid omstart)",
          postgres.getPort());
    }

    if (motorStart != null) {
      ZeebeTestEngine engine = motorStart.tjanst();
      int motorPort = port(engine);
      properties.put("camunda.client.grpc-address", "http://localhost:" + motorPort);
      properties.put("camunda.client.rest-address", "http://localhost:" + freePort());
      properties.put("camunda.client.prefer-rest-over-grpc", false);
      EmbeddedMotor motor = new EmbeddedMotor(engine);
      beans.registerSingleton("embeddedMotor", motor);
      beans.registerSingleton("embeddedKlocka", motor.klocka());
      properties.put("flerpart.embedded.motor", true);
      stoppaSist(beans, "embeddedMotor", motorStart);
      log.warn(
          "Inbyggd Zeebe-motor startad på port {}: processernas tillstånd hålls i minnet och"
              + " försvinner när Flerpart stoppas. Ange CAMUNDA_CLIENT_* för ett Camunda 8-kluster.",
          motorPort);
    }

    if (smtpStart != null) {
      GreenMail greenMail = smtpStart.tjanst();
      properties.put("spring.mail.host", "127.0.0.1");
      properties.put("spring.mail.port", greenMail.getSmtp().getPort());
      beans.registerSingleton("embeddedMailserver", new EmbeddedMailserver(greenMail));
      properties.put("flerpart.embedded.mail", true);
      stoppaSist(beans, "embeddedMailserver", smtpStart);
      log.info(
          "Inbyggd SMTP-server startad på port {}; skickade mail visas på /dev/mail",
          greenMail.getSmtp().getPort());
    }

    if (kafkaStart != null) {
      EmbeddedKafkaKraftBroker kafka = kafkaStart.tjanst();
      properties.put("spring.kafka.bootstrap-servers", kafka.getBrokersAsString());
      stoppaSist(beans, "embeddedKafka", kafkaStart);
      log.info(
          "Inbyggd Kafka-broker (KRaft) startad: en Kafka-klient ansluter till {}. Brokern håller"
              + " meddelandena bara medan Flerpart kör (en tillfällig katalog som tas bort vid"
              + " stopp). Ange SPRING_KAFKA_BOOTSTRAP_SERVERS för ett Kafka-kluster.",
          kafka.getBrokersAsString());
    }

    env.getPropertySources().addFirst(new MapPropertySource("flerpart-embedded", properties));
  }

  /**
   * Waits until every start has ended. When one failed, those that started are stopped again (in
   * the reverse order: Kafka first, PostgreSQL last) and the first failure, in the order
   * PostgreSQL, engine, SMTP, Kafka, is thrown as it was, with its own message.
   */
  static void vantaPaAlla(Start<?>... starter) {
    List<Start<?>> alla = new ArrayList<>();
    for (Start<?> s : starter) {
      if (s != null) {
        alla.add(s);
      }
    }
    RuntimeException forsta = null;
    for (Start<?> s : alla) {
      RuntimeException fel = s.vanta();
      if (fel != null && forsta == null) {
        forsta = fel;
      }
    }
    if (forsta == null) {
      return;
    }
    for (Start<?> s : alla.reversed()) {
      s.stoppaOmStartad();
    }
    throw forsta;
  }

  /**
   * An in-memory engine started on a free port of localhost ({@link #port(ZeebeTestEngine)}): the
   * embedded default's, and the one the benchmark's engine-only baseline runs on, so that it
   * measures the same engine as Flerpart.
   */
  public static ZeebeTestEngine startaMotor() {
    return startaMotor(EmbeddedStack::freePort);
  }

  /**
   * An engine on the first of a few ports from {@code ledigaPorter} it could listen on. A port
   * found free can be taken before the engine binds it (the other services start at the same time,
   * and every outgoing connection takes a port from the same range), which once failed a start;
   * another free port is then tried. Any other failure ends the start at once.
   */
  static ZeebeTestEngine startaMotor(IntSupplier ledigaPorter) {
    IllegalStateException fel = null;
    for (int forsok = 0; forsok < PORTFORSOK; forsok++) {
      try {
        return startaMotor(ledigaPorter.getAsInt());
      } catch (IllegalStateException e) {
        if (fel != null) {
          e.addSuppressed(fel);
        }
        fel = e;
        if (!portenTagen(e)) {
          break;
        }
      }
    }
    throw fel;
  }

  private static boolean portenTagen(Throwable fel) {
    for (Throwable t = fel; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stops the actor threads of an engine whose start failed. {@code stop()} cannot be used for it:
   * it waits for the stream processor to close, which never opened when the gRPC server could not
   * bind its port, and then waits for ever.
   */
  private static void stangSchemalaggaren(ZeebeTestEngine engine, RuntimeException fel) {
    try {
      ((ActorScheduler) MotorloggSynkronisering.falt(engine, "scheduler"))
          .stop()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception stopp) {
      if (stopp instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      fel.addSuppressed(stopp);
    }
  }

  /** The port of localhost the engine's gRPC gateway listens on. */
  static int port(ZeebeTestEngine engine) {
    String adress = engine.getGatewayAddress();
    return Integer.parseInt(adress.substring(adress.lastIndexOf(':') + 1));
  }

  /** An in-memory Zeebe engine with its gRPC gateway on {@code port} of localhost, started. */
  static ZeebeTestEngine startaMotor(int port) {
    ZeebeTestEngine engine = null;
    try {
      engine = EngineFactory.create(port);
      MotorloggSynkronisering.gor(engine);
      MotorTillstand.ersatt(engine);
      MotorBatchoperationer.stangAv(engine);
      engine.start();
      return engine;
    } catch (RuntimeException e) {
      if (engine != null) {
        stangSchemalaggaren(engine, e);
      }
      throw new IllegalStateException(
          "Kunde inte starta inbyggd Zeebe-motor på port "
              + port
              + ". Ange CAMUNDA_CLIENT_GRPC_ADDRESS för ett Camunda 8-kluster.",
          e);
    }
  }

  /**
   * A GreenMail SMTP server on {@code port} of 127.0.0.1, started: the embedded default's, the
   * services launcher's ({@link Tjanster}) and the tests'. GreenMail waits two seconds by default
   * for its server thread to listen, and fails the start after that. On a loaded two-core machine,
   * with the other services starting beside it, that was once not enough; a port that is taken
   * still fails at once.
   */
  public static GreenMail startaSmtp(int port) {
    ServerSetup smtp = new ServerSetup(port, "127.0.0.1", "smtp");
    if (port == 0) {
      // The server takes a free port when it binds, instead of one found free a moment before.
      smtp = smtp.dynamicPort();
    }
    smtp.setServerStartupTimeout(SMTP_STARTTID.toMillis());
    GreenMail greenMail = new GreenMail(smtp);
    try {
      greenMail.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Kunde inte starta inbyggd SMTP-server på port "
              + port
              + ". Ange SPRING_MAIL_HOST för en befintlig SMTP-server.",
          e);
    }
    return greenMail;
  }

  /**
   * A single-node KRaft broker (broker and controller in one) on {@code port} of localhost, or on a
   * free port when {@code port} is 0. The topics are created by the application like on any broker.
   *
   * <p>The broker keeps its log in temporary directories that Kafka's test kit deletes from JVM
   * shutdown hooks, which can run while the broker is still writing there and make its shutdown
   * hang. Those deletions are collected in {@code stadning} instead, to run once it has stopped.
   * The hook that collects them is Kafka's, one for the whole JVM: starts of brokers take turns, so
   * that one start never collects (or resets) another's. They take turns on a lock of their own:
   * the other services, starting at the same time, must not wait for the broker's start (on the
   * class's monitor, shared with {@link #freePort}, PostgreSQL's start waited for the whole of it).
   */
  static EmbeddedKafkaKraftBroker startKafka(int port, List<Runnable> stadning) {
    synchronized (KAFKASTARTER) {
      return startKafkaEnsam(port, stadning);
    }
  }

  private static EmbeddedKafkaKraftBroker startKafkaEnsam(int port, List<Runnable> stadning) {
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
      ConfigurableListableBeanFactory beans, String namn, Start<?> start) {
    ((DefaultListableBeanFactory) beans).registerDisposableBean(namn, start::stoppaOmStartad);
  }

  /** The starts of Kafka brokers in this JVM take turns on it ({@link #startKafka}). */
  private static final Object KAFKASTARTER = new Object();

  /** The ports {@link #freePort} has handed out in this JVM; guarded by itself. */
  private static final java.util.Set<Integer> UTDELADE = new java.util.HashSet<>();

  /**
   * A port free right now that no other service of this JVM has been given: the services start at
   * the same time, each binds its port a moment after it was found free, and the system can find
   * the same free port twice in a row (PostgreSQL once waited in vain for a port the engine's gRPC
   * server had taken).
   *
   * <p>It is taken below the system's range of ephemeral ports, from which every outgoing
   * connection gets its local port. A port from that range, found free, could be taken by an
   * outgoing connection in the seconds before its service bound it (PostgreSQL binds only after
   * initdb): a start then failed, or waited for a port that answered something else (a test run
   * once waited 60 s for PostgreSQL and met an SSL error). Where no such room is left, the system
   * picks the port as before.
   */
  static int freePort() {
    synchronized (UTDELADE) {
      int tak = Math.min(EFEMARA_FRAN, PORTAR_TILL);
      if (tak - PORTAR_FRAN >= 1000) {
        for (int forsok = 0; forsok < 200; forsok++) {
          int port = PORTAR_FRAN + ThreadLocalRandom.current().nextInt(tak - PORTAR_FRAN);
          if (!UTDELADE.contains(port) && ledig(port)) {
            UTDELADE.add(port);
            return port;
          }
        }
      }
      for (int forsok = 0; forsok < 100; forsok++) {
        try (ServerSocket socket = new ServerSocket(0)) {
          if (UTDELADE.add(socket.getLocalPort())) {
            return socket.getLocalPort();
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      throw new IllegalStateException("Ingen ledig port som inte redan delats ut");
    }
  }

  /** The lowest port {@link #freePort} hands out. */
  static final int PORTAR_FRAN = 20_000;

  /** Above the ports {@link #freePort} hands out (the lowest ephemeral port of most systems). */
  static final int PORTAR_TILL = 32_768;

  /** The lowest ephemeral port of this system (Linux says; others begin at 49152 or higher). */
  static final int EFEMARA_FRAN = efemaraFran(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

  static int efemaraFran(Path intervall) {
    try {
      // Line by line: a whole read of the /proc file (it says its size is 0) gave one byte.
      return Integer.parseInt(Files.readAllLines(intervall).getFirst().strip().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return PORTAR_TILL;
    }
  }

  /** Whether the port can be bound on every address now. */
  private static boolean ledig(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean utdelad(int port) {
    synchronized (UTDELADE) {
      return UTDELADE.contains(port);
    }
  }

  @FunctionalInterface
  interface Stopp<T> {
    void stoppa(T tjanst) throws Exception;
  }

  /**
   * One embedded service starting on a thread of its own (a platform thread, which keeps the
   * caller's context class loader: the services find their parts through it in the packaged jar).
   */
  static final class Start<T> {

    private final String namn;
    private final Stopp<T> stopp;
    private final Thread trad;
    private volatile T tjanst;
    private volatile RuntimeException fel;
    private volatile long millis;

    private Start(String namn, Supplier<T> starta, Stopp<T> stopp) {
      this.namn = namn;
      this.stopp = stopp;
      this.trad =
          Thread.ofPlatform()
              .name("flerpart-start-" + namn)
              .start(
                  () -> {
                    long borjan = System.nanoTime();
                    try {
                      tjanst = starta.get();
                    } catch (RuntimeException e) {
                      fel = e;
                    } catch (Error e) {
                      fel = new IllegalStateException("Kunde inte starta inbyggd " + namn, e);
                    } finally {
                      millis = (System.nanoTime() - borjan) / 1_000_000;
                    }
                  });
    }

    static <T> Start<T> pa(String namn, Supplier<T> starta, Stopp<T> stopp) {
      return new Start<>(namn, starta, stopp);
    }

    /** Waits for the start to end; its failure, or null. */
    RuntimeException vanta() {
      boolean avbruten = false;
      while (true) {
        try {
          trad.join();
          break;
        } catch (InterruptedException e) {
          avbruten = true;
        }
      }
      if (avbruten) {
        Thread.currentThread().interrupt();
      }
      return fel;
    }

    T tjanst() {
      return tjanst;
    }

    void stoppaOmStartad() {
      if (tjanst == null) {
        return;
      }
      try {
        stopp.stoppa(tjanst);
      } catch (Exception e) {
        log.warn("Kunde inte stoppa {}", namn, e);
      }
    }
  }
}
