package se.flerpart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;

/**
 * Complete cases per second through the REST API: N clients (bench.klienter, default 8), each with
 * its own logged-in sessions for anna, bengt and cecilia, take one case each per round
 * (bench.omgangar rounds, default 5, after the warm-up of {@link Uppvarmning}) from aktualisering
 * through samtycke, beredning, kallelse (answered by the invitee through the link in the mail), the
 * meeting with its plan, the follow-up and avslut. The engine clock is moved by one admin session
 * between the phases of a round, while no client is working (a meeting needs its time to come, the
 * follow-up its date).
 *
 * <p>A client waiting for its next task asks for its case's tasks ({@code GET
 * /api/uppgifter?arende=<nummer>&vanta=10}) with the {@code ETag} of its last answer, and the
 * answer comes when the list changes; with bench.vanta=false it asks every bench.pollMs (default 5
 * ms) instead. The requests per case are reported.
 *
 * <p>Then the time from finishing a step to the next task being visible in {@code GET
 * /api/uppgifter}, at a moderate load: bench.latensKlienter clients (default 2) in
 * bench.latensOmgangar rounds (default 6) that wait (or poll every 5 ms) from the moment the step's
 * answer arrives. This is an upper bound on "job created → visible", as it also holds the engine's
 * processing of the completion. The same wait during the throughput part is reported too
 * (uppgiftSynligUnderLast*).
 *
 * <p>Last the load curve ({@code lastkurva}): the same rounds with 1 and 4 clients
 * (bench.lastkurva) beside the 2 of the latency part and the N of the throughput part, each with
 * its cases per second and task-visible p50/p99. It shows at how many clients the cases per second
 * stop growing, past which more clients only wait longer.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ArendeflodeBenchmark {

  /** How often a client in the latency part asks for its case's tasks while it waits. */
  private static final Duration POLL = Duration.ofMillis(5);

  /**
   * Whether a client waits for its next task in one request that answers when the list changes
   * ({@code vanta}, the default) instead of asking every bench.pollMs (bench.vanta=false).
   */
  private static final boolean VANTA =
      Boolean.parseBoolean(System.getProperty("bench.vanta", "true"));

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry registry;

  /** Task visible, measured during the throughput part (to the nearest poll interval). */
  private final List<Long> synligUnderLast = Collections.synchronizedList(new ArrayList<>());

  /**
   * The tasks seen during the throughput part: job key and engine time seen, as for {@link
   * Klient#synliga}.
   */
  private final List<long[]> jobbUnderLast = Collections.synchronizedList(new ArrayList<>());

  /** One client's sessions and the case it is working on. */
  private final class Klient {
    final Session anna = Session.inloggad(port, "anna");
    final Session bengt = Session.inloggad(port, "bengt");
    final Session cecilia = Session.inloggad(port, "cecilia");
    final Session inbjuden = Session.utanInloggning(port);
    String id;
    String nummer;

    /** Whether this round counts; then the waits are recorded in {@link #tider}. */
    boolean mats;

    List<Long> tider;

    /**
     * The timed tasks as they were seen: the task's id (its job's key), the engine's time ({@link
     * EmbeddedMotor#nu()}, in ms) when the answer showing it arrived, and its {@code skapad} (when
     * the user-task worker got its job, on the same clock), for the time from the job's creation.
     */
    List<long[]> synliga;

    /** How often it asks for its case's tasks while it waits for the next one. */
    Duration poll;

    void fram() {
      Session.Svar skapat = anna.aktualisera("Prestandamätning");
      krav(skapat, 201);
      long klar = System.nanoTime();
      id = skapat.kropp().path("id").asText();
      nummer = skapat.kropp().path("arendenummer").asText();
      JsonNode samtycke = vanta(anna, "mina", "inhamta-samtycke", klar);
      krav(
          anna.post(
              slutfor(samtycke),
              ArendeSteg.samtyckeJa(List.of("FK", "AF", "KOMMUN-UPPSALA"), true)),
          200);
      klar = System.nanoTime();
      JsonNode beredning = vanta(bengt, "grupp", "bered-arende", klar);
      krav(bengt.post(slutfor(beredning), ArendeSteg.beredningJa("anna")), 200);
      klar = System.nanoTime();
      JsonNode kallelse = vanta(anna, "mina", "forbered-kallelse", klar);
      Instant motesTid = motor.nu().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
      krav(anna.post(slutfor(kallelse), MotesSteg.kallelse(motesTid)), 200);
      // The invitee answers through the link in the kallelse mail, without a login.
      krav(inbjuden.post("/api/kallelsesvar/" + svarslank(), Map.of("svar", "ACCEPTERAR")), 200);
    }

    /**
     * The answer token of the kallelse mailed to Bengt Ek, the invitee, once it is in the mail
     * outbox (the text the SMTP server gets), asked for every 10 ms.
     */
    String svarslank() {
      long grans = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < grans) {
        Optional<String> text =
            jdbc.sql(
                    "select text from mail_utkorg where arende_id = ?::uuid"
                        + " and 'bengt@af.example' = any(mottagare) and text like '%/svar/%'"
                        + " order by id desc limit 1")
                .param(id)
                .query(String.class)
                .optional();
        if (text.isPresent()) {
          Matcher m = MotesSteg.SVARSLANK.matcher(text.get());
          if (m.find()) {
            return m.group(1);
          }
        }
        sov(Duration.ofMillis(10));
      }
      throw new IllegalStateException("Ingen kallelse med svarslänk i ärende " + nummer);
    }

    void mote() {
      JsonNode mote = vanta(cecilia, "mina", "genomfor-mote", -1);
      LocalDate idag = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
      krav(cecilia.post(slutfor(mote), MotesSteg.moteMedPlan(idag)), 200);
    }

    void avslut() {
      JsonNode uppfoljning = vanta(anna, "mina", "folj-upp-plan", -1);
      JsonNode data =
          anna.get("/api/uppgifter/" + uppfoljning.path("id").asText() + "/formular")
              .kropp()
              .path("data");
      List<Map<String, Object>> status = new ArrayList<>();
      data.path("atgardStatus").forEach(a -> status.add(Map.of("status", "GENOMFORD")));
      Map<String, Object> beslut = new HashMap<>();
      beslut.put("atgardStatus", status);
      beslut.put("progression", 7);
      beslut.put("uppfoljningsbeslut", "AVSLUTA");
      krav(anna.post(slutfor(uppfoljning), beslut), 200);
      long klar = System.nanoTime();
      JsonNode avslut = vanta(anna, "mina", "avsluta-arende", klar);
      krav(anna.post(slutfor(avslut), Map.of("avslutsorsak", "STUDIER")), 200);
    }

    /**
     * Waits for the case's next task: asks the list to answer when it changes ({@code vanta} with
     * the last answer's {@code ETag}), or with bench.vanta=false asks every {@link #poll}; records
     * the wait when timed.
     */
    JsonNode vanta(Session s, String vy, String elementId, long fran) {
      long grans = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String adress = "/api/uppgifter?vy=" + vy + "&arende=" + nummer;
      String etag = null;
      while (System.nanoTime() < grans) {
        Session.Svar svar = VANTA ? s.get(adress + "&vanta=10", etag) : s.get(adress);
        if (VANTA && svar.status() == 304) {
          continue;
        }
        krav(svar, 200);
        etag = svar.etag();
        for (JsonNode u : svar.kropp()) {
          if (elementId.equals(u.path("elementId").asText())
              && id.equals(u.path("arendeId").asText())) {
            if (fran > 0 && mats) {
              tider.add(System.nanoTime() - fran);
              synliga.add(
                  new long[] {
                    u.path("id").asLong(),
                    motor.nu().toEpochMilli(),
                    Instant.parse(u.path("skapad").asText()).toEpochMilli()
                  });
            }
            return u;
          }
        }
        if (!VANTA) {
          sov(poll);
        }
      }
      throw new IllegalStateException(elementId + " syntes inte i ärende " + nummer);
    }
  }

  /**
   * How many times, so far, a request waiting for the task list read it again (after a change it
   * waits for, or at the check for other instances' changes).
   */
  private double omlasningar() {
    return registry.get("flerpart.uppgifter.vanta.omlasningar").functionCounter().count();
  }

  @Test
  void heltArendeGenomApiet() throws Exception {
    int n = Benchresultat.heltal("bench.klienter", 8);
    int omgangar = Benchresultat.heltal("bench.omgangar", 5);
    int perKlient = Benchresultat.heltal("bench.arendenPerKlient", 4);
    Duration poll = Duration.ofMillis(Benchresultat.heltal("bench.pollMs", 5));
    int latensKlienter = Benchresultat.heltal("bench.latensKlienter", 2);
    int latensOmgangar = Benchresultat.heltal("bench.latensOmgangar", 6);
    Session admin = Session.inloggad(port, "admin");
    List<Klient> klienter = klienter(n * perKlient, poll, synligUnderLast, jobbUnderLast);
    ExecutorService pool = Cpufordelning.klientpool(n);
    try {
      Uppvarmning.Resultat uppvarmning =
          Uppvarmning.kor("helaArenden", () -> omgang(pool, klienter, admin, false));
      long forfragningarFore = Session.FORFRAGNINGAR.get();
      double omlasningarFore = omlasningar();
      Databasarbete.Ogonblick databasFore = Databasarbete.ogonblick(jdbc);
      Path postgresData = Path.of(jdbc.sql("show data_directory").query(String.class).single());
      Cpufordelning.Ogonblick cpuFore = Cpufordelning.ogonblick(postgresData);
      Uppvarmning.Matning matning =
          Uppvarmning.mat(omgangar, () -> omgang(pool, klienter, admin, true));
      Cpufordelning.Ogonblick cpuEfter = Cpufordelning.ogonblick(postgresData);
      // The counts of the other backends reach the statistics within a second.
      sov(Duration.ofMillis(1500));
      double sekunder = matning.sekunder();
      int arenden = n * perKlient * omgangar;
      long forfragningar = Session.FORFRAGNINGAR.get() - forfragningarFore;
      double omlasta = omlasningar() - omlasningarFore;
      Map<String, Double> databas =
          Databasarbete.perArende(databasFore, Databasarbete.ogonblick(jdbc), arenden);
      System.out.println("BENCH databasen per ärende: " + databas);
      Map<String, Double> cpu = Cpufordelning.perArende(cpuFore, cpuEfter, arenden);
      Cpufordelning.skrivUt("helaArenden", cpu);
      // What the engine did for these cases and the warm-up's, before the other parts add more.
      Map<String, Long> motorposter = motor.posterPerSlag();
      int arendenHittills = (uppvarmning.omgangar() + omgangar) * n * perKlient;

      // Task visible at a moderate load: few clients, each polling its case every 5 ms.
      Map<String, Object> moderat = lastpunkt(admin, latensKlienter, perKlient, latensOmgangar);

      // The load curve: cases/s and task visible with fewer concurrent clients than the
      // throughput part, to show where more clients stop adding cases and only add waiting.
      List<Map<String, Object>> kurva = new ArrayList<>();
      kurva.add(moderat);
      for (int k : Benchresultat.heltal("bench.lastkurva", List.of(1, 4))) {
        if (k != latensKlienter && k != n) {
          kurva.add(lastpunkt(admin, k, perKlient, omgangarFor(k)));
        }
      }
      Map<String, Object> full = new LinkedHashMap<>();
      full.put("klienter", n);
      full.put("arendenPerSekund", Math.round(arenden / sekunder * 100) / 100.0);
      full.put("uppgiftSynligMatningar", synligUnderLast.size());
      full.put("uppgiftSynligP50Ms", Benchresultat.percentil(synligUnderLast, 50));
      full.put("uppgiftSynligP99Ms", Benchresultat.percentil(synligUnderLast, 99));
      jobbTillSynlig(full, jobbUnderLast);
      kurva.add(full);
      kurva.sort(java.util.Comparator.comparingInt(m -> (Integer) m.get("klienter")));
      for (Map<String, Object> punkt : kurva) {
        System.out.printf(
            "BENCH lastkurva %d klienter: %.2f ärenden/s, uppgift synlig p50 %.1f ms, p99 %.1f ms"
                + " (%d väntor); från jobbet skapades p50 %.1f ms, p99 %.1f ms (%d uppgifter)%n",
            punkt.get("klienter"),
            punkt.get("arendenPerSekund"),
            punkt.get("uppgiftSynligP50Ms"),
            punkt.get("uppgiftSynligP99Ms"),
            punkt.get("uppgiftSynligMatningar"),
            punkt.get("jobbTillSynligP50Ms"),
            punkt.get("jobbTillSynligP99Ms"),
            punkt.get("jobbTillSynligMatningar"));
      }

      Map<String, Object> r = new LinkedHashMap<>();
      r.put("klienter", n);
      r.put("arendenPerKlientOchOmgang", perKlient);
      r.put("arenden", arenden);
      r.put("sekunder", Math.round(sekunder * 100) / 100.0);
      r.put("arendenPerSekund", Math.round(arenden / sekunder * 100) / 100.0);
      r.putAll(uppvarmning.somKarta());
      matning.lagg(r);
      r.put("autentisering", "inloggad session (formulärinloggning, sessionscookie, CSRF-rubrik)");
      r.put("vantarPaAndring", VANTA);
      r.put("pollMs", poll.toMillis());
      r.put("forfragningarPerArende", Math.round(forfragningar * 10.0 / arenden) / 10.0);
      r.put("omlasningarPerArende", Math.round(omlasta * 10.0 / arenden) / 10.0);
      r.put("uppgiftSynligUnderLastP50Ms", Benchresultat.percentil(synligUnderLast, 50));
      r.put("uppgiftSynligUnderLastP99Ms", Benchresultat.percentil(synligUnderLast, 99));
      r.put("jobbTillSynligUnderLastP50Ms", full.get("jobbTillSynligP50Ms"));
      r.put("jobbTillSynligUnderLastP99Ms", full.get("jobbTillSynligP99Ms"));
      r.put("latensKlienter", latensKlienter);
      r.put("latensArendenPerSekund", moderat.get("arendenPerSekund"));
      r.put("uppgiftSynligMatningar", moderat.get("uppgiftSynligMatningar"));
      r.put("uppgiftSynligP50Ms", moderat.get("uppgiftSynligP50Ms"));
      r.put("uppgiftSynligP99Ms", moderat.get("uppgiftSynligP99Ms"));
      r.put("uppgiftSynligMaxMs", moderat.get("uppgiftSynligMaxMs"));
      r.put("jobbTillSynligP50Ms", moderat.get("jobbTillSynligP50Ms"));
      r.put("jobbTillSynligP99Ms", moderat.get("jobbTillSynligP99Ms"));
      r.put("lastkurva", kurva);
      r.put("databasenPerArende", databas);
      r.put("cpuPerArendeMs", cpu);
      r.put("motornsTakArendenPerSekund", Cpufordelning.motornsTak(cpu));
      Benchresultat.motorposter("helaArenden", r, motorposter, arendenHittills);
      Benchresultat.skriv("helaArenden", r);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One point of the load curve: {@code antal} clients, each polling every 5 ms while it waits,
   * take {@code perKlient} cases each per round for {@code omgangar} rounds; the cases per second
   * and the task-visible waits of those rounds.
   */
  private Map<String, Object> lastpunkt(Session admin, int antal, int perKlient, int omgangar)
      throws Exception {
    List<Long> tider = Collections.synchronizedList(new ArrayList<>());
    List<long[]> synliga = Collections.synchronizedList(new ArrayList<>());
    List<Klient> klienter = klienter(antal * perKlient, POLL, tider, synliga);
    ExecutorService pool = Cpufordelning.klientpool(antal);
    long start = System.nanoTime();
    try {
      for (int i = 0; i < omgangar; i++) {
        omgang(pool, klienter, admin, true);
      }
    } finally {
      pool.shutdownNow();
    }
    double sekunder = (System.nanoTime() - start) / 1e9;
    Map<String, Object> punkt = new LinkedHashMap<>();
    punkt.put("klienter", antal);
    punkt.put(
        "arendenPerSekund", Math.round(antal * perKlient * omgangar / sekunder * 100) / 100.0);
    punkt.put("uppgiftSynligMatningar", tider.size());
    punkt.put("uppgiftSynligP50Ms", Benchresultat.percentil(tider, 50));
    punkt.put("uppgiftSynligP99Ms", Benchresultat.percentil(tider, 99));
    punkt.put("uppgiftSynligMaxMs", Benchresultat.percentil(tider, 100));
    jobbTillSynlig(punkt, synliga);
    return punkt;
  }

  /**
   * The time from the engine creating a task's user-task job (its {@code CREATED} record) to the
   * answer showing the task reaching the client, for the tasks of {@code synliga}: p50, p99 and
   * max, and the least, which is never below zero when the two clocks agree (the engine's and
   * {@link EmbeddedMotor#nu()}). Unlike the task-visible wait above, this leaves out the engine's
   * processing of the step before: it is the measure the issue names, "job created → visible".
   * Split in two: to the user-task worker getting the job ({@code jobbTillMottagen*}: the engine
   * handing it out), and from there to visible (storing it, waking the waiting request, and that
   * request reading the list and answering).
   */
  private void jobbTillSynlig(Map<String, Object> punkt, List<long[]> synliga) {
    List<Long> tider = new ArrayList<>();
    List<Long> tillMottagen = new ArrayList<>();
    List<Long> franMottagen = new ArrayList<>();
    synchronized (synliga) {
      Map<Long, Instant> skapade = motor.jobbSkapade(synliga.stream().map(p -> p[0]).toList());
      for (long[] sedd : synliga) {
        Instant skapad = skapade.get(sedd[0]);
        if (skapad == null) {
          throw new IllegalStateException("Motorn har inget jobb " + sedd[0]);
        }
        tider.add((sedd[1] - skapad.toEpochMilli()) * 1_000_000L);
        tillMottagen.add((sedd[2] - skapad.toEpochMilli()) * 1_000_000L);
        franMottagen.add((sedd[1] - sedd[2]) * 1_000_000L);
      }
    }
    punkt.put("jobbTillSynligMatningar", tider.size());
    punkt.put("jobbTillSynligMinMs", Benchresultat.percentil(tider, 0));
    punkt.put("jobbTillSynligP50Ms", Benchresultat.percentil(tider, 50));
    punkt.put("jobbTillSynligP99Ms", Benchresultat.percentil(tider, 99));
    punkt.put("jobbTillSynligMaxMs", Benchresultat.percentil(tider, 100));
    punkt.put("jobbTillMottagenP50Ms", Benchresultat.percentil(tillMottagen, 50));
    punkt.put("jobbTillMottagenP99Ms", Benchresultat.percentil(tillMottagen, 99));
    punkt.put("mottagenTillSynligP50Ms", Benchresultat.percentil(franMottagen, 50));
    punkt.put("mottagenTillSynligP99Ms", Benchresultat.percentil(franMottagen, 99));
  }

  /** Rounds enough for about 48 cases at a point of the load curve, and at least two. */
  private static int omgangarFor(int klienter) {
    int perOmgang = klienter * Benchresultat.heltal("bench.arendenPerKlient", 4);
    return Math.max(2, (48 + perOmgang - 1) / perOmgang);
  }

  private List<Klient> klienter(int antal, Duration poll, List<Long> tider, List<long[]> synliga) {
    List<Klient> klienter = new ArrayList<>();
    for (int i = 0; i < antal; i++) {
      Klient k = new Klient();
      k.poll = poll;
      k.tider = tider;
      k.synliga = synliga;
      klienter.add(k);
    }
    return klienter;
  }

  private void omgang(ExecutorService pool, List<Klient> klienter, Session admin, boolean mats)
      throws Exception {
    klienter.forEach(k -> k.mats = mats);
    long t0 = System.nanoTime();
    alla(pool, klienter, Klient::fram);
    long t1 = System.nanoTime();
    krav(admin.post("/api/dev/klocka", Map.of("fram", "PT3H")), 200);
    long t2 = System.nanoTime();
    alla(pool, klienter, Klient::mote);
    long t3 = System.nanoTime();
    krav(admin.post("/api/dev/klocka", Map.of("fram", "P64D")), 200);
    long t4 = System.nanoTime();
    alla(pool, klienter, Klient::avslut);
    long t5 = System.nanoTime();
    System.out.printf(
        "BENCH omgång %d ärenden: fram %d ms, klocka %d ms, möte %d ms, klocka %d ms, avslut %d"
            + " ms%n",
        klienter.size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000,
        (t5 - t4) / 1_000_000);
  }

  private static void alla(
      ExecutorService pool, List<Klient> klienter, java.util.function.Consumer<Klient> steg)
      throws Exception {
    List<Future<Object>> klara = new ArrayList<>();
    for (Klient k : klienter) {
      Callable<Object> c =
          () -> {
            steg.accept(k);
            return null;
          };
      klara.add(pool.submit(c));
    }
    for (Future<Object> f : klara) {
      f.get();
    }
  }

  private static String slutfor(JsonNode uppgift) {
    return "/api/uppgifter/" + uppgift.path("id").asText() + "/slutfor";
  }

  private static void krav(Session.Svar svar, int status) {
    if (svar.status() != status) {
      throw new IllegalStateException("Väntade " + status + " men fick " + svar);
    }
  }

  private static void sov(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
