package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded services start side by side; when one cannot start, start-up fails with its own
 * message and the others are stopped again.
 */
class EmbeddedStackTest {

  /**
   * The ports handed out lie below the ephemeral ports, which outgoing connections take: a port
   * found free there could be taken by one before its service binds it (PostgreSQL, after initdb).
   */
  @Test
  void portarnaDelasUtUnderDeEfemaraOchGarAttBinda() throws IOException {
    int tak = Math.min(EmbeddedStack.EFEMARA_FRAN, EmbeddedStack.PORTAR_TILL);
    for (int i = 0; i < 20; i++) {
      int port = EmbeddedStack.freePort();
      assertThat(port).isGreaterThanOrEqualTo(EmbeddedStack.PORTAR_FRAN).isLessThan(tak);
      try (ServerSocket socket = new ServerSocket(port)) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void deEfemaraPortarnasBorjanLasesUrSystemet() throws IOException {
    Path katalog = Files.createTempDirectory("portar");
    Path intervall = katalog.resolve("ip_local_port_range");
    Files.writeString(intervall, "40000\t60999\n");
    assertThat(EmbeddedStack.efemaraFran(intervall)).isEqualTo(40000);
    Files.writeString(intervall, "inte ett tal");
    assertThat(EmbeddedStack.efemaraFran(intervall)).isEqualTo(EmbeddedStack.PORTAR_TILL);
    assertThat(EmbeddedStack.efemaraFran(katalog.resolve("saknas")))
        .isEqualTo(EmbeddedStack.PORTAR_TILL);
  }

  @Test
  void enTjanstSomInteStartarFallerStartenMedSittMeddelandeOchDeAndraStoppas() throws Exception {
    Set<Path> fore = egnaDatabaser();
    try (ServerSocket upptagen = new ServerSocket(0)) {
      int port = upptagen.getLocalPort();
      GenericApplicationContext context = new GenericApplicationContext();
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "test", Map.of("flerpart.embedded.kafka-port", Integer.toString(port))));

      assertThatThrownBy(() -> new EmbeddedStack().initialize(context))
          .hasMessageContaining("Kunde inte starta inbyggd Kafka-broker på port " + port);

      assertThat(egnaDatabaser())
          .as("PostgreSQL, som hann starta, är stoppad och borttagen")
          .isEqualTo(fore);
      assertThat(context.getBeanFactory().getSingletonNames())
          .as("inget av det som startade blir kvar som böna")
          .isEmpty();
      assertThat(context.getEnvironment().containsProperty("spring.datasource.url")).isFalse();
    }
  }

