package se.flerpart.uppgift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import se.flerpart.Sidklient;
import se.flerpart.bench.Benchresultat;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * The task list at volume: 100 000 open and 2 000 000 closed tasks generated directly in PostgreSQL
 * ({@code insert … select generate_series}), then p50/p99 of the API's usual questions over HTTP
 * with a logged-in session, and the database's plan ({@code EXPLAIN ANALYZE}) of the list query.
 * The open tasks are spread over ten candidate groups (bengt's beredningsgrupp holds a tenth) and
 * fifty holders (anna holds 2 000). Its own application context, closed afterwards, so the rows
 * burden no other benchmark.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"flerpart.demo.arenden=false", "flerpart.bench.stor=true"})
@DirtiesContext
class UppgiftslistaStorBenchmark {

  static final int OPPNA = 100_000;
  static final int STANGDA = 2_000_000;
  private static final int UPPVARMNING = 30;
  private static final int UPPVARMNINGSVARV = 150;
  private static final int MATNINGAR = 500;

  /** One of the seven questions: its name in the results, who asks, and its query string. */
  record Fraga(String namn, String vem, String parametrar) {
    String adress() {
      return "/api/uppgifter?" + parametrar;
    }

    /** The same question as the service takes it. */
    Uppgiftsurval urval() {
      Map<String, String> p = new HashMap<>();
      for (String par : parametrar.split("&")) {
        String[] delar = par.split("=", 2);
        p.put(delar[0], delar[1]);
      }
      return Uppgiftsurval.tolka(
          p.get("vy"),
          p.get("sortering"),
          null,
          p.get("forfallen"),
          p.get("sok"),
          p.get("arende"),
          null,
          null,
          p.get("sida"),
          null);
    }
  }

  private static final List<Fraga> FRAGOR =
      List.of(
          new Fraga("minaSida1", "anna", "vy=mina&sida=1"),
          new Fraga("gruppSida1Forfaller", "bengt", "vy=grupp&sida=1"),
          new Fraga("gruppSida100ArendeFallande", "bengt", "vy=grupp&sida=100&sortering=-arende"),
          new Fraga("gruppSok", "bengt", "vy=grupp&sida=1&sok=2025-1234"),
          new Fraga("gruppForsenade", "bengt", "vy=grupp&sida=1&forfallen=forsenade"),
          new Fraga("allaSida1", "bengt", "vy=alla&sida=1"),
          new Fraga("ettArende", "anna", "vy=mina&arende=2025-100050"));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired UppgiftService uppgifter;
  @Autowired AnvandareRepository anvandare;
  @Autowired UppgiftRepository repository;

