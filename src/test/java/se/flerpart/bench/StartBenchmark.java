package se.flerpart.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Start-up and memory of the packaged application (the embedded default with its demo data), in the
 * three ways the README gives:
 *
 * <ul>
 *   <li>{@code java -Xmx<bench.xmx> -jar target/flerpart-*.jar};
 *   <li>the jar extracted ({@code -Djarmode=tools extract}), its classes in plain jar files;
 *   <li>the extracted jar started with the JVM's AOT cache ({@code -XX:AOTCache}, JDK 25 or later),
 *       which a training run made first: the extracted jar started with {@code -XX:AOTCacheOutput}
 *       and {@code flerpart.avsluta-nar-redo=true}.
 * </ul>
 *
 * Each is started {@code bench.starter} times (3), in turn, as a child process: the time until
 * {@code /actuator/health} answers UP, then some load (a logged-in session registers cases and
 * reads the task list), then the process's resident memory (VmRSS in /proc/&lt;pid&gt;/status).
 * Then the same three ways against the services as processes of their own, as in production ({@link
 * #motEgnaTjanster}). The jar must be packaged first: the bench profile runs after package.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
class StartBenchmark {

  private static final String XMX = System.getProperty("bench.xmx", "512m");
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  record Matning(double startSek, long rssMb) {}

  @Test
  void startOchMinne() throws Exception {
    Path jar = Path.of(System.getProperty("bench.jar", "target/flerpart-0.1.0-SNAPSHOT.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " saknas: paketera först (./mvnw -Pbench verify)");
    }
    int starter = Benchresultat.heltal("bench.starter", 3);
    boolean aot = Runtime.version().feature() >= 25;
    Path utpackad = Path.of("target", "bench", "aot");
    Path cache = utpackad.resolve("flerpart.aot");
    Path utpackadJar = utpackad.resolve(jar.getFileName());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("xmx", XMX);
    r.put("starter", starter);
    radera(utpackad);
    korTillSlut(
        List.of(
            JAVA,
            "-Djarmode=tools",
            "-jar",
            jar.toString(),
            "extract",
            "--destination",
            utpackad.toString()));
    if (aot) {
      long t0 = System.nanoTime();
      korTillSlut(
          List.of(
              JAVA,
              "-Xmx" + XMX,
              "-XX:AOTCacheOutput=" + cache,
              "-jar",
              utpackadJar.toString(),
              "--server.port=0",
              "--flerpart.embedded.kafka-port=0",
              "--flerpart.avsluta-nar-redo=true"));
      r.put("aotTraningSekunder", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
      r.put("aotCacheMb", Math.round(Files.size(cache) / 1024.0 / 1024.0));
    }
    List<Matning> utan = new ArrayList<>();
    List<Matning> uppackad = new ArrayList<>();
    List<Matning> med = new ArrayList<>();
    for (int i = 0; i < starter; i++) {
      utan.add(mat(List.of(JAVA, "-Xmx" + XMX, "-jar", jar.toString()), Map.of()));
      uppackad.add(mat(List.of(JAVA, "-Xmx" + XMX, "-jar", utpackadJar.toString()), Map.of()));
      if (aot) {
        med.add(
            mat(
                List.of(
                    JAVA, "-Xmx" + XMX, "-XX:AOTCache=" + cache, "-jar", utpackadJar.toString()),
                Map.of()));
      }
    }
    sammanfatta(r, "startTillFrisk", "rssMbEfterLast", utan);
    sammanfatta(r, "startUppackad", "rssMbEfterLastUppackad", uppackad);
    if (aot) {
      sammanfatta(r, "startMedAotCache", "rssMbEfterLastMedAotCache", med);
    } else {
      r.put("startMedAotCache", "kräver JDK 25 eller senare");
    }
    r.put("last", "50 ärenden registrerade och uppgiftslistan läst 50 gånger");
    motEgnaTjanster(r, jar, utpackadJar, aot ? cache : null, starter);
    Benchresultat.skriv("start", r);
  }

  /**
   * The same starts against the engine, PostgreSQL, Kafka and SMTP as processes of their own (as in
   * production, where Flerpart embeds none of them): the services are started first, one start of
   * the jar migrates the schema and seeds the demo data (its time reported apart), then each way is
   * started {@code starter} times, in turn, against the migrated database. The AOT cache is the one
   * trained above on the embedded default, as the Docker image's is.
   */
  private static void motEgnaTjanster(
      Map<String, Object> r, Path jar, Path utpackadJar, Path cache, int starter) throws Exception {
    Path katalog = Path.of("target", "bench", "tjanster").toAbsolutePath();
    radera(katalog);
    Files.createDirectories(katalog);
    String losenord = "start-" + UUID.randomUUID();
    int motor = ledigPort();
    int postgres = ledigPort();
    int kafka = ledigPort();
    int smtp = ledigPort();
    Map<String, List<String>> tjanster = new LinkedHashMap<>();
    tjanster.put("motor", List.of(motor + "", ledigPort() + ""));
    tjanster.put("postgres", List.of(postgres + "", katalog.resolve("pgdata").toString()));
    tjanster.put("kafka", List.of(kafka + ""));
    tjanster.put("smtp", List.of(smtp + "", ledigPort() + ""));
    List<Process> processer = new ArrayList<>();
    try {
      for (var t : tjanster.entrySet()) {
        ProcessBuilder pb =
            EgnaTjanster.tjanst(
                JAVA, jar, katalog, losenord, t.getKey(), t.getValue().toArray(String[]::new));
        pb.redirectOutput(katalog.resolve(t.getKey() + ".log").toFile());
        processer.add(pb.start());
      }
      long grans = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      for (String namn : tjanster.keySet()) {
        Path logg = katalog.resolve(namn + ".log");
        while (!Files.readString(logg).contains(namn + " redo")) {
          if (System.nanoTime() > grans) {
            throw new IllegalStateException(namn + " blev inte redo; se " + logg);
          }
          Thread.sleep(200);
        }
      }
      Map<String, String> miljo = new LinkedHashMap<>();
      EgnaTjanster.pekaPa(miljo, motor, postgres, losenord, kafka, smtp);
      Matning forsta = mat(List.of(JAVA, "-Xmx" + XMX, "-jar", jar.toString()), miljo);
      r.put("motEgnaTjansterForstaStartSekunder", forsta.startSek());
      List<Matning> utan = new ArrayList<>();
      List<Matning> uppackad = new ArrayList<>();
      List<Matning> med = new ArrayList<>();
      for (int i = 0; i < starter; i++) {
        utan.add(mat(List.of(JAVA, "-Xmx" + XMX, "-jar", jar.toString()), miljo));
        uppackad.add(mat(List.of(JAVA, "-Xmx" + XMX, "-jar", utpackadJar.toString()), miljo));
        if (cache != null) {
          med.add(
              mat(
                  List.of(
                      JAVA, "-Xmx" + XMX, "-XX:AOTCache=" + cache, "-jar", utpackadJar.toString()),
                  miljo));
        }
      }
      sammanfatta(r, "motEgnaTjansterStart", "motEgnaTjansterRssMb", utan);
      sammanfatta(r, "motEgnaTjansterStartUppackad", "motEgnaTjansterRssMbUppackad", uppackad);
      if (cache != null) {
        sammanfatta(r, "motEgnaTjansterStartMedAotCache", "motEgnaTjansterRssMbMedAotCache", med);
      }
    } finally {
      for (Process p : processer.reversed()) {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  /** The median start and resident memory of one way's starts, and every start. */
  private static void sammanfatta(
      Map<String, Object> r, String start, String rss, List<Matning> matningar) {
    r.put(start + "Sekunder", median(matningar.stream().map(Matning::startSek).toList()));
    r.put(start + "AllaSekunder", matningar.stream().map(Matning::startSek).toList());
    r.put(rss, Math.round(median(matningar.stream().map(m -> (double) m.rssMb()).toList())));
  }

  /**
   * One start of {@code kommando} with {@code miljo} added to its environment: seconds to healthy,
   * then the load, then VmRSS.
   */
  private static Matning mat(List<String> kommando, Map<String, String> miljo) throws Exception {
    int port = ledigPort();
    List<String> medPort = new ArrayList<>(kommando);
    medPort.add("--server.port=" + port);
    medPort.add("--flerpart.embedded.kafka-port=0");
    Path logg = Files.createTempFile("flerpart-start", ".log");
    long start = System.nanoTime();
    ProcessBuilder pb =
        new ProcessBuilder(medPort).redirectErrorStream(true).redirectOutput(logg.toFile());
    pb.environment().putAll(miljo);
    Process p = pb.start();
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
          if (svar.statusCode() == 200 && svar.body().startsWith("{\"status\":\"UP\"")) {
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
        anna.aktualisera("Minnesmätning");
        anna.get("/api/uppgifter?vy=mina");
      }
      Thread.sleep(2000);
      long rssMb = Math.round(Processminne.kb(p.pid(), "VmRSS") / 1024.0);
      System.out.println(
          "BENCH start "
              + startSek
              + " s, RSS "
              + rssMb
              + " MB: "
              + String.join(" ", kommando)
              + (miljo.isEmpty() ? "" : " (mot egna tjänster)"));
      return new Matning(startSek, rssMb);
    } finally {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(logg);
    }
  }

  private static void korTillSlut(List<String> kommando) throws Exception {
    Path logg = Files.createTempFile("flerpart-aot", ".log");
    Process p =
        new ProcessBuilder(kommando)
            .redirectErrorStream(true)
            .redirectOutput(logg.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("Tog mer än 5 minuter: " + kommando + "; se " + logg);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "Slutkod " + p.exitValue() + ": " + kommando + "; se " + logg);
    }
    Files.delete(logg);
  }

  private static double median(List<Double> varden) {
    List<Double> sorterade = varden.stream().sorted().toList();
    int n = sorterade.size();
    return n % 2 == 1
        ? sorterade.get(n / 2)
        : Math.round((sorterade.get(n / 2 - 1) + sorterade.get(n / 2)) * 50) / 100.0;
  }

  private static void radera(Path katalog) throws IOException {
    if (Files.exists(katalog)) {
      try (Stream<Path> alla = Files.walk(katalog)) {
        for (Path fil : alla.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(fil);
        }
      }
    }
  }

  private static int ledigPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