  @Test
  void smtpServernFarTidAttStartaMenEnUpptagenPortFallerGenast() throws Exception {
    GreenMail smtp = EmbeddedStack.startaSmtp(0);
    try {
      assertThat(smtp.getSmtp().getServerSetup().getServerStartupTimeout())
          .as("GreenMails två sekunder räcker inte på en belastad maskin")
          .isGreaterThanOrEqualTo(30_000);
      int port = smtp.getSmtp().getPort();
      assertThat(port).as("port 0: servern tar en ledig port när den binder").isPositive();
      try (java.net.Socket klient = new java.net.Socket("127.0.0.1", port)) {
        assertThat(klient.isConnected()).isTrue();
      }
    } finally {
      smtp.stop();
    }
    try (ServerSocket upptagen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      long borjan = System.nanoTime();
      assertThatThrownBy(() -> EmbeddedStack.startaSmtp(upptagen.getLocalPort()))
          .hasMessageContaining(
              "Kunde inte starta inbyggd SMTP-server på port " + upptagen.getLocalPort());
      assertThat(Duration.ofNanos(System.nanoTime() - borjan))
          .as("en upptagen port väntar inte ut starttiden")
          .isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void motornProvarEnAnnanLedigPortNarDenFunnaHannTas() throws Exception {
    try (ServerSocket tagen = new ServerSocket(0);
        ServerSocket ocksaTagen = new ServerSocket(0)) {
      int ledig;
      try (ServerSocket s = new ServerSocket(0)) {
        ledig = s.getLocalPort();
      }
      java.util.Iterator<Integer> porter = List.of(tagen.getLocalPort(), ledig).iterator();
      var engine = EmbeddedStack.startaMotor(porter::next);
      try {
        assertThat(EmbeddedStack.port(engine)).isEqualTo(ledig);
      } finally {
        engine.stop();
      }

      long tradarFore = aktorstradar();
      java.util.Iterator<Integer> upptagna =
          List.of(tagen.getLocalPort(), ocksaTagen.getLocalPort(), tagen.getLocalPort()).iterator();
      assertThatThrownBy(() -> EmbeddedStack.startaMotor(upptagna::next))
          .hasMessageContaining(
              "Kunde inte starta inbyggd Zeebe-motor på port " + tagen.getLocalPort())
          .satisfies(
              e -> assertThat(e.getSuppressed()).as("de tidigare försöken följer med").hasSize(1));
      assertThat(upptagna).as("tre försök").isExhausted();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(aktorstradar())
                      .as("de misslyckade motorernas trådar är stoppade")
                      .isLessThanOrEqualTo(tradarFore));
    }
  }

  @Test
  void ettAnnatFelAnEnTagenPortProvasInteIgen() {
    java.util.concurrent.atomic.AtomicInteger forsok =
        new java.util.concurrent.atomic.AtomicInteger();
    assertThatThrownBy(
            () ->
                EmbeddedStack.startaMotor(
                    () -> {
                      forsok.incrementAndGet();
                      return -1;
                    }))
        .hasMessageContaining("Kunde inte starta inbyggd Zeebe-motor på port -1");
    assertThat(forsok).hasValue(1);
  }

  @Test
  void forstaFeletIOrdningKastasOchDeSomStartadeStoppasBaklanges() {
    List<String> stoppade = new CopyOnWriteArrayList<>();
    var forsta = EmbeddedStack.Start.pa("a", () -> "a", stoppade::add);
    var trasig = trasig("b", stoppade);
    var tredje = EmbeddedStack.Start.pa("c", () -> "c", stoppade::add);
    var ocksaTrasig = trasig("d", stoppade);

    assertThatThrownBy(() -> EmbeddedStack.vantaPaAlla(forsta, trasig, null, tredje, ocksaTrasig))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Kunde inte starta b");
    assertThat(stoppade).containsExactly("c", "a");
  }

  /** The live threads of engines' actor schedulers in this JVM. */
  private static long aktorstradar() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("zb-"))
        .count();
  }

  /** A start that fails with "Kunde inte starta {@code namn}". */
  private static EmbeddedStack.Start<String> trasig(String namn, List<String> stoppade) {
    return EmbeddedStack.Start.pa(
        namn,
        () -> {
          throw new IllegalStateException("Kunde inte starta " + namn);
        },
        stoppade::add);
  }

  @Test
  void allaStartadeKastarIngetOchStopparInget() {
    List<String> stoppade = new CopyOnWriteArrayList<>();
    var a = EmbeddedStack.Start.pa("a", () -> "a", stoppade::add);
    var b = EmbeddedStack.Start.pa("b", () -> "b", stoppade::add);

    EmbeddedStack.vantaPaAlla(a, b);

    assertThat(a.tjanst()).isEqualTo("a");
    assertThat(b.tjanst()).isEqualTo("b");
    assertThat(stoppade).isEmpty();
  }

  /**
   * The services start side by side: a Kafka broker's start, which takes seconds and takes turns
   * with other brokers' starts, holds up no other service's port (PostgreSQL's start once waited
   * for the whole of it). The broker's start is held in the middle, where it hands over the
   * clean-up of its directories, while a port is asked for.
   */
  @Test
  void enPortDelasUtMedanKafkaStartar() throws Exception {
    var iStarten = new CountDownLatch(1);
    var fortsatt = new CountDownLatch(1);
    List<Runnable> stadning =
        new CopyOnWriteArrayList<>() {
          @Override
          public boolean add(Runnable r) {
            iStarten.countDown();
            try {
              fortsatt.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.add(r);
          }
        };
    var kafka = new AtomicReference<EmbeddedKafkaKraftBroker>();
    var fel = new AtomicReference<Throwable>();
    Thread start =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    kafka.set(EmbeddedStack.startKafka(0, stadning));
                  } catch (Throwable t) {
                    fel.set(t);
                  }
                });
    try {
      assertThat(iStarten.await(60, TimeUnit.SECONDS))
          .as(() -> "Kafkas start nådde sin städning (" + fel.get() + ")")
          .isTrue();
      var port = CompletableFuture.supplyAsync(EmbeddedStack::freePort);
      assertThat(port)
          .as("en port delas ut medan Kafka startar")
          .succeedsWithin(Duration.ofSeconds(5));
    } finally {
      fortsatt.countDown();
      start.join(Duration.ofSeconds(60));
      if (kafka.get() != null) {
        kafka.get().destroy();
      }
      stadning.forEach(Runnable::run);
    }
    assertThat(fel.get()).isNull();
  }

  /** The data directories of embedded databases that this JVM owns. */
  private static Set<Path> egnaDatabaser() throws IOException {
    Path bas = InbyggdPostgres.baskatalog();
    if (!Files.isDirectory(bas)) {
      return Set.of();
    }
    String pid = Long.toString(ProcessHandle.current().pid());
    try (Stream<Path> filer = Files.list(bas)) {
      return filer
          .filter(f -> f.getFileName().toString().endsWith(InbyggdPostgres.AGARFIL_SLUT))
          .filter(f -> agare(f).equals(pid))
          .collect(Collectors.toSet());
    }
  }

  private static String agare(Path agarfil) {
    try {
      return Files.readString(agarfil).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