  @Test
  void hundraTusenOppnaOchTvaMiljonerStangda() {
    long start = System.nanoTime();
    jdbc.sql(
            """
            insert into uppgift (id, element_instans_nyckel, process_instans_nyckel, process_id,
              element_id, namn, formular_id, tilldelad, kandidatgrupper, forfallodatum, variabler,
              status, skapad, slutford_tid)
            select 7000000000000 + g, 7000000000000 + g, 7000000000000 + g / 10, 'benchmark',
              'bench-typ-' || (g % 8), 'Uppgift ' || g, 'benchmark',
              case when g % 50 = 0 then 'anna' when g % 50 < 20 then 'bench' || (g % 50) end,
              array[case when g % 10 = 0 then 'beredning-flerpartssamverkan'
                else 'bench-grupp-' || (g % 10) end],
              now() + ((g % 1000) - 200) * interval '1 hour',
              jsonb_build_object('arendenummer', '2025-' || (100000 + g / 10),
                'insats', 'flerpartssamverkan'),
              case when g <= :oppna then 'OPPEN' else 'SLUTFORD' end,
              now() - g * interval '1 second',
              case when g > :oppna then now() - g * interval '1 second' end
            from generate_series(1, :alla) g
            """)
        .param("oppna", OPPNA)
        .param("alla", OPPNA + STANGDA)
        .update();
    // What autovacuum does after so many inserts: statistics, the visibility map, and the GIN
    // index's pending list moved into the index (left there, every group query reads it through).
    vacuumaTillsSynliga("uppgift");
    vacuumaTillsSynliga("uppgift_oppen_grupp");
    // The generated rows written out now, not by a checkpoint in the middle of the measurements.
    jdbc.sql("checkpoint").update();
    double genereringSek = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    System.out.printf(
        "UPPGIFTSLISTA %d öppna och %d stängda uppgifter genererade på %.1f s%n",
        OPPNA, STANGDA, genereringSek);

    forklara("gruppens vy, sida 1", "gruppSida1Forfaller");
    forklara("gruppens vy, sida 100 efter ärende fallande", "gruppSida100ArendeFallande");
    forklara("alla (egna eller gruppens), sida 1", "allaSida1");
    forklara("mina, sida 1", "minaSida1");
    forklara("ett ärendes uppgifter", "ettArende");

    Map<String, Sidklient> klienter =
        Map.of(
            "anna", Sidklient.inloggad(port, "anna"), "bengt", Sidklient.inloggad(port, "bengt"));
    // A server in use has compiled its request path long since: every question in turn until the
    // JIT has settled, so that whichever question is measured first does not pay for it (with 30
    // calls of its own first, the first question's p50 was twice that of a later run of it).
    for (int varv = 0; varv < UPPVARMNINGSVARV; varv++) {
      FRAGOR.forEach(f -> klienter.get(f.vem()).get(f.adress()));
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("oppna", OPPNA);
    r.put("stangda", STANGDA);
    r.put("genereringSekunder", genereringSek);
    for (Fraga f : FRAGOR) {
      r.put(f.namn(), mat(klienter.get(f.vem()), f.adress()));
    }
    List<Double> p99 = new ArrayList<>();
    r.values().stream()
        .filter(v -> v instanceof Map<?, ?>)
        .forEach(v -> p99.add((Double) ((Map<?, ?>) v).get("p99Ms")));
    r.put("hogstaP99Ms", p99.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    // The same questions to the service in this process, without HTTP, session and JSON: the
    // database's share of each answer.
    Map<String, Object> tjanst = new LinkedHashMap<>();
    for (Fraga f : FRAGOR) {
      tjanst.put(f.namn(), matTjanst(anvandare.hitta(f.vem()).orElseThrow(), f.urval()));
    }
    r.put("tjanstenUtanHttp", tjanst);
    // The group's first page with one task instead of fifty: what the answer's size costs over
    // HTTP.
    r.put(
        "gruppSida1EnUppgiftHttp",
        mat(klienter.get("bengt"), "/api/uppgifter?vy=grupp&sida=1&storlek=1"));
    Benchresultat.skriv("uppgiftslista", r);
  }

  /**
   * {@code vacuum analyze} of the table, again until its pages are marked visible to every
   * transaction, as autovacuum leaves them in time. A vacuum marks none of the new rows while a
   * transaction older than them is still open (a second vacuum a second later marked them), and
   * then every count reads the table and sets the rows' hint bits as it goes: in one run the
   * group's count took 4.9 ms instead of 1.5, and its page read 5 000 rows from the table.
   */
  private void vacuumaTillsSynliga(String tabell) {
    for (int forsok = 1; ; forsok++) {
      jdbc.sql("vacuum analyze " + tabell).update();
      double synliga =
          jdbc.sql(
                  "select coalesce(relallvisible::float8 / nullif(relpages, 0), 1) from pg_class"
                      + " where relname = ?")
              .param(tabell)
              .query(Double.class)
              .single();
      if (synliga >= 0.99 || forsok == 10) {
        System.out.printf(
            "UPPGIFTSLISTA %s: %.0f %% av sidorna synliga för alla efter %d vacuum%n",
            tabell, synliga * 100, forsok);
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The plans of a question's count and page, as {@link UppgiftRepository#sok} reads them. */
  private void forklara(String vad, String fraga) {
    Fraga f = FRAGOR.stream().filter(x -> x.namn().equals(fraga)).findFirst().orElseThrow();
    Anvandare vem = anvandare.hitta(f.vem()).orElseThrow();
    Instant nu = Instant.now();
    List<String> plan =
        repository.plan(
            new UppgiftRepository.Fraga(
                f.urval(), vem.id(), vem.grupper(), false, Set.of(), nu, nu),
            "explain (analyze, buffers)");
    System.out.println("UPPGIFTSLISTA EXPLAIN " + vad + ":\n  " + String.join("\n  ", plan));
  }

  private Map<String, Double> matTjanst(Anvandare vem, Uppgiftsurval urval) {
    for (int i = 0; i < UPPVARMNING; i++) {
      uppgifter.lista(urval, vem);
    }
    List<Long> tider = new ArrayList<>();
    for (int i = 0; i < MATNINGAR; i++) {
      long start = System.nanoTime();
      uppgifter.individnamn(uppgifter.lista(urval, vem).uppgifter(), vem);
      tider.add(System.nanoTime() - start);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("p50Ms", Benchresultat.percentil(tider, 50));
    m.put("p99Ms", Benchresultat.percentil(tider, 99));
    System.out.printf(
        "UPPGIFTSLISTA tjänsten %s: p50 %.1f ms, p99 %.1f ms%n",
        urval, m.get("p50Ms"), m.get("p99Ms"));
    return m;
  }

  private static Map<String, Double> mat(Sidklient klient, String adress) {
    for (int i = 0; i < UPPVARMNING; i++) {
      klient.get(adress);
    }
    List<Long> tider = new ArrayList<>();
    for (int i = 0; i < MATNINGAR; i++) {
      long start = System.nanoTime();
      Sidklient.Sida svar = klient.get(adress);
      tider.add(System.nanoTime() - start);
      if (svar.status() != 200) {
        throw new IllegalStateException(adress + " svarade " + svar.status());
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("p50Ms", Benchresultat.percentil(tider, 50));
    m.put("p99Ms", Benchresultat.percentil(tider, 99));
    System.out.printf(
        "UPPGIFTSLISTA %s: p50 %.1f ms, p99 %.1f ms%n", adress, m.get("p50Ms"), m.get("p99Ms"));
    return m;
  }
}
