package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flerpart started as a process of its own, the way a service manager starts it: a start that fails
 * ends the process (exit code 1) rather than leaving a JVM that neither serves nor exits, and the
 * AOT cache's training run ({@code flerpart.avsluta-nar-redo}) ends by itself once the application
 * is ready, with exit code 0 and nothing of the embedded stack left running.
 */
class StartSomProcessTest {

  @TempDir Path katalog;

  @Test
  void enStartSomMisslyckasAvslutarProcessen() throws Exception {
    try (ServerSocket upptagen = new ServerSocket(0)) {
      Path logg = katalog.resolve("start.log");
      Process p =
          starta(logg, "--server.port=" + upptagen.getLocalPort(), "--flerpart.demo.arenden=false");
      try {
        boolean slut = p.waitFor(3, TimeUnit.MINUTES);
        assertThat(slut).as("processen avslutades, logg:%n%s", text(logg)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(text(logg)).contains("APPLICATION FAILED TO START");
      } finally {
        stoppa(p);
      }
    }
  }

  @Test
  void traningskorningenAvslutasNarFlerpartArRedo() throws Exception {
    Path logg = katalog.resolve("traning.log");
    Process p = starta(logg, "--server.port=0", "--flerpart.avsluta-nar-redo=true");
    try {
      boolean slut = p.waitFor(3, TimeUnit.MINUTES);
      assertThat(slut).as("processen avslutades, logg:%n%s", text(logg)).isTrue();
      assertThat(p.exitValue()).as("slutkod, logg:%n%s", text(logg)).isZero();
      String text = text(logg);
      assertThat(text)
          .as("redo först: processerna driftsatta och demodatan skapad")
          .contains("Driftsatte", "Demoärenden skapade", "Demoavvikelser skapade")
          .contains("Graceful shutdown complete")
          .doesNotContain("APPLICATION FAILED TO START");
      assertThat(text.indexOf("Commencing graceful shutdown"))
          .isGreaterThan(text.indexOf("Demoavvikelser skapade"));
      assertThat(kvarvarandeProcesser())
          .as("inget av den inbyggda stacken kör kvar (PostgreSQL i %s)", katalog)
          .isEmpty();
    } finally {
      stoppa(p);
    }
  }

  /** SIGTERM first, so that a process that did not end stops its embedded stack too. */
  private static void stoppa(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }

  private Process starta(Path logg, String... argument) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> kommando =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-Djava.io.tmpdir=" + katalog,
                "-cp",
                klassvag(),
                FlerpartApplication.class.getName(),
                "--flerpart.embedded.kafka-port=0"));
    kommando.addAll(List.of(argument));
    return new ProcessBuilder(kommando)
        .redirectErrorStream(true)
        .redirectOutput(logg.toFile())
        .start();
  }

  /**
   * The test's class path without empty entries: surefire's ends with a separator, which a JVM
   * reads as the working directory, and the repository's own {@code processes/} and {@code forms/}
   * would then be deployed twice.
   */
  private static String klassvag() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(del -> !del.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Processes whose command line names this test's temporary directory (the embedded database). */
  private List<String> kvarvarandeProcesser() {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .flatMap(h -> h.info().commandLine().stream())
        .filter(rad -> rad.contains(katalog.toString()))
        .toList();
  }

  private static String text(Path fil) throws IOException {
    return Files.exists(fil) ? Files.readString(fil) : "";
  }
}
