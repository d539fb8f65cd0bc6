package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;
import static se.flerpart.statistik.StatistikrapporterTest.rader;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.arende.ArendeAvslutat;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.arende.SamtyckeLamnat;
import se.flerpart.beredning.BeredningBeslutad;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MoteGenomfort;
import se.flerpart.mote.MotesSteg;
import se.flerpart.mote.PlanFaststalld;
import se.flerpart.uppfoljning.UppfoljningSteg;

/**
 * One real case through the engine — aktualisering with the statistics' three facts, samtycke,
 * beredning, flerpartsmöte, uppföljning, avslut — counted in the reports of its own insats; and the
 * facts' bad input on the API and the web form.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class StatistikFlodeTest {

  static final String INSATS = "statistik-flode";

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcClient jdbc;
  @Autowired Statistikinsamling insamling;
  @Autowired ApplicationEventPublisher handelser;
  @Autowired TransactionTemplate transaktion;
  ApiKlient api;

  @BeforeEach
  void insats() {
    api = new ApiKlient(port);
    jdbc.sql(
            "insert into insats (kod, namn, beskrivning) values (?, 'Statistikflöde', 'Test')"
                + " on conflict (kod) do update set aktiv = true")
        .param(INSATS)
        .update();
    for (String medlem : List.of("anna", "bengt", "cecilia", "david")) {
      jdbc.sql(
              "insert into beredningsgrupp_medlem (insats_kod, anvandare_id) values (?, ?)"
                  + " on conflict do nothing")
          .params(INSATS, medlem)
          .update();
    }
  }

  /** The test's insats takes no referrals once it is done, so other tests never see it. */
  @AfterEach
  void stang() {
    jdbc.sql("update insats set aktiv = false where kod = ?").param(INSATS).update();
  }

  private Map<String, Object> aktualisering() {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", "19121212-1212");
    a.put("insats", INSATS);
    a.put("skal", "Statistikens flöde");
    a.put("behov", List.of("FK", "AF"));
    a.put("utbildningsniva", "GYMNASIUM");
    a.put("tidIOffentligForsorjning", "UPP_TILL_2_AR");
    a.put("forsorjningStart", List.of("FORSORJNINGSSTOD"));
    return a;
  }

  @Test
  @DisplayName(
      "Givet ett ärende genom hela processen, när det avslutas med studier, så räknas det i"
          + " aktualiseringar, deltagare, avslutade och ledtider")
  void ettArendeGenomProcessenRaknas() {
    LocalDate fran = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate();
    String id = api.aktualisera("anna", aktualisering());
    ArendeSteg.beviljat(api, id, "anna", List.of("FK", "AF", "KOMMUN-UPPSALA"), true, "anna");
    MotesSteg.genomfor(api, motor, id, "anna");
    JsonNode avslut = UppfoljningSteg.tillAvslut(api, id, "anna");
    assertThat(
            api.slutfor(
                    "anna",
                    avslut,
                    Map.of(
                        "avslutsorsak", "STUDIER",
                        "forsorjningEfter", List.of("STUDIEMEDEL"),
                        "sysselsattningEfter", "STUDIER"))
                .status())
        .isEqualTo(200);
    LocalDate till = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate().plusDays(1);
    String fraga = "?fran=" + fran + "&till=" + till + "&insats=" + INSATS;

    JsonNode rapport =
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> api.get("petra", "/api/rapporter" + fraga).kropp(),
                r -> rader(tabell(r, "avslutade")).contains("studier 0 1 0 1 100.0"));

    assertThat(rader(tabell(rapport, "deltagare")))
        .containsExactly(
            "hela-perioden 0 1 0 1",
            "nya 0 1 0 1",
            "avslutade 0 1 0 1",
            "kvar 0 0 0 0",
            "med-handlingsplan 0 1 0 1 100.0",
            "anonyma 0 0 0 0");
    assertThat(rader(tabell(rapport, "avslutade")))
        .contains("avslutade 0 1 0 1", "positiv-losning 0 1 0 1 100.0");
    assertThat(rader(tabell(rapport, "aktualiseringar")))
        .contains("FK 0 1 0 1 0.0", "FK-ja 0 1 0 1 100.0", "totalt 0 1 0 1 0.0");
    assertThat(rader(tabell(rapport, "fordelning-utbildning"))).contains("GYMNASIUM 0 1 0 1 100.0");
    assertThat(rader(tabell(rapport, "fordelning-forsorjningstid")))
        .contains("UPP_TILL_2_AR 0 1 0 1 100.0");
    JsonNode ledtider = tabell(rapport, "ledtider");
    for (JsonNode r : ledtider.path("rader")) {
      assertThat(r.path("antal").asInt()).as(r.toString()).isEqualTo(1);
      assertThat(r.path("vantande").asInt()).as(r.toString()).isZero();
    }
    // The follow-up comes two months after the meeting (the clock moved 64 days).
    assertThat(ledtider.path("rader").get(2).path("maxDagar").asInt()).isBetween(60, 66);
    for (JsonNode t : rapport.path("tabeller")) {
      for (JsonNode k : t.path("kontroller")) {
        assertThat(k.path("godkand").asBoolean()).as(t.path("tabell") + " " + k).isTrue();
      }
    }

    Map<String, Object> rad = rad(id);
    assertThat(rad.get("forsorjning_start")).isEqualTo("{FORSORJNINGSSTOD}");
    assertThat(rad.get("forsorjning_efter")).isEqualTo("{STUDIEMEDEL}");
    assertThat(rad.get("sysselsattning_efter")).isEqualTo("STUDIER");
    assertThat(rad.get("anonym")).isEqualTo(false);
    assertThat(rad.get("personnummer_krypterat")).isNull();
    assertThat(rad.get("arendenummer")).isNotNull();

    // Events delivered again, late or out of order change nothing.
    UUID arende = UUID.fromString(id);
    String nummer = (String) rad.get("arendenummer");
    Instant igar = motor.nu().minus(Duration.ofDays(200));
    insamling.beredningBeslutad(new BeredningBeslutad(arende, nummer, igar, INSATS, "KOMPLETTERA"));
    insamling.moteGenomfort(
        new MoteGenomfort(arende, nummer, motor.nu(), UUID.randomUUID(), List.of(), List.of()));
    insamling.avslutat(
        new ArendeAvslutat(
            arende,
            nummer,
            Instant.parse(rad.get("avslut_tid") + "T10:00:00Z"),
            "AVSLUTAT",
            "STUDIER"));
    assertThat(rad(id)).isEqualTo(rad);

    // A database from before the statistics gets the same row from the migration's backfill.
    jdbc.sql("delete from statistik_deltagare where arende_id = ?::uuid").param(id).update();
    jdbc.sql(aterfyllnad()).update();
    assertThat(rad(id)).isEqualTo(rad);
  }

  /**
   * The statistics and the consent timeline are written in the transaction that publishes a step's
   * event: once the step is committed they are there, with no wait; a step rolled back leaves
   * nothing; and the event registry keeps no publication for them.
   */
  @Test
  void statistikenSkrivsISammaTransaktionSomSteget() {
    UUID arende = UUID.fromString(api.aktualisera("anna", aktualisering()));
    String nummer = (String) rad(arende.toString()).get("arendenummer");
    assertThat(rad(arende.toString()).get("handlingsplan")).isEqualTo(false);
    Instant nu = motor.nu();
    Runnable steg =
        () -> {
          handelser.publishEvent(
              new SamtyckeLamnat(arende, nummer, nu, "MUNTLIGT", List.of("FK"), false));
          handelser.publishEvent(
              new PlanFaststalld(
                  arende,
                  nummer,
                  nu,
                  UUID.randomUUID(),
                  UUID.randomUUID(),
                  1,
                  1,
                  List.of("FK"),
                  LocalDate.now().plusMonths(2)));
          assertThat(
                  jdbc.sql(
                          "select count(*) from event_publication where listener_id like"
                              + " '%.statistik.%' or listener_id like '%.loggkontroll.%'")
                      .query(Long.class)
                      .single())
              .isZero();
        };

    transaktion.executeWithoutResult(
        s -> {
          steg.run();
          s.setRollbackOnly();
        });
    assertThat(rad(arende.toString()).get("handlingsplan")).isEqualTo(false);
    assertThat(samtycken(arende)).isZero();

    transaktion.executeWithoutResult(s -> steg.run());
    assertThat(rad(arende.toString()).get("handlingsplan")).isEqualTo(true);
    assertThat(samtycken(arende)).isEqualTo(1);
  }

  private long samtycken(UUID arende) {
    return jdbc.sql("select count(*) from loggkontroll_samtycke where arende_id = ?")
        .param(arende)
        .query(Long.class)
        .single();
  }

  /** The insert of the migration that fills the statistics from the cases that already exist. */
  private static String aterfyllnad() {
    try (var in =
        StatistikFlodeTest.class.getResourceAsStream(
            "/db/migration/V24__statistik_deltagare_fran_arenden.sql")) {
      String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return sql.substring(sql.indexOf("insert into statistik_deltagare"))
          .replaceAll("--[^\n]*", "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("Okända koder för utbildning, försörjningstid och försörjning ger 400 med fältet")
  void okandaKoder() {
    for (String[] fall :
        new String[][] {
          {"utbildningsniva", "DOKTOR"},
          {"tidIOffentligForsorjning", "EVIGT"},
        }) {
      Map<String, Object> a = aktualisering();
      a.put(fall[0], fall[1]);
      Svar svar = api.post("anna", "/api/arenden", a);
      assertThat(svar.status()).as(fall[0]).isEqualTo(400);
      assertThat(svar.kropp().path("fel").path(fall[0]).asText()).contains(fall[1]);
    }
    Map<String, Object> a = aktualisering();
    a.put("forsorjningStart", List.of("LON", "LOTTERIVINST"));
    Svar svar = api.post("anna", "/api/arenden", a);
    assertThat(svar.status()).isEqualTo(400);
    assertThat(svar.kropp().path("fel").path("forsorjningStart").asText())
        .isEqualTo("Okänd försörjning vid start: LOTTERIVINST");
  }

  @Test
  @DisplayName("Webbformuläret visar valen ur kategoritabellerna och sparar dem")
  void webbformularet() {
    Sidklient anna = Sidklient.inloggad(port, "anna");
    Sidklient.Sida ny = anna.get("/arenden/ny");
    assertThat(ny.html())
        .contains(
            "Utbildningsnivå", "Tid i offentlig försörjning", "Högskola/universitet mer än 3 år")
        .contains("value=\"NIO_AR_ELLER_MER\"", "value=\"SJUK_REHABPENNING\"");
    Map<String, Object> falt = new HashMap<>();
    falt.put("personnummer", "19121212-1212");
    falt.put("insats", INSATS);
    falt.put("skal", "Webbformulärets statistikuppgifter");
    falt.put("utbildningsniva", "DOKTOR");
    falt.put("tidIOffentligForsorjning", "UPP_TILL_3_AR");
    falt.put("forsorjningStart", List.of("LON", "STUDIEMEDEL"));
    Sidklient.Sida fel = anna.post("/arenden", falt);
    assertThat(fel.html()).contains("Okänd utbildningsnivå: DOKTOR");
    falt.put("utbildningsniva", "HOGSKOLA_UPP_TILL_3_AR");
    Sidklient.Sida ok = anna.post("/arenden", falt);
    assertThat(ok.plats()).contains("?registrerat");
    String id = ok.plats().replaceAll(".*/arenden/([0-9a-f-]+).*", "$1");
    assertThat(
            jdbc.sql(
                    "select utbildningsniva || ' ' || tid_i_forsorjning || ' '"
                        + " || array_to_string(forsorjning_start, ',') from arende where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("HOGSKOLA_UPP_TILL_3_AR UPP_TILL_3_AR LON,STUDIEMEDEL");
  }

  private static JsonNode tabell(JsonNode rapport, String id) {
    for (JsonNode t : rapport.path("tabeller")) {
      if (t.path("tabell").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("Tabellen " + id + " saknas");
  }

  private Map<String, Object> rad(String id) {
    return jdbc.sql(
            """
            select arendenummer, anonym, personnummer_krypterat, beslut, beslutsdatum, startdatum,
              forsta_motesdatum, forsta_uppfoljningsdatum, avslutsdatum::text as avslut_tid,
              avslutsorsak, sysselsattning_efter, forsorjning_start::text as forsorjning_start,
              forsorjning_efter::text as forsorjning_efter, handlingsplan, utbildningsniva,
              tid_i_forsorjning
            from statistik_deltagare where arende_id = ?::uuid
            """)
        .param(id)
        .query()
        .singleRow();
  }
}
