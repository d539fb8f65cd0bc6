package se.flerpart.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Start-up and memory of the packaged application: starts {@code java -Xmx<bench.xmx> -jar
 * target/flerpart-*.jar} (the embedded default with its demo data) as a child process, measures the
 * time until {@code /actuator/health} answers UP, puts some load on it (a logged-in session
 * registers cases and reads the task list), and reads the process's resident memory (VmRSS in
 * /proc/&lt;pid&gt;/status). The jar must be packaged first: the bench profile runs after package.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
class StartBenchmark {

  @Test
  void startOchMinne() throws Exception {
    Path jar = Path.of(System.getProperty("bench.jar", "target/flerpart-0.1.0-SNAPSHOT.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " saknas: paketera först (./mvnw -Pbench verify)");
    }
    String xmx = System.getProperty("bench.xmx", "512m");
    String java = ProcessHandle.current().info().command().orElse("java");
    int port = ledigPort();
    Path logg = Files.createTempFile("flerpart-start", ".log");
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx" + xmx,
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--flerpart.embedded.kafka-port=0"))
            .redirectErrorStream(true)
            .redirectOutput(logg.toFile())
            .start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      double startSek = -1;
      long grans = System.nanoTime() + Duration.ofSeconds(180).toNanos();
      while (System.nanoTime() < grans && p.isAlive()) {
        try {
          HttpResponse<String> svar =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/actuator/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (svar.statusCode() == 200 && svar.body().contains("\"UP\"")) {
            startSek = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
            break;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      if (startSek < 0) {
        throw new IllegalStateException("Flerpart blev inte frisk; se " + logg);
      }
      Session anna = Session.inloggad(port, "anna");
      for (int i = 0; i < 50; i++) {
        anna.post(
            "/api/arenden",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Minnesmätning",
                "behov", List.of("FK", "AF")));
        anna.get("/api/uppgifter?vy=mina");
      }
      Thread.sleep(2000);
      long rssKb = rss(p.pid());
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("xmx", xmx);
      r.put("startTillFriskSekunder", startSek);
      r.put("rssMbEfterLast", Math.round(rssKb / 1024.0));
      r.put("last", "50 ärenden registrerade och uppgiftslistan läst 50 gånger");
      Benchresultat.skriv("start", r);
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(logg);
    }
  }

  private static long rss(long pid) throws IOException {
    for (String rad : Files.readAllLines(new File("/proc/" + pid + "/status").toPath())) {
      if (rad.startsWith("VmRSS:")) {
        return Long.parseLong(rad.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("Ingen VmRSS för process " + pid);
  }

  private static int ledigPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
