package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.ApiKlient;
import se.flerpart.Sidklient;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * The task list to work in: every parameter of {@code GET /api/uppgifter} (sort, filters, search,
 * pages and the total in {@code X-Totalt-Antal}, bad input), claiming and assigning from the list
 * page, comments inside the consent scope, the due date, and the confirmation after Slutför. Tasks
 * of a kind of their own (a fresh {@code typ}) are written straight into the table, so each test
 * sees exactly its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppgiftslistaTest {

  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");
  private static final AtomicLong NASTA_ID =
      new AtomicLong(9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Clock klocka;
  @Autowired UppgiftGallring gallring;
  @Autowired AnvandareRepository anvandare;
  @Autowired PasswordEncoder encoder;
  @Autowired UppgiftRepository uppgiftRepository;
  @Autowired TransactionTemplate transaktion;
  ApiKlient api;
  String typ;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
    typ = "test-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @DisplayName("Sortering efter varje kolumn, stigande och fallande, och standardordningen")
  void sortering() {
    Instant nu = klocka.instant();
    long a = uppgift("Bbb", "anna", List.of(), nu.plus(Duration.ofDays(3)), "2026-0300", "x-a");
    long b = uppgift("Aaa", "anna", List.of(), nu.plus(Duration.ofDays(1)), "2026-0100", "x-c");
    long c = uppgift("Ccc", "anna", List.of(), null, "2026-0200", "x-b");

    assertThat(ids(lista("anna", "vy=mina"))).containsExactly(b, a, c);
    assertThat(ids(lista("anna", "vy=mina&sortering=-forfaller"))).containsExactly(a, b, c);
    assertThat(ids(lista("anna", "vy=mina&sortering=arende"))).containsExactly(b, c, a);
    assertThat(ids(lista("anna", "vy=mina&sortering=-arende"))).containsExactly(a, c, b);
    assertThat(ids(lista("anna", "vy=mina&sortering=uppgift"))).containsExactly(b, a, c);
    assertThat(ids(lista("anna", "vy=mina&sortering=insats"))).containsExactly(a, c, b);
    assertThat(ids(lista("anna", "vy=mina&sortering=-skapad"))).containsExactly(c, b, a);
  }

  @Test
  @DisplayName("Utan sida alla träffar, med sida och storlek en sida; totalen i X-Totalt-Antal")
  void sidindelning() {
    Instant nu = klocka.instant();
    for (int i = 1; i <= 5; i++) {
      uppgift("Uppgift " + i, "anna", List.of(), nu.plus(Duration.ofDays(i)), "2026-09" + i, null);
    }
    ApiKlient.Svar alla = lista("anna", "vy=mina");
    assertThat(alla.kropp()).hasSize(5);
    assertThat(alla.totalt()).isEqualTo(5);

    ApiKlient.Svar forsta = lista("anna", "vy=mina&sida=1&storlek=2");
    assertThat(namn(forsta)).containsExactly("Uppgift 1", "Uppgift 2");
    assertThat(forsta.totalt()).isEqualTo(5);
    assertThat(namn(lista("anna", "vy=mina&sida=3&storlek=2"))).containsExactly("Uppgift 5");
    ApiKlient.Svar efter = lista("anna", "vy=mina&sida=4&storlek=2");
    assertThat(efter.kropp()).isEmpty();
    assertThat(efter.totalt()).isEqualTo(5);
    assertThat(lista("anna", "vy=mina&sida=1").kropp()).as("standardstorlek 50").hasSize(5);
  }

  @Test
  @DisplayName(
      "Sidorna i varje sortering, åt båda hållen, är tillsammans hela listan i samma ordning och"
          + " bär var och en den exakta totalen, också efter sista sidan")
  void sidornaIVarjeSortering() {
    Instant nu = klocka.instant();
    Instant samma = nu.plus(Duration.ofDays(2));
    String grupp = "beredning-flerpartssamverkan";
    // Ties in every column (same due date, holder, name, case, insats), tasks without due date or
    // holder, and a task with two of bengt's groups that must be counted once.
    uppgift("Bbb", "bengt", List.of(grupp), samma, "2026-0700", "x-a");
    uppgift("Aaa", null, List.of(grupp), samma, "2026-0700", "x-a");
    uppgift("Bbb", "anna", List.of(grupp, "annan-grupp"), null, "2026-0701", null);
    uppgift("Ccc", "bengt", List.of(grupp), nu.plus(Duration.ofDays(1)), "2026-0699", "x-b");
    uppgift("Aaa", null, List.of(grupp), null, "2026-0702", "x-b");
    uppgift("Ddd", "anna", List.of(grupp), samma, "2026-0699", "x-a");
    uppgift("Eee", "bengt", List.of(grupp), nu.minus(Duration.ofDays(1)), "2026-0703", null);
    uppgift("Inte bengts", "anna", List.of("annan-grupp"), samma, "2026-0704", "x-a");

    for (String kolumn :
        List.of("forfaller", "uppgift", "arende", "insats", "tilldelad", "grupp", "skapad")) {
      for (String sortering : List.of(kolumn, "-" + kolumn)) {
        ApiKlient.Svar hela = lista("bengt", "vy=grupp&sortering=" + sortering);
        assertThat(hela.totalt()).as(sortering).isEqualTo(7);
        List<Long> ordning = ids(hela);
        assertThat(ordning).as(sortering).hasSize(7).doesNotHaveDuplicates();
        List<Long> sidvis = new java.util.ArrayList<>();
        for (int sida = 1; sida <= 3; sida++) {
          ApiKlient.Svar svar =
              lista("bengt", "vy=grupp&sortering=" + sortering + "&storlek=3&sida=" + sida);
          assertThat(svar.totalt()).as(sortering + " sida " + sida).isEqualTo(7);
          sidvis.addAll(ids(svar));
        }
        assertThat(sidvis).as(sortering + " sida för sida").isEqualTo(ordning);
        ApiKlient.Svar efter =
            lista("bengt", "vy=grupp&sortering=" + sortering + "&storlek=3&sida=4");
        assertThat(efter.kropp()).as(sortering + " efter sista sidan").isEmpty();
        assertThat(efter.totalt()).as(sortering + " efter sista sidan").isEqualTo(7);
      }
    }
    // The tie-breakers: due date, then creation, then id (the tasks above were created in order).
    assertThat(namn(lista("bengt", "vy=grupp&sortering=uppgift&storlek=3&sida=1")))
        .containsExactly("Aaa", "Aaa", "Bbb");
    assertThat(namn(lista("bengt", "vy=grupp&sortering=-tilldelad&storlek=2&sida=4")))
        .containsExactly("Aaa");
    assertThat(namn(lista("bengt", "vy=grupp&storlek=4&sida=2")))
        .containsExactly("Ddd", "Bbb", "Aaa");
  }

  @Test
  @DisplayName(
      "Gruppens vy utan andra filter (ur de öppna uppgifternas grupprader) ger samma sidor och"
          + " total som med filter, och följer uppgifternas ändringar")
  void gruppensVyUrGrupprader() {
    // A user of its own in a group of its own, so that the other tests' tasks stay out of its
    // group's view, which is asked without the type filter that keeps the other tests apart.
    String insats = "g" + typ.substring(5);
    String vem = egenAnvandare("gruppvy-", "Grupp Vy");
    String grupp = iEgenGrupp(vem, insats);
    Instant nu = klocka.instant();
    long a = uppgift("A", null, List.of(grupp), nu.plus(Duration.ofDays(3)), "2026-0300", null);
    long b = uppgift("B", "anna", List.of(grupp), nu.plus(Duration.ofDays(1)), "2026-0100", null);
    long c = uppgift("C", null, List.of(grupp), null, "2026-0200", null);
    long d = uppgift("D", null, List.of(grupp), nu.minus(Duration.ofDays(1)), "2026-0300", null);
    long utanfor = uppgift("E", null, List.of("annan-grupp"), nu, "2026-0400", null);

    jamforMedFilter(vem, 4);
    // Each of those orders is read by walking an index of the group rows, not by sorting them all.
    assertThat(gruppsidansPlan(vem, grupp, "forfaller"))
        .anyMatch(rad -> rad.contains("using uppgift_oppen_grupp_forfaller on"));
    assertThat(gruppsidansPlan(vem, grupp, "arende"))
        .anyMatch(rad -> rad.contains("using uppgift_oppen_grupp_arende on"));
    assertThat(gruppsidansPlan(vem, grupp, "-arende"))
        .anyMatch(rad -> rad.contains("using uppgift_oppen_grupp_arende_fallande on"));
    assertThat(ids(api.get(vem, "/api/uppgifter?vy=grupp&forfallen=forsenade"))).containsExactly(d);
    assertThat(grupprader(a)).containsExactly(grupp);

    // Completed, moved, into the group: the view follows in the same transaction.
    jdbc.sql("update uppgift set status = 'SLUTFORD' where id = ?").param(b).update();
    jdbc.sql("update uppgift set forfallodatum = ? where id = ?")
        .params(Timestamp.from(nu.minus(Duration.ofDays(2))), c)
        .update();
    jdbc.sql("update uppgift set kandidatgrupper = ? where id = ?")
        .params(new String[] {"annan-grupp", grupp}, utanfor)
        .update();
    assertThat(grupprader(b)).isEmpty();
    assertThat(ids(api.get(vem, "/api/uppgifter?vy=grupp"))).containsExactly(c, d, utanfor, a);
    jamforMedFilter(vem, 4);

    // A second group: a task in both is one task, counted once.
    String andra = iEgenGrupp(vem, insats + "-2");
    long bada = uppgift("F", null, List.of(grupp, andra), null, "2026-0050", null);
    uppgift("G", null, List.of(andra), nu.plus(Duration.ofDays(9)), "2026-0060", null);
    assertThat(grupprader(bada)).containsExactlyInAnyOrder(grupp, andra);
    jamforMedFilter(vem, 6);

    jdbc.sql("delete from uppgift where id = ?").param(bada).update();
    assertThat(grupprader(bada)).isEmpty();
    jamforMedFilter(vem, 5);
  }

  @Test
  @DisplayName("Mina uppgifter räknas ur sitt eget index, utan att läsa uppgifterna")
  void minaRaknasUrIndex() {
    String vem = egenAnvandare("mina-", "Mina Egna");
    Instant nu = klocka.instant();
    for (int i = 0; i < 3; i++) {
      uppgift("M" + i, vem, List.of(), nu.plus(Duration.ofDays(i + 1)), "2026-07" + i, null);
    }
    // Through a bitmap the count read one page of the table for every task. With index scans on,
    // an index-only scan of the user's index counts them; a filter beyond the due date is still
    // counted through a bitmap (it is not in that index).
    List<String> mina =
        plan(
            vem,
            Set.of(),
            Uppgiftsurval.tolka("mina", null, null, "forsenade", null, null, null, null, "1", "2"),
            "explain (settings)");
    assertThat(mina.subList(0, mina.indexOf("-- sidan:")))
        .noneMatch(rad -> rad.contains("enable_indexscan"));
    List<String> typad =
        plan(
            vem,
            Set.of(),
            Uppgiftsurval.tolka("mina", null, typ, null, null, null, null, null, "1", "2"),
            "explain (settings)");
    assertThat(typad.subList(0, typad.indexOf("-- sidan:")))
        .anyMatch(rad -> rad.contains("enable_indexscan = 'off'"));
    assertThat(api.get(vem, "/api/uppgifter?vy=mina&sida=1&storlek=2").totalt()).isEqualTo(3);
    sammaTotalSomMedFilter(vem, "mina", 3);
    assertThat(api.get(vem, "/api/uppgifter?vy=mina&sida=1&forfallen=forsenade").totalt()).isZero();
  }

  @Test
  @DisplayName(
      "Alla (egna och gruppens) räknas ur grupprader och egna uppgifter utanför grupperna, med samma"
          + " total som med filter")
  void allaRaknasUrGrupprader() {
    String vem = egenAnvandare("alla-", "Alla Vyn");
    String grupp = iEgenGrupp(vem, "a" + typ.substring(5));
    Instant nu = klocka.instant();
    Instant sen = nu.minus(Duration.ofDays(1));
    // In the group only; the user's own in the group (counted once); the user's own outside it,
    // one of them late; someone else's in another group (not counted).
    uppgift("Grupp", null, List.of(grupp), sen, "2026-0810", null);
    uppgift("Grupp 2", "bengt", List.of(grupp), nu.plus(Duration.ofDays(2)), "2026-0811", null);
    uppgift("Egen i grupp", vem, List.of(grupp), sen, "2026-0812", null);
    uppgift("Egen", vem, List.of(), nu.plus(Duration.ofDays(1)), "2026-0813", null);
    uppgift("Egen sen", vem, List.of("annan-grupp"), sen, "2026-0814", null);
    uppgift("Annans", "bengt", List.of("annan-grupp"), sen, "2026-0815", null);

    assertThat(api.get(vem, "/api/uppgifter?vy=alla&sida=1").totalt()).isEqualTo(5);
    assertThat(api.get(vem, "/api/uppgifter?vy=alla&sida=1&forfallen=forsenade").totalt())
        .isEqualTo(3);
    sammaTotalSomMedFilter(vem, "alla", 5);
    assertThat(api.get(vem, "/api/uppgifter?vy=alla&sida=2&storlek=2").totalt()).isEqualTo(5);
    assertThat(ids(api.get(vem, "/api/uppgifter?vy=alla&sida=3&storlek=2"))).hasSize(1);
    List<String> plan =
        plan(
            vem,
            Set.of(grupp),
            Uppgiftsurval.tolka("alla", null, null, null, null, null, null, null, "1", "2"),
            "explain");
    assertThat(plan.subList(0, plan.indexOf("-- sidan:")))
        .anyMatch(rad -> rad.contains("on uppgift_oppen_grupp"));

    // In two groups: a task in both is one task, and the user's own in the second is in it.
    String andra = iEgenGrupp(vem, "b" + typ.substring(5));
    uppgift("Båda", null, List.of(grupp, andra), nu, "2026-0816", null);
    uppgift("Egen i andra", vem, List.of(andra), nu, "2026-0817", null);
    assertThat(api.get(vem, "/api/uppgifter?vy=alla&sida=1").totalt()).isEqualTo(7);
    sammaTotalSomMedFilter(vem, "alla", 7);
  }

  /**
   * The view's total without filters (counted from an index) against the same view with the type
   * filter (counted from the tasks), for every due-date filter; {@code antal} without one.
   */
  private void sammaTotalSomMedFilter(String vem, String vy, int antal) {
    for (String forfallen : List.of("", "forsenade", "veckan")) {
      String fraga = "vy=" + vy + "&sida=1&storlek=2&forfallen=" + forfallen;
      ApiKlient.Svar utan = api.get(vem, "/api/uppgifter?" + fraga);
      assertThat(utan.status()).as(fraga).isEqualTo(200);
      assertThat(utan.totalt()).as(fraga).isEqualTo(lista(vem, fraga).totalt());
      if (forfallen.isEmpty()) {
        assertThat(utan.totalt()).as(fraga).isEqualTo(antal);
      }
    }
  }

  /**
   * The group's view without filters (read from the group rows) against the same view with the type
   * filter (read from the tasks), in each sort it shares and page by page.
   */
  private void jamforMedFilter(String vem, int antal) {
    for (String kolumn : List.of("forfaller", "arende", "skapad")) {
      for (String sortering : List.of(kolumn, "-" + kolumn)) {
        ApiKlient.Svar utan = api.get(vem, "/api/uppgifter?vy=grupp&sortering=" + sortering);
        ApiKlient.Svar med = lista(vem, "vy=grupp&sortering=" + sortering);
        assertThat(utan.totalt()).as(sortering).isEqualTo(antal);
        assertThat(ids(utan)).as(sortering).hasSize(antal).isEqualTo(ids(med));
        List<Long> sidvis = new java.util.ArrayList<>();
        for (int sida = 1; sida <= 4; sida++) {
          ApiKlient.Svar svar =
              api.get(
                  vem,
                  "/api/uppgifter?vy=grupp&sortering=" + sortering + "&storlek=2&sida=" + sida);
          assertThat(svar.totalt()).as(sortering + " sida " + sida).isEqualTo(antal);
          sidvis.addAll(ids(svar));
        }
        assertThat(sidvis).as(sortering + " sida för sida").isEqualTo(ids(med));
      }
    }
  }

  /**
   * The plan of the group's second page (of two tasks) as the list reads it, with sorting and
   * sequential scans off: an index that gives the order is taken however small the table.
   */
  private List<String> gruppsidansPlan(String vem, String grupp, String sortering) {
    List<String> plan =
        plan(
            vem,
            Set.of(grupp),
            Uppgiftsurval.tolka("grupp", sortering, null, null, null, null, null, null, "2", "2"),
            "explain",
            "enable_sort",
            "enable_seqscan");
    // The page's part: the count has an index of its own to go by.
    return plan.subList(plan.indexOf("-- sidan:"), plan.size());
  }

  /**
   * The plan of the list's queries as {@code forklaring} gives it, with the settings {@code av}
   * off.
   */
  private List<String> plan(
      String vem, Set<String> grupper, Uppgiftsurval urval, String forklaring, String... av) {
    Instant nu = klocka.instant();
    var fraga = new UppgiftRepository.Fraga(urval, vem, grupper, false, Set.of(), nu, nu);
    return transaktion.execute(
        t -> {
          for (String installning : av) {
            jdbc.sql("select set_config(?, 'off', true)")
                .param(installning)
                .query(String.class)
                .single();
          }
          return uppgiftRepository.plan(fraga, forklaring);
        });
  }

  /**
   * A handläggare of this test's own (the id {@code prefix} and the test's kind), so that other
   * tests' tasks stay out of the views it is asked for without the kind's filter.
   */
  private String egenAnvandare(String prefix, String namn) {
    String vem = prefix + typ.substring(5);
    anvandare.spara(
        new Anvandare(
            vem, namn, vem + "@af.example", "AF", Set.of(Anvandare.HANDLAGGARE), Set.of()),
        encoder.encode("demo"));
    return vem;
  }

  /** A new insats whose beredningsgrupp {@code vem} is in; its group's name. */
  private String iEgenGrupp(String vem, String insats) {
    jdbc.sql("insert into insats (kod, namn) values (?, ?)")
        .params(insats, "Insats " + insats)
        .update();
    jdbc.sql("insert into beredningsgrupp_medlem (insats_kod, anvandare_id) values (?, ?)")
        .params(insats, vem)
        .update();
    return "beredning-" + insats;
  }

  private List<String> grupprader(long id) {
    return jdbc.sql("select grupp from uppgift_oppen_grupp where uppgift_id = ?")
        .param(id)
        .query(String.class)
        .list();
  }

  @Test
  @DisplayName("Filter på uppgiftstyp, ärende, insats, tilldelad och förfallodatum")
  void filter() {
    Instant nu = klocka.instant();
    Instant veckoslut =
        nu.atZone(SVERIGE)
            .truncatedTo(ChronoUnit.DAYS)
            .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .toInstant();
    Instant senareIVeckan =
        nu.plus(Duration.ofMinutes(Math.max(1, Duration.between(nu, veckoslut).toMinutes() / 2)));
    long forsenad =
        uppgift(
            "Försenad",
            null,
            List.of("beredning-flerpartssamverkan"),
            nu.minus(Duration.ofDays(2)),
            "2026-0501",
            "flerpartssamverkan");
    long veckan =
        uppgift(
            "Veckan",
            "bengt",
            List.of("beredning-flerpartssamverkan"),
            senareIVeckan,
            "2026-0502",
            "flerpartssamverkan");
    long sedan =
        uppgift(
            "Sedan",
            "bengt",
            List.of("beredning-flerpartssamverkan"),
            nu.plus(Duration.ofDays(30)),
            "2026-0503",
            "annan-insats");

    assertThat(ids(lista("bengt", "vy=grupp"))).containsExactly(forsenad, veckan, sedan);
    assertThat(ids(lista("bengt", "vy=grupp&forfallen=forsenade"))).containsExactly(forsenad);
    assertThat(ids(lista("bengt", "vy=grupp&forfallen=veckan"))).containsExactly(veckan);
    assertThat(ids(lista("bengt", "vy=grupp&arende=2026-0502"))).containsExactly(veckan);
    assertThat(ids(lista("bengt", "vy=grupp&insats=annan-insats"))).containsExactly(sedan);
    assertThat(ids(lista("bengt", "vy=grupp&tilldelad=ingen"))).containsExactly(forsenad);
    assertThat(ids(lista("bengt", "vy=grupp&tilldelad=bengt"))).containsExactly(veckan, sedan);
    assertThat(ids(lista("bengt", "vy=mina"))).containsExactly(veckan, sedan);
    assertThat(ids(lista("petra", "vy=alla"))).containsExactly(forsenad, veckan, sedan);
  }

  @Test
  @DisplayName("Fel parametrar ger 400 med ett svenskt meddelande per parameter")
  void felaktigaParametrar() {
    Map<String, String> fall =
        Map.of(
            "sortering=namn", "sortering",
            "sida=0", "sida",
            "sida=en", "sida",
            "storlek=501", "storlek",
            "storlek=0", "storlek",
            "forfallen=igar", "forfallen",
            "vy=ovriga", "vy");
    fall.forEach(
        (fraga, parameter) -> {
          ApiKlient.Svar svar = api.get("anna", "/api/uppgifter?" + fraga);
          assertThat(svar.status()).as(fraga).isEqualTo(400);
          assertThat(svar.kropp().path("fel").path(parameter).asText())
              .as(fraga)
              .isNotBlank()
              .containsAnyOf("ska", "Ska");
        });
    assertThat(api.get("anna", "/api/uppgifter?sortering=-skapad&sida=2&storlek=500").status())
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "Sökning på ärendenummer för alla, på personnummer bara inom samtycket och med en rad i"
          + " granskningsloggen")
  void sokning() {
    long egen = uppgift("Sök mig", "anna", List.of(), null, "2026-7731", null);
    uppgift("Inte jag", "anna", List.of(), null, "2026-8842", null);
    assertThat(ids(lista("anna", "vy=mina&sok=7731"))).containsExactly(egen);

    String personnummer = personnummer();
    String arendeId =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                personnummer,
                "insats",
                "flerpartssamverkan",
                "skal",
                "Behöver stöd",
                "behov",
                List.of("FK", "AF")));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    long lasningarFore = lasningar(arendeId, "SOK_UPPGIFTER");

    JsonNode traffar =
        api.get("anna", "/api/uppgifter?vy=mina&sok=" + personnummer.replace("-", "")).kropp();
    assertThat(ApiKlient.stream(traffar).map(u -> u.path("id").asLong()))
        .containsExactly(samtycke.path("id").asLong());
    assertThat(lasningar(arendeId, "SOK_UPPGIFTER")).isEqualTo(lasningarFore + 1);

    assertThat(api.get("petra", "/api/uppgifter?vy=alla&sok=" + personnummer).kropp())
        .as("processledaren söker inte på personnummer")
        .isEmpty();
    assertThat(lasningar(arendeId, "SOK_UPPGIFTER")).isEqualTo(lasningarFore + 1);

    // The group's view without other filters searches its group rows: the beredning is found by
    // the person inside the consent (FK, AF), not by REGION outside it, and by its case number.
    assertThat(api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), false)))
        .extracting(ApiKlient.Svar::status)
        .isEqualTo(200);
    long beredning =
        api.vantaPaUppgift("bengt", "grupp", arendeId, "bered-arende").path("id").asLong();
    String arendenummer =
        api.vantaPaUppgift("bengt", "grupp", arendeId, "bered-arende")
            .path("arendenummer")
            .asText();
    for (String vem : List.of("anna", "bengt")) {
      ApiKlient.Svar svar = api.get(vem, "/api/uppgifter?vy=grupp&sida=1&sok=" + personnummer);
      assertThat(ids(svar)).as(vem).containsExactly(beredning);
      assertThat(svar.totalt()).as(vem).isEqualTo(1);
    }
    assertThat(ids(api.get("david", "/api/uppgifter?vy=grupp&sok=" + personnummer)))
        .as("REGION är utanför samtycket")
        .isEmpty();
    assertThat(ids(api.get("david", "/api/uppgifter?vy=grupp&sok=" + arendenummer)))
        .containsExactly(beredning);
  }

  @Test
  @DisplayName("Antalet öppna uppgifter per vy i flikarna följer listan")
  void antalIFlikarna() {
    Sidklient bengt = Sidklient.inloggad(port, "bengt");
    long mina = api.get("bengt", "/api/uppgifter?vy=mina").totalt();
    long grupp = api.get("bengt", "/api/uppgifter?vy=grupp").totalt();
    String sida = bengt.get("/uppgifter?vy=mina").html();
    assertThat(sida).as("sidhuvudet med partens namn").contains("Bengt Ek (Arbetsförmedlingen)");
    assertThat(sida).contains("Mina uppgifter <span class=\"antal\">" + mina + "</span>");
    assertThat(sida).contains("Gruppens <span class=\"antal\">" + grupp + "</span>");

    uppgift("Ny", "bengt", List.of("beredning-flerpartssamverkan"), null, "2026-0601", null);
    sida = bengt.get("/uppgifter?vy=mina").html();
    assertThat(sida).contains("Mina uppgifter <span class=\"antal\">" + (mina + 1) + "</span>");
    assertThat(sida).contains("Gruppens <span class=\"antal\">" + (grupp + 1) + "</span>");
  }

  @Test
  @DisplayName("Ta och tilldela direkt från listan, och tillbaka till samma lista")
  void taOchTilldelaFranListan() {
    long gruppens =
        uppgift("Gruppens", null, List.of("beredning-flerpartssamverkan"), null, "2026-0701", null);
    Sidklient bengt = Sidklient.inloggad(port, "bengt");
    String tillbaka = "/uppgifter?vy=grupp&typ=" + typ;
    String sida = bengt.get(tillbaka).html();
    assertThat(sida)
        .contains("/uppgifter/" + gruppens + "/tilldela")
        .contains("class=\"ta-uppgiften\"");

    Sidklient.Sida svar =
        bengt.post("/uppgifter/" + gruppens + "/tilldela", Map.of("tillbaka", tillbaka));
    assertThat(svar.status()).isEqualTo(302);
    assertThat(svar.plats()).endsWith(tillbaka);
    assertThat(tilldelad(gruppens)).isEqualTo("bengt");
    assertThat(bengt.get(tillbaka).html()).contains("Uppgiften är tilldelad.");

    long annas = uppgift("Annas", "anna", List.of(), null, "2026-0702", null);
    Sidklient anna = Sidklient.inloggad(port, "anna");
    assertThat(anna.get("/uppgifter?vy=mina&typ=" + typ).html()).contains("tilldela-" + annas);
    svar =
        anna.post(
            "/uppgifter/" + annas + "/tilldela",
            Map.of("anvandare", "bengt", "tillbaka", "https://annanstans.example/"));
    assertThat(svar.plats()).as("bara till en lista i Flerpart").endsWith("/uppgifter/" + annas);
    assertThat(tilldelad(annas)).isEqualTo("bengt");
  }

  @Test
  @DisplayName("Förfallodatum ändras av den som har uppgiften; inte bakåt i tiden, inte av andra")
  void forfallodatum() {
    long id = uppgift("Datum", "anna", List.of(), null, "2026-0801", null);
    LocalDate idag = LocalDate.now(klocka.withZone(SVERIGE));
    String url = "/api/uppgifter/" + id + "/forfallodatum";

    ApiKlient.Svar bakat =
        api.anrop("anna", "PUT", url, Map.of("forfallodatum", idag.minusDays(1).toString()));
    assertThat(bakat.status()).isEqualTo(400);
    assertThat(bakat.kropp().path("fel").path("forfallodatum").asText()).contains("bakåt i tiden");
    ApiKlient.Svar felformat = api.anrop("anna", "PUT", url, Map.of("forfallodatum", "4/12/2026"));
    assertThat(felformat.status()).isEqualTo(400);
    assertThat(felformat.kropp().path("fel").path("forfallodatum").asText()).contains("ÅÅÅÅ-MM-DD");
    assertThat(
            api.anrop("petra", "PUT", url, Map.of("forfallodatum", idag.plusDays(3).toString()))
                .status())
        .isEqualTo(403);
    assertThat(forfaller(id)).isNull();

    String kompakt = idag.plusDays(10).toString().replace("-", "");
    ApiKlient.Svar ok = api.anrop("anna", "PUT", url, Map.of("forfallodatum", kompakt));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(forfaller(id).atZone(SVERIGE).toLocalDate()).isEqualTo(idag.plusDays(10));

    Sidklient anna = Sidklient.inloggad(port, "anna");
    anna.get("/uppgifter?vy=mina&typ=" + typ);
    Sidklient.Sida svar =
        anna.post(
            "/uppgifter/" + id + "/forfallodatum",
            Map.of(
                "forfallodatum", idag.minusDays(3).toString(), "tillbaka", "/uppgifter?vy=mina"));
    assertThat(svar.plats()).endsWith("/uppgifter?vy=mina");
    assertThat(anna.get("/uppgifter?vy=mina").html())
        .contains("Förfallodatumet kan inte ligga bakåt i tiden");
    assertThat(forfaller(id).atZone(SVERIGE).toLocalDate()).isEqualTo(idag.plusDays(10));
  }

  @Test
  @DisplayName(
      "Kommentarer: bara inom samtycket, varje läsning loggas, syns i listan och på uppgiften,"
          + " och gallras med ärendet")
  void kommentarer() {
    String arendeId =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                personnummer(),
                "insats",
                "flerpartssamverkan",
                "skal",
                "Behöver stöd",
                "behov",
                List.of("FK", "AF")));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    String url = "/api/uppgifter/" + samtycke.path("id").asText() + "/kommentarer";
    String text = "Individen nås bäst på förmiddagar";

    assertThat(
            api.post("anna", url, Map.of("text", "  ")).kropp().path("fel").path("text").asText())
        .isEqualTo("Skriv en kommentar");
    assertThat(api.post("petra", url, Map.of("text", "Från processledaren")).status())
        .isEqualTo(403);
    assertThat(api.post("anna", url, Map.of("text", text)).status()).isEqualTo(201);

    long fore = lasningar(arendeId, "LAS_KOMMENTAR");
    ApiKlient.Svar lasta = api.get("anna", url);
    assertThat(lasta.kropp().get(0).path("text").asText()).isEqualTo(text);
    assertThat(lasningar(arendeId, "LAS_KOMMENTAR")).isEqualTo(fore + 1);
    assertThat(api.get("petra", url).status()).isEqualTo(403);
    assertThat(api.get("bengt", url).status()).as("AF före samtycket").isEqualTo(403);

    Sidklient anna = Sidklient.inloggad(port, "anna");
    assertThat(
            anna.get("/uppgifter?vy=mina&arende=" + samtycke.path("arendenummer").asText()).html())
        .contains(text);
    assertThat(lasningar(arendeId, "LAS_KOMMENTAR")).isEqualTo(fore + 2);
    assertThat(anna.get("/uppgifter/" + samtycke.path("id").asText()).html()).contains(text);
    assertThat(lasningar(arendeId, "LAS_KOMMENTAR")).isEqualTo(fore + 3);
    assertThat(
            Sidklient.inloggad(port, "petra")
                .get("/uppgifter?vy=alla&arende=" + samtycke.path("arendenummer").asText())
                .html())
        .contains(samtycke.path("arendenummer").asText())
        .doesNotContain(text);
    assertThat(lasningar(arendeId, "LAS_KOMMENTAR")).isEqualTo(fore + 3);

    Sidklient.Sida svar =
        anna.post(
            "/uppgifter/" + samtycke.path("id").asText() + "/kommentar",
            Map.of("text", "Ring på tisdag", "tillbaka", "/uppgifter?vy=mina"));
    assertThat(svar.plats()).endsWith("/uppgifter?vy=mina");
    assertThat(api.get("anna", url).kropp()).hasSize(2);

    gallring.gallra(UUID.fromString(arendeId));
    assertThat(
            jdbc.sql("select count(*) from uppgift_kommentar where arende_id = ?::uuid")
                .param(arendeId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @DisplayName(
      "Efter Slutför säger svaret och listan vad som händer sedan: samtycket går till beredning,"
          + " kallelserna skickas till N personer")
  void bekraftelseEfterSlutfor() {
    String arendeId =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                personnummer(),
                "insats",
                "flerpartssamverkan",
                "skal",
                "Behöver stöd",
                "behov",
                List.of("FK", "AF")));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    ApiKlient.Svar svar =
        api.slutfor(
            "anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF", "KOMMUN-UPPSALA"), false));
    assertThat(svar.kropp().path("meddelande").asText())
        .isEqualTo(
            "Uppgiften Inhämta samtycke är slutförd. Ärendet går nu till beredningsgruppen för"
                + " insatsen, och samtycket gäller 3 parter.");
    Sidklient anna = Sidklient.inloggad(port, "anna");
    assertThat(anna.get("/uppgifter?klar=" + samtycke.path("id").asText()).html())
        .contains("Ärendet går nu till beredningsgruppen");
    assertThat(
            Sidklient.inloggad(port, "bengt")
                .get("/uppgifter?klar=" + samtycke.path("id").asText())
                .html())
        .as("bara den som slutförde")
        .doesNotContain("id=\"bekraftelse\"");

    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", arendeId, "bered-arende");
    assertThat(
            api.slutfor(
                    "bengt",
                    beredning,
                    Map.of("beslut", "JA", "motivering", "Behov hos flera", "arendebarare", "anna"))
                .status())
        .isEqualTo(200);
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", arendeId, "forbered-kallelse");
    Instant motesTid = klocka.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
    svar =
        api.slutfor(
            "anna",
            kallelse,
            Map.of(
                "syfte", "Gemensam plan",
                "motesTid", motesTid.atOffset(java.time.ZoneOffset.UTC).toString(),
                "plats", "Kontaktcenter",
                "ordforande", "cecilia",
                "deltagare",
                    List.of(
                        Map.of("namn", "Bengt Ek", "epost", "bengt@af.example", "part", "AF"),
                        Map.of("namn", "Anna Lind", "epost", "anna@fk.example", "part", "FK"),
                        Map.of("namn", "Cecilia", "epost", "cecilia@uppsala.example", "part", "FK"),
                        Map.of("namn", "Dora", "epost", "dora@fk.example", "part", "FK"))));
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    assertThat(svar.kropp().path("meddelande").asText())
        .isEqualTo(
            "Uppgiften Förbered kallelse är slutförd. Kallelserna skickas nu till 4 personer.");
  }

  private long uppgift(
      String namn,
      String tilldelad,
      List<String> grupper,
      Instant forfaller,
      String arendenummer,
      String insats) {
    long id = NASTA_ID.incrementAndGet();
    String variabler =
        "{\"arendenummer\": \""
            + arendenummer
            + "\""
            + (insats == null ? "" : ", \"insats\": \"" + insats + "\"")
            + "}";
    jdbc.sql(
            """
            insert into uppgift (id, element_instans_nyckel, process_instans_nyckel, process_id,
              element_id, namn, formular_id, tilldelad, kandidatgrupper, forfallodatum, variabler,
              status, skapad)
            values (?, ?, ?, 'test', ?, ?, 'test', ?, ?, ?, ?::jsonb, 'OPPEN', ?)
            """)
        .params(
            id,
            id,
            id,
            typ,
            namn,
            tilldelad,
            grupper.toArray(String[]::new),
            forfaller == null ? null : Timestamp.from(forfaller),
            variabler,
            Timestamp.from(klocka.instant().plusMillis(id % 1_000_000)))
        .update();
    return id;
  }

  private ApiKlient.Svar lista(String vem, String fraga) {
    return api.get(vem, "/api/uppgifter?typ=" + typ + "&" + fraga);
  }

  private static List<Long> ids(ApiKlient.Svar svar) {
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    return ApiKlient.stream(svar.kropp()).map(u -> u.path("id").asLong()).toList();
  }

  private static List<String> namn(ApiKlient.Svar svar) {
    return ApiKlient.stream(svar.kropp()).map(u -> u.path("namn").asText()).toList();
  }

  private String tilldelad(long id) {
    return jdbc.sql("select tilldelad from uppgift where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private Instant forfaller(long id) {
    Timestamp t =
        jdbc.sql("select forfallodatum from uppgift where id = ?")
            .param(id)
            .query((rs, n) -> new Timestamp[] {rs.getTimestamp(1)})
            .single()[0];
    return t == null ? null : t.toInstant();
  }

  private long lasningar(String arendeId, String handling) {
    return jdbc.sql(
            "select count(*) from granskningslogg where arende_id = ?::uuid and handling = ?")
        .params(arendeId, handling)
        .query(Long.class)
        .single();
  }

  /** A valid personnummer of its own for each case, so a search finds only that case. */
  private static String personnummer() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String datum =
        String.format("%02d%02d%02d", 50 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
    String nummer = String.format("%03d", r.nextInt(1000));
    String nio = datum + nummer;
    int summa = 0;
    for (int i = 0; i < 9; i++) {
      int d = (nio.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
      summa += d > 9 ? d - 9 : d;
    }
    return "19" + datum + "-" + nummer + ((10 - summa % 10) % 10);
  }
}
