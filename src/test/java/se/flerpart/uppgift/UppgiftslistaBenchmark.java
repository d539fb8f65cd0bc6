package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.Sidklient;

/**
 * How fast the task list answers with 5 000 open tasks: prints p50 and p95 of the API's first page
 * (sorted by due date and by case number, and searched) and of the list page. A measurement, not a
 * test that passes or fails on time; it runs only when asked: {@code ./mvnw verify -DskipNpm=true
 * -Dtest=UppgiftslistaBenchmark -Dflerpart.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It signs in once and keeps the session, as a browser does (HTTP Basic re-checks the password on
 * every call).
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppgiftslistaBenchmark {

  private static final int UPPGIFTER = 5_000;
  private static final int UPPVARMNING = 30;
  private static final int MATNINGAR = 200;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Clock klocka;

  @Test
  void femTusenOppnaUppgifter() {
    String typ = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    Instant nu = klocka.instant();
    long forsta = 8_000_000_000L + (nu.toEpochMilli() % 1_000_000) * 10_000;
    List<Object[]> rader = new ArrayList<>();
    for (int i = 0; i < UPPGIFTER; i++) {
      long id = forsta + i;
      rader.add(
          new Object[] {
            id,
            id,
            id,
            typ,
            "Uppgift " + i,
            i % 3 == 0 ? "anna" : null,
            new String[] {"beredning-flerpartssamverkan"},
            Timestamp.from(nu.plus(Duration.ofHours(i % 500 - 100))),
            "{\"arendenummer\": \"2026-" + (10_000 + i) + "\", \"insats\": \"flerpartssamverkan\"}",
            Timestamp.from(nu.minusSeconds(i))
          });
    }
    for (Object[] rad : rader) {
      jdbc.sql(
              """
              insert into uppgift (id, element_instans_nyckel, process_instans_nyckel, process_id,
                element_id, namn, formular_id, tilldelad, kandidatgrupper, forfallodatum,
                variabler, status, skapad)
              values (?, ?, ?, 'benchmark', ?, ?, 'benchmark', ?, ?, ?, ?::jsonb, 'OPPEN', ?)
              """)
          .params(Arrays.asList(rad))
          .update();
    }
    jdbc.sql("analyze uppgift").update();
    Sidklient bengt = Sidklient.inloggad(port, "bengt");
    assertThat(bengt.get("/api/uppgifter?vy=grupp&sida=1").status()).isEqualTo(200);

    mat(bengt, "API, gruppens vy, sida 1 (50), förfallodatum", "/api/uppgifter?vy=grupp&sida=1");
    mat(
        bengt,
        "API, gruppens vy, sida 40, ärendenummer fallande",
        "/api/uppgifter?vy=grupp&sida=40&sortering=-arende");
    mat(
        bengt,
        "API, gruppens vy, sökning på ärendenummer",
        "/api/uppgifter?vy=grupp&sida=1&sok=2026-123");
    mat(bengt, "API, gruppens vy, försenade", "/api/uppgifter?vy=grupp&sida=1&forfallen=forsenade");
    mat(bengt, "Sidan /uppgifter, gruppens vy", "/uppgifter?vy=grupp");
  }

  private static void mat(Sidklient klient, String vad, String adress) {
    for (int i = 0; i < UPPVARMNING; i++) {
      klient.get(adress);
    }
    long[] tider = new long[MATNINGAR];
    for (int i = 0; i < MATNINGAR; i++) {
      long start = System.nanoTime();
      Sidklient.Sida svar = klient.get(adress);
      tider[i] = System.nanoTime() - start;
      assertThat(svar.status()).isEqualTo(200);
    }
    Arrays.sort(tider);
    System.out.printf(
        "UPPGIFTSLISTA %s (%d öppna uppgifter i vyn och fler): p50 %.1f ms, p95 %.1f ms%n",
        vad, UPPGIFTER, tider[MATNINGAR / 2] / 1e6, tider[MATNINGAR * 95 / 100] / 1e6);
  }
}
