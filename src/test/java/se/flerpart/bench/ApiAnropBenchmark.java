package se.flerpart.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one request of the JSON API costs when nothing else runs: one logged-in session (cookie and
 * CSRF token, as the end-to-end clients) asks for the same thing again and again from one thread,
 * so that the CPU of the whole process and of PostgreSQL, divided by the requests, is what a
 * request costs and not what waiting for others costs. Two requests, each bench.apiAnrop times
 * (default 5 000) after bench.apiUppvarmning (default 10 000) to let the JIT compile them: a case's
 * tasks ({@code GET /api/uppgifter?arende=<nummer>}, what a client waiting for its next step asks
 * most often) and the case itself ({@code GET /api/arenden/<id>}, a read of personal data, so
 * audited).
 *
 * <p>Per request it reports the time (p50, p99), the CPU in microseconds part by part ({@link
 * Cpufordelning}: {@code http} is the request's own thread, {@code klienter} the benchmark's
 * client) and PostgreSQL's transactions and rows ({@link Databasarbete}). The end-to-end run spends
 * about a sixth of a case's CPU in the HTTP requests; this shows how much of a request is the
 * framework around the controller, and moves with every change to it by more than the hour's noise
 * does.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ApiAnropBenchmark {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void apiAnrop() {
    int uppvarmning = Benchresultat.heltal("bench.apiUppvarmning", 10000);
    int anrop = Benchresultat.heltal("bench.apiAnrop", 5000);
    Session anna = Session.inloggad(port, "anna");
    Session.Svar skapat = anna.aktualisera("Mätning av ett API-anrop");
    if (skapat.status() != 201) {
      throw new IllegalStateException("Ärendet skapades inte: " + skapat);
    }
    String id = skapat.kropp().path("id").asText();
    String nummer = skapat.kropp().path("arendenummer").asText();
    Path postgresData = Path.of(jdbc.sql("show data_directory").query(String.class).single());

    Map<String, Object> resultat = new LinkedHashMap<>();
    resultat.put("anrop", anrop);
    resultat.put("uppvarmning", uppvarmning);
    resultat.put(
        "uppgifterForEttArende",
        mat(anna, "/api/uppgifter?arende=" + nummer, uppvarmning, anrop, postgresData));
    resultat.put("ettArende", mat(anna, "/api/arenden/" + id, uppvarmning, anrop, postgresData));
    Benchresultat.skriv("apiAnrop", resultat);
  }

  /** Asks for {@code sokvag} on a client thread of its own, and what it cost per request. */
  private Map<String, Object> mat(
      Session session, String sokvag, int uppvarmning, int anrop, Path postgresData) {
    var pool = Cpufordelning.klientpool(1);
    try {
      return pool.submit(
              () -> {
                for (int i = 0; i < uppvarmning; i++) {
                  krav(session.get(sokvag), sokvag);
                }
                // The counts of the warm-up's last transactions reach the statistics first.
                Thread.sleep(1500);
                Databasarbete.Ogonblick databasFore = Databasarbete.ogonblick(jdbc);
                Cpufordelning.Ogonblick cpuFore = Cpufordelning.ogonblick(postgresData);
                Map<String, Long> allokeratFore = allokerat();
                List<Long> tider = new ArrayList<>(anrop);
                long start = System.nanoTime();
                for (int i = 0; i < anrop; i++) {
                  long t = System.nanoTime();
                  krav(session.get(sokvag), sokvag);
                  tider.add(System.nanoTime() - t);
                }
                double sekunder = (System.nanoTime() - start) / 1e9;
                Cpufordelning.Ogonblick cpuEfter = Cpufordelning.ogonblick(postgresData);
                Map<String, Long> allokeratEfter = allokerat();
                Thread.sleep(1500);
                Map<String, Double> databas =
                    Databasarbete.perArende(databasFore, Databasarbete.ogonblick(jdbc), anrop);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("sokvag", sokvag.replaceAll("[0-9a-f-]{36}|\\d{4}-\\d+", "…"));
                r.put("anropPerSekund", Math.round(anrop / sekunder * 10) / 10.0);
                r.put("p50Ms", Benchresultat.percentil(tider, 50));
                r.put("p99Ms", Benchresultat.percentil(tider, 99));
                // Per thousand requests in ms: per request in microseconds.
                Map<String, Double> cpu =
                    Cpufordelning.perArende(cpuFore, cpuEfter, anrop / 1000.0);
                r.put("cpuPerAnropMikrosekunder", cpu);
                r.put("servernsCpuPerAnropMikrosekunder", servern(cpu));
                Map<String, Long> allokeratPerAnrop = new LinkedHashMap<>();
                allokeratEfter.forEach(
                    (del, bytes) ->
                        allokeratPerAnrop.put(
                            del, (bytes - allokeratFore.getOrDefault(del, 0L)) / anrop));
                r.put("allokeratPerAnropBytes", allokeratPerAnrop);
                r.put("databasenPerAnrop", databas);
                System.out.printf(
                    "BENCH API-anrop %s: %s anrop/s, p50 %s ms, p99 %s ms, servern %s µs CPU per"
                        + " anrop (%s), allokerat per anrop %s%n",
                    r.get("sokvag"),
                    r.get("anropPerSekund"),
                    r.get("p50Ms"),
                    r.get("p99Ms"),
                    r.get("servernsCpuPerAnropMikrosekunder"),
                    cpu,
                    allokeratPerAnrop);
                return r;
              })
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("Mätningen av " + sokvag + " avbröts", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The bytes allocated on the heap so far by the live threads, part by part ({@link
   * Cpufordelning#del}): unlike CPU time, what a request allocates does not change with how fast
   * the machine is this hour, so it shows a change to a request's work in a single run.
   */
  static Map<String, Long> allokerat() {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = mx.getAllThreadIds();
    long[] bytes = mx.getThreadAllocatedBytes(ids);
    ThreadInfo[] info = mx.getThreadInfo(ids);
    Map<String, Long> r = new TreeMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (info[i] != null && bytes[i] >= 0) {
        r.merge(Cpufordelning.del(info[i].getThreadName()), bytes[i], Long::sum);
      }
    }
    return r;
  }

  /** Everything but the benchmark's own client: what the server (with PostgreSQL) spent. */
  static double servern(Map<String, Double> cpu) {
    return Math.round((cpu.get("summa") - cpu.get("klienter")) * 10) / 10.0;
  }

  private static void krav(Session.Svar svar, String sokvag) {
    if (svar.status() != 200) {
      throw new IllegalStateException(sokvag + " svarade " + svar.status() + ": " + svar.kropp());
    }
  }
}
