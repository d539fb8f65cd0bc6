package se.flerpart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.arende.ArendeService;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * Complete cases per second through the REST API: N clients (bench.klienter, default 8), each with
 * its own logged-in sessions for anna, bengt and cecilia, take one case each per round
 * (bench.omgangar rounds, default 5, after one warm-up round) from aktualisering through samtycke,
 * beredning, kallelse, the meeting with its plan, the follow-up and avslut. The engine clock is
 * moved by one admin session between the phases of a round, while no client is working (a meeting
 * needs its time to come, the follow-up its date).
 *
 * <p>Also the time from finishing a step to the next task being visible in {@code GET
 * /api/uppgifter}: the client polls its own case ({@code arende=<nummer>}) every 5 ms from the
 * moment the step's answer arrives. This is an upper bound on "job created → visible", as it also
 * holds the engine's processing of the completion.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ArendeflodeBenchmark {

  private static final Duration POLL = Duration.ofMillis(5);

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;

  private final List<Long> synlig = Collections.synchronizedList(new ArrayList<>());

  /** One client's sessions and the case it is working on. */
  private final class Klient {
    final Session anna = Session.inloggad(port, "anna");
    final Session bengt = Session.inloggad(port, "bengt");
    final Session cecilia = Session.inloggad(port, "cecilia");
    String id;
    String nummer;
    boolean mats;

    void fram() {
      Session.Svar skapat =
          anna.post(
              "/api/arenden",
              Map.of(
                  "personnummer", "19121212-1212",
                  "insats", "flerpartssamverkan",
                  "skal", "Prestandamätning",
                  "behov", List.of("FK", "AF")));
      krav(skapat, 201);
      long klar = System.nanoTime();
      id = skapat.kropp().path("id").asText();
      nummer = skapat.kropp().path("arendenummer").asText();
      JsonNode samtycke = vanta(anna, "mina", "inhamta-samtycke", klar);
      krav(
          anna.post(
              slutfor(samtycke),
              Map.of(
                  "samtycke",
                  "JA",
                  "samtyckeForm",
                  "SKRIFTLIGT",
                  "samtyckeParter",
                  List.of("FK", "AF", "KOMMUN-UPPSALA"),
                  "susSamtycke",
                  true)),
          200);
      klar = System.nanoTime();
      JsonNode beredning = vanta(bengt, "grupp", "bered-arende", klar);
      krav(
          bengt.post(
              slutfor(beredning),
              Map.of(
                  "beslut", "JA",
                  "motivering", "Behov hos flera parter",
                  "arendebarare", "anna")),
          200);
      klar = System.nanoTime();
      JsonNode kallelse = vanta(anna, "mina", "forbered-kallelse", klar);
      Instant motesTid = motor.nu().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
      krav(
          anna.post(
              slutfor(kallelse),
              Map.of(
                  "syfte", "Gemensam plan",
                  "motesTid", motesTid.atOffset(ZoneOffset.UTC).toString(),
                  "plats", "Kontaktcenter",
                  "ordforande", "cecilia",
                  "deltagare",
                      List.of(
                          Map.of("namn", "Bengt Ek", "epost", "bengt@af.example", "part", "AF")))),
          200);
    }

    void mote() {
      JsonNode mote = vanta(cecilia, "mina", "genomfor-mote", -1);
      LocalDate idag = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
      krav(
          cecilia.post(
              slutfor(mote),
              Map.of(
                  "narvaro", List.of(Map.of("epost", "bengt@af.example", "narvarande", true)),
                  "plan",
                      Map.of(
                          "mal", "Arbete",
                          "atgarder",
                              List.of(
                                  Map.of(
                                      "beskrivning", "Arbetsprövning",
                                      "ansvarigPart", "AF",
                                      "ansvarig", "Bengt Ek",
                                      "senast", idag.plusMonths(1).toString())),
                          "uppfoljningsdatum", idag.plusMonths(2).toString()))),
          200);
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

    /** Polls the case's tasks until the one sought is there; records the wait when timed. */
    JsonNode vanta(Session s, String vy, String elementId, long fran) {
      long grans = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < grans) {
        Session.Svar svar = s.get("/api/uppgifter?vy=" + vy + "&arende=" + nummer);
        krav(svar, 200);
        for (JsonNode u : svar.kropp()) {
          if (elementId.equals(u.path("elementId").asText())
              && id.equals(u.path("arendeId").asText())) {
            if (fran > 0 && mats) {
              synlig.add(System.nanoTime() - fran);
            }
            return u;
          }
        }
        sov(fran > 0 ? POLL : Duration.ofMillis(20));
      }
      throw new IllegalStateException(elementId + " syntes inte i ärende " + nummer);
    }
  }

  @Test
  void heltArendeGenomApiet() throws Exception {
    int n = Benchresultat.heltal("bench.klienter", 8);
    int omgangar = Benchresultat.heltal("bench.omgangar", 5);
    int perKlient = Benchresultat.heltal("bench.arendenPerKlient", 4);
    Session admin = Session.inloggad(port, "admin");
    List<Klient> klienter = new ArrayList<>();
    for (int i = 0; i < n * perKlient; i++) {
      klienter.add(new Klient());
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      omgang(pool, klienter, admin, false);
      long start = System.nanoTime();
      for (int i = 0; i < omgangar; i++) {
        omgang(pool, klienter, admin, true);
      }
      double sekunder = (System.nanoTime() - start) / 1e9;
      int arenden = n * perKlient * omgangar;
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("klienter", n);
      r.put("arendenPerKlientOchOmgang", perKlient);
      r.put("arenden", arenden);
      r.put("sekunder", Math.round(sekunder * 100) / 100.0);
      r.put("arendenPerSekund", Math.round(arenden / sekunder * 100) / 100.0);
      r.put("autentisering", "inloggad session (formulärinloggning, sessionscookie, CSRF-rubrik)");
      r.put("uppgiftSynligMatningar", synlig.size());
      r.put("uppgiftSynligP50Ms", Benchresultat.percentil(synlig, 50));
      r.put("uppgiftSynligP99Ms", Benchresultat.percentil(synlig, 99));
      r.put("uppgiftSynligMaxMs", Benchresultat.percentil(synlig, 100));
      Benchresultat.skriv("helaArenden", r);
    } finally {
      pool.shutdownNow();
    }
  }

  private void omgang(ExecutorService pool, List<Klient> klienter, Session admin, boolean mats)
      throws Exception {
    klienter.forEach(k -> k.mats = mats);
    alla(pool, klienter, Klient::fram);
    krav(admin.post("/api/dev/klocka", Map.of("fram", "PT3H")), 200);
    alla(pool, klienter, Klient::mote);
    krav(admin.post("/api/dev/klocka", Map.of("fram", "P64D")), 200);
    alla(pool, klienter, Klient::avslut);
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
