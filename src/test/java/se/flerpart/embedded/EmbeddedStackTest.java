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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded services start side by side; when one cannot start, start-up fails with its own
 * message and the others are stopped again.
 */
class EmbeddedStackTest {

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
