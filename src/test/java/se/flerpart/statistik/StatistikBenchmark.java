package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.flerpart.ApiKlient;

/**
 * How long the full report (all nine tables with their checks) takes for a year with 10 000
 * participants: prints p50 and p95 of the service call and of {@code GET /api/rapporter}. A
 * measurement, not a test that passes or fails on time; it runs only when asked: {@code ./mvnw
 * verify -DskipNpm=true -Dtest=StatistikBenchmark -Dflerpart.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class StatistikBenchmark {

  private static final int DELTAGARE = 10_000;
  private static final int UPPVARMNING = 10;
  private static final int MATNINGAR = 50;
  private static final String INSATS = "statistik-benchmark";
  private static final List<String> ORSAKER =
      List.of(
          "ARBETE_EJ_SUBVENTIONERAT",
          "ARBETE_SUBVENTIONERAT",
          "EXTRATJANST",
          "STUDIER",
          "AKTIVT_ARBETSSOKANDE",
          "FORTSATT_REHABILITERING",
          "OHALSA",
          "ARBETSFORMAGA_SAKNAS",
          "FLYTTAT",
          "ANNAT");
  private static final List<String> PARTER = List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA");
  private static final List<String> UTBILDNING =
      Arrays.asList("GRUNDSKOLA", "GYMNASIUM", "HOGSKOLA_UPP_TILL_3_AR", null);
  private static final List<String> FORSORJNINGSTID =
      Arrays.asList("UPP_TILL_1_AR", "UPP_TILL_5_AR", "NIO_AR_ELLER_MER", null);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Statistikrapporter rapporter;

  @Test
  void tioTusenDeltagare() {
    jdbc.update(
        "insert into insats (kod, namn, aktiv) values (?, 'Statistikbenchmark', false)"
            + " on conflict (kod) do nothing",
        INSATS);
    Random slump = new Random(11);
    LocalDate bas = LocalDate.of(2010, 1, 1);
    List<Object[]> rader = new ArrayList<>();
    for (int i = 0; i < DELTAGARE; i++) {
      LocalDate akt = bas.minusDays(200).plusDays(slump.nextInt(500));
      LocalDate start = akt.plusDays(5 + slump.nextInt(30));
      boolean avslutad = slump.nextInt(10) < 6;
      LocalDate avslut = avslutad ? start.plusDays(30 + slump.nextInt(300)) : null;
      rader.add(
          new Object[] {
            UUID.randomUUID(),
            "B-" + i,
            slump.nextInt(10) == 0,
            switch (slump.nextInt(20)) {
              case 0 -> "ANNAT_OKANT";
              case 1, 2, 3, 4, 5, 6, 7, 8, 9 -> "KVINNA";
              default -> "MAN";
            },
            1950 + slump.nextInt(55),
            INSATS,
            PARTER.get(slump.nextInt(PARTER.size())),
            Date.valueOf(akt),
            "JA",
            Date.valueOf(start),
            Date.valueOf(start),
            Date.valueOf(start.plusDays(10 + slump.nextInt(40))),
            Date.valueOf(start.plusDays(60 + slump.nextInt(40))),
            avslut == null ? null : Date.valueOf(avslut),
            avslut == null ? null : ORSAKER.get(slump.nextInt(ORSAKER.size())),
            new int[] {10, 25, 50, 100}[slump.nextInt(4)],
            UTBILDNING.get(slump.nextInt(UTBILDNING.size())),
            FORSORJNINGSTID.get(slump.nextInt(FORSORJNINGSTID.size())),
            slump.nextBoolean()
          });
    }
    jdbc.batchUpdate(
        """
        insert into statistik_deltagare (arende_id, arendenummer, anonym, kon, fodelsear,
          insats_kod, aktualiserande_part, aktualiseringsdatum, beslut, beslutsdatum, startdatum,
          forsta_motesdatum, forsta_uppfoljningsdatum, avslutsdatum, avslutsorsak, omfattning,
          utbildningsniva, tid_i_forsorjning, handlingsplan)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        rader);
    jdbc.execute("analyze statistik_deltagare");
    Rapportfraga ar = new Rapportfraga(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31), null);
    assertThat(rapporter.alla(ar)).hasSize(Statistikrapporter.TABELLER.size());

    long[] tjanst = new long[MATNINGAR];
    for (int i = 0; i < UPPVARMNING + MATNINGAR; i++) {
      long start = System.nanoTime();
      rapporter.alla(ar);
      if (i >= UPPVARMNING) {
        tjanst[i - UPPVARMNING] = System.nanoTime() - start;
      }
    }
    ApiKlient api = new ApiKlient(port);
    String adress = "/api/rapporter?fran=2010-01-01&till=2010-12-31";
    long[] http = new long[MATNINGAR];
    for (int i = 0; i < UPPVARMNING + MATNINGAR; i++) {
      long start = System.nanoTime();
      ApiKlient.Svar svar = api.get("petra", adress);
      if (i >= UPPVARMNING) {
        http[i - UPPVARMNING] = System.nanoTime() - start;
      }
      assertThat(svar.status()).isEqualTo(200);
    }
    skriv("Statistikrapporter.alla (tjänsten)", tjanst);
    skriv("GET " + adress, http);
  }

  private static void skriv(String vad, long[] tider) {
    Arrays.sort(tider);
    System.out.printf(
        "STATISTIK %s, hela rapporten för %d deltagare: p50 %.1f ms, p95 %.1f ms%n",
        vad, DELTAGARE, tider[tider.length / 2] / 1e6, tider[tider.length * 95 / 100] / 1e6);
  }
}
