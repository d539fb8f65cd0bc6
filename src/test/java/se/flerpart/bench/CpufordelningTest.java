package se.flerpart.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The benchmark's split of the CPU a case takes, part by part. */
class CpufordelningTest {

  @Test
  void tradarnaDelasInEfterSinaNamn() {
    assertThat(Cpufordelning.del("zb-actors-1")).isEqualTo("motorn");
    assertThat(Cpufordelning.del("grpc-nio-worker")).isEqualTo("motorn");
    assertThat(Cpufordelning.del("http-nio-auto-1")).isEqualTo("http");
    assertThat(Cpufordelning.del("pool-3-thread-2")).isEqualTo("jobbarbetare");
    assertThat(Cpufordelning.del("bench-klient-4")).isEqualTo("klienter");
    assertThat(Cpufordelning.del("HttpClient-1-Wo")).isEqualTo("klienter");
    assertThat(Cpufordelning.del("task-3")).isEqualTo("lyssnare");
    assertThat(Cpufordelning.del("smtp:127.0.0.1:")).isEqualTo("smtp");
    assertThat(Cpufordelning.del("data-plane-kafk")).isEqualTo("kafka");
    assertThat(Cpufordelning.del("kafka-utgivning")).isEqualTo("kafka");
    assertThat(Cpufordelning.del("kafka-producer-")).isEqualTo("kafka");
    assertThat(Cpufordelning.del("aktualiseringar")).isEqualTo("kafka");
    assertThat(Cpufordelning.del("C2 CompilerThre")).isEqualTo("jit");
    assertThat(Cpufordelning.del("GC Thread#1")).isEqualTo("skrapsamlaren");
    assertThat(Cpufordelning.del("G1 Conc#0")).isEqualTo("skrapsamlaren");
    assertThat(Cpufordelning.del("main")).isEqualTo("ovrigt");
    assertThat(Cpufordelning.del("scheduling-1")).isEqualTo("ovrigt");
  }

  @Test
  void skillnadenPerArendeMedTradarSomKomOchGickOchDatabasen() {
    var fore =
        new Cpufordelning.Ogonblick(
            Map.of(
                "10", new Cpufordelning.Trad("zb-actors-0", 100),
                "11", new Cpufordelning.Trad("http-nio-auto-1", 50),
                "12", new Cpufordelning.Trad("smtp:127.0.0.1:", 7)),
            200,
            40,
            1_000,
            2_000);
    var efter =
        new Cpufordelning.Ogonblick(
            Map.of(
                // 400 ticks more in the engine, 100 in the requests, a new job worker with 60.
                "10", new Cpufordelning.Trad("zb-actors-0", 500),
                "11", new Cpufordelning.Trad("http-nio-auto-1", 150),
                "13", new Cpufordelning.Trad("pool-2-thread-1", 60),
                // The id came back with another thread: all of its time is new.
                "12", new Cpufordelning.Trad("task-1", 20)),
            // 600 in the process's total: 580 in the live threads, 20 in threads that ended.
            800,
            120,
            2_500,
            4_000);

    Map<String, Double> r = Cpufordelning.perArende(fore, efter, 10);

    // Ticks of 10 ms over 10 cases: one tick a case is 1 ms.
    assertThat(r)
        .containsEntry("motorn", 400.0)
        .containsEntry("http", 100.0)
        .containsEntry("jobbarbetare", 60.0)
        .containsEntry("lyssnare", 20.0)
        .containsEntry("smtp", 0.0)
        .containsEntry("postgresql", 80.0)
        .containsEntry("avslutadeTradar", 20.0)
        .containsEntry("kafka", 0.0)
        .containsEntry("summa", 680.0)
        .containsEntry("maskinenUpptagen", 0.75);
    assertThat(List.copyOf(r.keySet()).subList(0, Cpufordelning.DELAR.size()))
        .isEqualTo(Cpufordelning.DELAR);
    int karnor = Runtime.getRuntime().availableProcessors();
    assertThat(Cpufordelning.motornsTak(r)).isEqualTo(karnor * 1000 / 400.0);
  }

  /**
   * Per thousand requests when the benchmark divides by a fraction of units: 2 500 requests are 2.5
   * thousands, and the figures are microseconds a request, not rounded to a whole thousand.
   */
  @Test
  void ettBraktalAntalEnheterDelarUtanAttAvrunda() {
    var fore =
        new Cpufordelning.Ogonblick(
            Map.of("10", new Cpufordelning.Trad("http-nio-auto-1", 100)), 100, 0, 0, 1);
    var efter =
        new Cpufordelning.Ogonblick(
            Map.of("10", new Cpufordelning.Trad("http-nio-auto-1", 600)), 600, 0, 1, 2);

    // 500 ticks of 10 ms = 5 000 ms over 2.5 thousand requests: 2 000 µs a request.
    assertThat(Cpufordelning.perArende(fore, efter, 2.5)).containsEntry("http", 2000.0);
  }

  @Test
  void statradenLasesAvenNarNamnetHarMellanslagOchParentes() {
    String stat =
        "4711 (C2 Compiler) x) S 4700 4711 4711 0 -1 4194560 9 0 0 0 123 45 6 7 20 0 1 0 100";
    assertThat(Cpufordelning.ticks(stat, false)).isEqualTo(168);
    assertThat(Cpufordelning.ticks(stat, true)).isEqualTo(181);
    assertThat(Cpufordelning.foralder(stat)).isEqualTo(4700);
  }

  @Test
  void enTradsArbeteSynsISinDel() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
    var fore = Cpufordelning.ogonblick(null);
    AtomicBoolean stopp = new AtomicBoolean();
    Thread klient =
        new Thread(
            () -> {
              long x = 0;
              while (!stopp.get()) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
              }
              if (x == 42) {
                System.out.println(x);
              }
            },
            "bench-klient-test");
    klient.start();
    Cpufordelning.Ogonblick efter;
    try {
      // Still alive at the second moment, so its time is read from its own stat line.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> Cpufordelning.delensTicks("klienter") >= 20);
      efter = Cpufordelning.ogonblick(null);
    } finally {
      stopp.set(true);
      klient.join();
    }

    Map<String, Double> r = Cpufordelning.perArende(fore, efter, 1);

    assertThat(r.get("klienter")).isGreaterThanOrEqualTo(200.0);
    assertThat(r.get("summa")).isGreaterThanOrEqualTo(r.get("klienter"));
    assertThat(r.get("maskinenUpptagen")).isBetween(0.0, 1.0).isPositive();
    assertThat(r).containsEntry("postgresql", 0.0);
  }

  @Test
  void postgresqlsProcesserRaknasFranDessDatakatalog() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());
      Path data = Path.of(jdbc.sql("show data_directory").query(String.class).single());
      var fore = Cpufordelning.ogonblick(data);
      // Half a second or more of a backend's CPU.
      jdbc.sql("select sum(x) from generate_series(1, 20000000) as x").query(Long.class).single();
      var efter = Cpufordelning.ogonblick(data);

      assertThat(Cpufordelning.perArende(fore, efter, 1).get("postgresql"))
          .isGreaterThanOrEqualTo(300.0);
    }
  }
}
