package se.flerpart.bench;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobClient;
import io.camunda.zeebe.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.embedded.EmbeddedStack;

/**
 * The engine-only baseline: the same BPMN, DMN and forms (processes/, forms/) on the same in-memory
 * engine, with trivial workers that complete every job at once with the answers the REST run gives
 * (and answer each kallelse), in the same rounds as {@code ArendeflodeBenchmark}: N cases started,
 * the clock moved to the meeting, then to the follow-up. Complete cases per second; the ratio to
 * the REST run is put in resultat.json when both have run.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
class MotorbaslinjeBenchmark {

  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");
  private static final Duration IDLE = Duration.ofSeconds(30);
  private static final List<String> TYPER =
      List.of(
          "io.camunda.zeebe:userTask",
          "planera-uppfoljning",
          "registrera-avvikelse",
          "skicka-aterkoppling",
          "skicka-paminnelse",
          "sus-inregistrering",
          "sus-utregistrering",
          "distribuera-plan",
          "meddela-arendebarare",
          "skicka-kallelse");

  private final AtomicInteger kallade = new AtomicInteger();
  private final AtomicInteger planerade = new AtomicInteger();
  private final AtomicInteger avslutade = new AtomicInteger();
  private volatile Duration framflyttat = Duration.ZERO;
  private ZeebeClient client;

  @Test
  void sammaProcesserMedTrivialaWorkers() throws Exception {
    int n =
        Benchresultat.heltal("bench.klienter", 8)
            * Benchresultat.heltal("bench.arendenPerKlient", 4);
    int omgangar = Benchresultat.heltal("bench.omgangar", 5);
    ZeebeTestEngine engine = EmbeddedStack.startaMotor();
    client = engine.createClient();
    List<JobWorker> workers = new ArrayList<>();
    try {
      var deploy = client.newDeployResourceCommand().addResourceFile(filer().get(0).toString());
      for (Path fil : filer().subList(1, filer().size())) {
        deploy = deploy.addResourceFile(fil.toString());
      }
      deploy.send().join();
      for (String typ : TYPER) {
        workers.add(
            client
                .newWorker()
                .jobType(typ)
                .handler(this::slutfor)
                .maxJobsActive(64)
                .pollInterval(Duration.ofMillis(10))
                .streamEnabled(true)
                .open());
      }
      int[] mal = {0};
      Uppvarmning.Omgang enOmgang = () -> mal[0] = omgang(engine, n, mal[0]);
      Uppvarmning.Resultat uppvarmning = Uppvarmning.kor("motorbaslinje", enOmgang);
      Cpufordelning.Ogonblick cpuFore = Cpufordelning.ogonblick(null);
      Uppvarmning.Matning matning = Uppvarmning.mat(omgangar, enOmgang);
      Cpufordelning.Ogonblick cpuEfter = Cpufordelning.ogonblick(null);
      double sekunder = matning.sekunder();
      int arenden = n * omgangar;
      Map<String, Double> cpu = Cpufordelning.perArende(cpuFore, cpuEfter, arenden);
      Cpufordelning.skrivUt("motorbaslinje", cpu);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("arenden", arenden);
      r.put("sekunder", Math.round(sekunder * 100) / 100.0);
      r.put("arendenPerSekund", Math.round(arenden / sekunder * 100) / 100.0);
      r.putAll(uppvarmning.somKarta());
      matning.lagg(r);
      r.put("cpuPerArendeMs", cpu);
      r.put("motornsTakArendenPerSekund", Cpufordelning.motornsTak(cpu));
      Benchresultat.motorposter(
          "motorbaslinje",
          r,
          EmbeddedMotor.posterPerSlag(engine),
          n * (uppvarmning.omgangar() + omgangar));
      Benchresultat.skriv("motorbaslinje", r);
    } finally {
      workers.forEach(JobWorker::close);
      client.close();
      engine.stop();
    }
  }

  private int omgang(ZeebeTestEngine engine, int n, int fore) throws Exception {
    int mal = fore + n;
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      Map<String, Object> v = new HashMap<>();
      v.put("arendeId", id);
      v.put("arendenummer", "2026-" + (100000 + fore + i));
      v.put("insats", "flerpartssamverkan");
      v.put("referent", "anna");
      v.put("referentPart", "FK");
      v.put("beredningsgrupp", "beredning-flerpartssamverkan");
      v.put("samtyckeFrist", "P14D");
      v.put("maxTid", "P12M");
      v.put("behov", List.of("FK", "AF"));
      v.put("bradskande", false);
      client
          .newPublishMessageCommand()
          .messageName("aktualisering-inkommen")
          .correlationKey(id)
          .messageId("aktualisering-inkommen:" + id)
          .timeToLive(Duration.ZERO)
          .variables(v)
          .send()
          .join();
    }
    vanta(kallade, mal);
    flytta(engine, Duration.ofHours(3));
    vanta(planerade, mal);
    flytta(engine, Duration.ofDays(64));
    vanta(avslutade, mal);
    engine.waitForIdleState(IDLE);
    return mal;
  }

  private void slutfor(JobClient jobb, ActivatedJob job) {
    Map<String, Object> v = new HashMap<>();
    Instant nu = Instant.now().plus(framflyttat);
    Runnable efter = () -> {};
    switch (job.getType().equals("io.camunda.zeebe:userTask")
        ? job.getElementId()
        : job.getType()) {
      case "inhamta-samtycke" -> {
        v.put("samtycke", "JA");
        v.put("samtyckeForm", "SKRIFTLIGT");
        v.put("samtyckeParter", List.of("FK", "AF", "KOMMUN-UPPSALA"));
        v.put("susSamtycke", true);
      }
      case "bered-arende" -> {
        v.put("beslut", "JA");
        v.put("motivering", "Behov hos flera parter");
        v.put("arendebarare", "anna");
      }
      case "forbered-kallelse" -> v.put("ordforande", "cecilia");
      case "skicka-kallelse" -> {
        Instant motesTid = nu.plus(Duration.ofHours(2));
        String kallelseId = UUID.randomUUID().toString();
        v.put("moteId", UUID.randomUUID().toString());
        v.put("motesTid", motesTid.toString());
        v.put("paminnelseTid", motesTid.minus(Duration.ofHours(1)).toString());
        v.put("kallelser", List.of(Map.of("kallelseId", kallelseId, "part", "AF", "kravs", true)));
        efter =
            () -> {
              client
                  .newPublishMessageCommand()
                  .messageName("kallelsesvar")
                  .correlationKey(kallelseId)
                  .variables(Map.of("svar", "ACCEPTERAR"))
                  .send()
                  .join();
              kallade.incrementAndGet();
            };
      }
      case "genomfor-mote" -> v.put("franvarandeParter", List.of());
      case "planera-uppfoljning" -> {
        v.put("uppfoljningsdatum", LocalDate.ofInstant(nu, SVERIGE).plusDays(60).toString());
        v.put("uppfoljningPaminnelse", "P7D");
        v.put("uppfoljningFrist", "P21D");
        efter = planerade::incrementAndGet;
      }
      case "folj-upp-plan" -> {
        v.put("uppfoljningsbeslut", "AVSLUTA");
        v.put("progression", 6);
      }
      case "avsluta-arende" -> {
        v.put("avslutsorsak", "STUDIER");
        v.put("planUppfylld", "JA");
        efter = avslutade::incrementAndGet;
      }
      default -> {}
    }
    jobb.newCompleteCommand(job).variables(v).send().join();
    efter.run();
  }

  private void flytta(ZeebeTestEngine engine, Duration d) throws Exception {
    engine.increaseTime(d);
    framflyttat = framflyttat.plus(d);
    engine.waitForIdleState(IDLE);
  }

  private static void vanta(AtomicInteger raknare, int mal) throws InterruptedException {
    long grans = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (raknare.get() < mal) {
      if (System.nanoTime() > grans) {
        throw new IllegalStateException("Motorn kom inte fram: " + raknare.get() + " av " + mal);
      }
      Thread.sleep(1);
    }
  }

  private static List<Path> filer() throws IOException {
    List<Path> filer = new ArrayList<>();
    try (Stream<Path> p = Files.list(Path.of("processes"))) {
      p.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn"))
          .sorted()
          .forEach(filer::add);
    }
    try (Stream<Path> f = Files.list(Path.of("forms"))) {
      f.filter(x -> x.toString().endsWith(".form")).sorted().forEach(filer::add);
    }
    return filer;
  }
}
