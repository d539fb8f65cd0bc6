package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails ends the process (exit code 1) rather than leaving a JVM that neither serves
 * nor exits: Flerpart started as a process of its own on a port that is taken.
 */
class MisslyckadStartTest {

  @TempDir Path katalog;

  @Test
  void enStartSomMisslyckasAvslutarProcessen() throws Exception {
    try (ServerSocket upptagen = new ServerSocket(0)) {
      String java = ProcessHandle.current().info().command().orElse("java");
      Path logg = katalog.resolve("start.log");
      Process p =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx512m",
                      "-Djava.io.tmpdir=" + katalog,
                      "-cp",
                      System.getProperty("java.class.path"),
                      FlerpartApplication.class.getName(),
                      "--server.port=" + upptagen.getLocalPort(),
                      "--flerpart.embedded.kafka-port=0",
                      "--flerpart.demo.arenden=false"))
              .redirectErrorStream(true)
              .redirectOutput(logg.toFile())
              .start();
      try {
        boolean slut = p.waitFor(3, TimeUnit.MINUTES);
        assertThat(slut).as("processen avslutades, logg:%n%s", text(logg)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(text(logg)).contains("APPLICATION FAILED TO START");
      } finally {
        p.destroyForcibly();
      }
    }
  }

  private static String text(Path fil) throws IOException {
    return Files.exists(fil) ? Files.readString(fil) : "";
  }
}
