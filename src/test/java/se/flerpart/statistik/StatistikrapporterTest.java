package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;

/**
 * Every report table from a small hand-made set of participants whose expected cells are written
 * out below. The set lives in 2003–2004 in two insatser of its own, so the cases other tests walk
 * through the engine never reach it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class StatistikrapporterTest {

  static final String A = "statistiktest-a";
  static final String B = "statistiktest-b";

  /**
   * nr | kön | födelseår | insats | aktualiserande part | aktualiserad | beslut | beslutsdatum |
   * start | första möte | första uppföljning | avslut | avslutsorsak | omfattning | utbildning |
   * tid i försörjning | plan | anonym
   */
  static final List<String> UNDERLAG =
      List.of(
          "T01|KVINNA|1980|A|FK|2003-10-01|JA|2003-10-15|2003-10-15|2003-11-01|2004-01-10|2004-03-01|ARBETE_EJ_SUBVENTIONERAT|100|GYMNASIUM|UPP_TILL_1_AR|ja|",
          "T02|MAN|1985|A|FK|2004-01-05|JA|2004-01-20|2004-01-20|2004-02-01|2004-04-01|2004-06-30|ARBETE_SUBVENTIONERAT|50|GRUNDSKOLA|UPP_TILL_2_AR|ja|",
          "T03|KVINNA|1986|A|AF|2004-02-01|JA|2004-02-11|2004-02-11|2004-03-01||2004-09-15|STUDIER||GYMNASIUM||ja|",
          "T04|MAN|1970|A|AF|2004-02-01|JA|2004-02-21|2004-02-21|2004-03-10|2004-05-10|2004-11-01|OHALSA|||NIO_AR_ELLER_MER|ja|",
          "T05|ANNAT_OKANT|1975|A|REGION|2004-03-01|JA|2004-03-31|2004-03-31||||||SAKNAS|||",
          "T06|KVINNA|1960|A|REGION|2004-03-01|JA|2004-03-11|2004-03-11|2004-04-01||2004-08-01|FLYTTAT||||ja|",
          "T07|KVINNA|1979|A|FK|2004-04-01|JA|2004-04-11|2004-04-11|||2004-10-01||||||",
          "T08|KVINNA|1980|A|FK|2004-04-01|JA|2004-04-06|2004-04-06|||2004-07-01|ARBETE_EJ_SUBVENTIONERAT|100|GYMNASIUM|UPP_TILL_1_AR||ja",
          "T09|MAN|1981|A|AF|2004-05-01|JA|2004-05-11|2004-05-11|||||||||ja",
          "T10|KVINNA|1990|A|FK|2004-05-01|JA|2004-05-05|2004-05-05|||2004-05-20|FELREGISTRERING||GYMNASIUM|||",
          "T11|MAN|1975|A|FK|2004-06-01|NEJ|2004-06-15||||||||||",
          "T12|KVINNA|1988|A|AF|2004-12-01||||||||||||",
          "T13|MAN|1970|B|KOMMUN-UPPSALA|2003-05-01|JA|2003-05-11|2003-05-11|2003-06-01|2003-08-01|||||UPP_TILL_1_AR|ja|",
          "T14|KVINNA|1972|B|KOMMUN-UPPSALA|2004-07-01|JA|2004-07-08|2004-07-08|2004-07-20|2004-09-20|2004-12-15|FORTSATT_REHABILITERING|||EJ_TILLAMPLIGT|ja|",
          "T15|MAN|1958|B|AF|2004-08-01|JA|2004-08-11|2004-08-11|||2004-11-11|ARBETSFORMAGA_SAKNAS||HOGSKOLA_MER_AN_3_AR|||",
          "T16|KVINNA|1983|B|FK|2004-09-01|KOMPLETTERA|2004-09-10||||||||||",
          "T17|KVINNA|1990|A|FK|2002-01-01|JA|2002-01-11|2002-01-11|||2003-06-01|AKTIVT_ARBETSSOKANDE|||||",
          "T18|MAN|1990|A|FK|2004-12-20|JA|2005-01-10|2005-01-10|||||||||",
          "T19|ANNAT_OKANT|1940|A|AF|2004-01-10|JA|2004-01-10|2004-01-10|||2004-02-05|EXTRATJANST|||||",
          "T20|MAN|1939|A|REGION|2004-02-01|JA|2004-02-06|2004-02-06|||2004-04-06|EGET_FORETAG|75||||");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiKlient api;

  @BeforeEach
  void underlag() {
    api = new ApiKlient(port);
    jdbc.sql(
            "insert into insats (kod, namn, max_tid, aktiv) values (?, 'Statistiktest A', 'P12M',"
                + " false), (?, 'Statistiktest B', 'P6M', false) on conflict (kod) do nothing")
        .params(A, B)
        .update();
    if (jdbc.sql("select count(*) from statistik_deltagare where insats_kod = ?")
            .param(A)
            .query(Integer.class)
            .single()
        == 0) {
      UNDERLAG.forEach(r -> lagg(jdbc, r, Arrays.asList(r.split("\\|", -1)), A, B));
    }
  }

  /** One row of a table like {@link #UNDERLAG}; {@code a} and {@code b} name its insatser. */
  static void lagg(JdbcClient jdbc, String rad, List<String> f, String a, String b) {
    assertThat(f).as(rad).hasSize(18);
    jdbc.sql(
            """
            insert into statistik_deltagare (arende_id, arendenummer, kon, fodelsear, insats_kod,
              aktualiserande_part, aktualiseringsdatum, beslut, beslutsdatum, startdatum,
              forsta_motesdatum, forsta_uppfoljningsdatum, avslutsdatum, avslutsorsak,
              sysselsattning_efter, omfattning, utbildningsniva, tid_i_forsorjning,
              handlingsplan, anonym)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            f.get(0),
            f.get(1),
            tal(f.get(2)),
            f.get(3).equals("A") ? a : b,
            text(f.get(4)),
            dag(f.get(5)),
            text(f.get(6)),
            dag(f.get(7)),
            dag(f.get(8)),
            dag(f.get(9)),
            dag(f.get(10)),
            dag(f.get(11)),
            text(f.get(12)),
            f.get(13).isEmpty() ? null : "ARBETE",
            tal(f.get(13)),
            text(f.get(14)),
            text(f.get(15)),
            f.get(16).equals("ja"),
            f.get(17).equals("ja"))
        .update();
  }

  private static String text(String s) {
    return s.isEmpty() ? null : s;
  }

  private static Integer tal(String s) {
    return s.isEmpty() ? null : Integer.valueOf(s);
  }

  private static Date dag(String s) {
    return s.isEmpty() ? null : Date.valueOf(LocalDate.parse(s));
  }

  JsonNode tabell(String tabell, String fraga) {
    Svar svar = api.get("petra", "/api/rapporter/" + tabell + "?" + fraga);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    return svar.kropp();
  }

  /**
   * Each row as "id kvinnor män annat totalt [andel]", or for ledtider "id antal median p80 max
   * väntande".
   */
  static List<String> rader(JsonNode tabell) {
    List<String> ut = new ArrayList<>();
    for (JsonNode r : tabell.path("rader")) {
      String rad;
      if (r.has("antal")) {
        rad =
            String.join(
                " ",
                r.path("id").asText(),
                r.path("antal").asText(),
                r.path("medianDagar").asText("-"),
                r.path("p80Dagar").asText("-"),
                r.path("maxDagar").asText("-"),
                r.path("vantande").asText());
      } else {
        rad =
            String.join(
                " ",
                r.path("id").asText(),
                r.path("kvinnor").asText(),
                r.path("man").asText(),
                r.path("annat").asText(),
                r.path("totalt").asText());
        if (r.has("andel")) {
          rad += " " + r.path("andel").asText();
        }
      }
      ut.add(rad);
    }
    return ut;
  }

  static JsonNode kontroll(JsonNode tabell, String id) {
    for (JsonNode k : tabell.path("kontroller")) {
      if (k.path("id").asText().equals(id)) {
        return k;
      }
    }
    throw new AssertionError("Kontrollen " + id + " saknas i " + tabell.path("tabell"));
  }

  static List<String> arenden(JsonNode kontroll) {
    return ApiKlient.stream(kontroll.path("arenden")).map(JsonNode::asText).sorted().toList();
  }

  static final String AR_2004 = "fran=2004-01-01&till=2004-12-31";

  @Test
  @DisplayName("Utfall för deltagare 2004: aktiva, nya, avslutade, kvar, med plan och anonyma")
  void deltagare() {
    JsonNode t = tabell("deltagare", AR_2004);
    assertThat(t.path("tabell").asText()).isEqualTo("deltagare");
    assertThat(t.path("fran").asText()).isEqualTo("2004-01-01");
    assertThat(t.path("till").asText()).isEqualTo("2004-12-31");
    assertThat(rader(t))
        .containsExactly(
            "hela-perioden 6 6 2 14",
            "nya 5 5 2 12",
            "avslutade 6 4 1 11",
            "kvar 0 2 1 3",
            "med-handlingsplan 4 3 0 7 50.0",
            "anonyma 1 1 0 2");
    JsonNode b = tabell("deltagare", AR_2004 + "&insats=" + B);
    assertThat(b.path("insats").asText()).isEqualTo(B);
    assertThat(rader(b))
        .containsExactly(
            "hela-perioden 1 2 0 3",
            "nya 1 1 0 2",
            "avslutade 1 1 0 2",
            "kvar 0 1 0 1",
            "med-handlingsplan 1 1 0 2 66.7",
            "anonyma 0 0 0 0");
    // 2003: T01 (from October), T13 and T17 (closed in June).
    assertThat(rader(tabell("deltagare", "fran=2003-01-01&till=2003-12-31")))
        .startsWith("hela-perioden 2 1 0 3", "nya 1 1 0 2", "avslutade 1 0 0 1", "kvar 1 1 0 2");
  }

  @Test
  @DisplayName("Avslutade 2004 per orsak med standarddefinitionen; felregistreringen räknas inte")
  void avslutade() {
    JsonNode t = tabell("avslutade", AR_2004);
    assertThat(rader(t))
        .containsExactly(
            "avslutade 6 4 1 11",
            "positiv-losning 3 3 1 7 63.6",
            "arbete 1 2 0 3 42.9",
            "extratjanst 0 0 1 1 14.3",
            "studier 1 0 0 1 14.3",
            "fortsatt-rehab-eller-arbetssok 1 0 0 1 14.3",
            "saknar-arbetsformaga 0 1 0 1 14.3",
            "avbrott-halsoskal 0 1 0 1 9.1",
            "ovriga-avbrott 1 0 0 1 9.1",
            "utan-avslutsorsak 1 0 0 1 9.1",
            "anonyma 1 0 0 1 9.1");
    assertThat(t.path("rader").get(2).path("overordnad").asText()).isEqualTo("positiv-losning");
    assertThat(t.path("definition").path("ar").isNull()).isTrue();
    assertThat(t.path("insats").isNull()).isTrue();
    assertThat(t.path("definition").path("beskrivning").asText()).startsWith("Standarddefinition");
    assertThat(kontroll(t, "en-avslutsrad").path("godkand").asBoolean()).isTrue();
    assertThat(kontroll(t, "delrader").path("godkand").asBoolean()).isTrue();
    assertThat(kontroll(t, "andelar").path("godkand").asBoolean()).isTrue();
    assertThat(kontroll(t, "summa-kon").path("godkand").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("Avslut till arbete och studier 2004, med arbete efter omfattning")
  void avslutArbeteStudier() {
    assertThat(rader(tabell("avslut-arbete-studier", AR_2004)))
        .containsExactly(
            "arbete 1 2 0 3 27.3",
            "arbete-subventionerat 0 1 0 1 9.1",
            "arbete-ej-subventionerat 1 0 0 1 9.1",
            "eget-foretag 0 1 0 1 9.1",
            "omfattning-10 0 0 0 0 0.0",
            "omfattning-25 0 0 0 0 0.0",
            "omfattning-50 0 1 0 1 9.1",
            "omfattning-70 0 0 0 0 0.0",
            "omfattning-75 0 1 0 1 9.1",
            "omfattning-80 0 0 0 0 0.0",
            "omfattning-90 0 0 0 0 0.0",
            "omfattning-100 1 0 0 1 9.1",
            "omfattning-okand 0 0 0 0 0.0",
            "studier 1 0 0 1 9.1",
            "arbete-och-eller-studier 2 2 0 4 36.4",
            "aktivt-arbetssokande 0 0 0 0 0.0",
            "anonyma 1 0 0 1 9.1");
  }

  @Test
  @DisplayName("Aktualiseringar 2004 per part: antal, andel kvinnor och andel JA i beredningen")
  void aktualiseringar() {
    List<String> rader = rader(tabell("aktualiseringar", AR_2004));
    assertThat(rader)
        .contains(
            "FK 3 3 0 6 50.0",
            "FK-ja 2 1 0 3 50.0",
            "AF 2 3 1 6 33.3",
            "AF-ja 1 3 1 5 83.3",
            "REGION 1 1 1 3 33.3",
            "REGION-ja 1 1 1 3 100.0",
            "KOMMUN-UPPSALA 1 0 0 1 100.0",
            "KOMMUN-UPPSALA-ja 1 0 0 1 100.0",
            "FORBUND 0 0 0 0",
            "FORBUND-ja 0 0 0 0",
            "okand-part 0 0 0 0",
            "okand-part-ja 0 0 0 0");
    assertThat(rader.subList(rader.size() - 2, rader.size()))
        .containsExactly("totalt 7 7 2 16 43.8", "totalt-ja 5 5 2 12 75.0");
  }

  @Test
  @DisplayName("Deltagare 2004 efter ålder vid start och efter månader i insats")
  void alderOchManader() {
    assertThat(rader(tabell("fordelning-alder", AR_2004)))
        .containsExactly(
            "totalt 6 6 2 14",
            "under-15 0 0 0 0 0.0",
            "15-19 1 1 0 2 14.3",
            "20-24 2 1 0 3 21.4",
            "25-29 1 0 1 2 14.3",
            "30-34 1 2 0 3 21.4",
            "35-39 0 0 0 0 0.0",
            "40-44 1 0 0 1 7.1",
            "45-49 0 1 0 1 7.1",
            "50-54 0 0 0 0 0.0",
            "55-59 0 0 0 0 0.0",
            "60-64 0 0 1 1 7.1",
            "65- 0 1 0 1 7.1",
            "okand 0 0 0 0 0.0");
    assertThat(rader(tabell("fordelning-manader-i-insats", AR_2004)))
        .containsExactly(
            "totalt 6 6 2 14",
            "under-1 0 0 1 1 7.1",
            "1-5 5 3 0 8 57.1",
            "6-10 1 2 1 4 28.6",
            "11-15 0 0 0 0 0.0",
            "16-20 0 1 0 1 7.1",
            "21-25 0 0 0 0 0.0",
            "26- 0 0 0 0 0.0");
  }

  @Test
  @DisplayName("Deltagare 2004 efter tid i försörjning och utbildning; anonyma i en egen rad")
  void forsorjningstidOchUtbildning() {
    assertThat(rader(tabell("fordelning-forsorjningstid", AR_2004)))
        .containsExactly(
            "totalt 6 6 2 14",
            "UPP_TILL_1_AR 1 1 0 2 14.3",
            "UPP_TILL_2_AR 0 1 0 1 7.1",
            "UPP_TILL_3_AR 0 0 0 0 0.0",
            "UPP_TILL_4_AR 0 0 0 0 0.0",
            "UPP_TILL_5_AR 0 0 0 0 0.0",
            "UPP_TILL_6_AR 0 0 0 0 0.0",
            "UPP_TILL_7_AR 0 0 0 0 0.0",
            "UPP_TILL_8_AR 0 0 0 0 0.0",
            "UPP_TILL_9_AR 0 0 0 0 0.0",
            "NIO_AR_ELLER_MER 0 1 0 1 7.1",
            "EJ_TILLAMPLIGT 1 0 0 1 7.1",
            "uppgift-saknas 3 2 2 7 50.0",
            "anonyma 1 1 0 2 14.3");
    // T08 is anonymous: not counted under GYMNASIUM although its row says so.
    assertThat(rader(tabell("fordelning-utbildning", AR_2004)))
        .containsExactly(
            "totalt 6 6 2 14",
            "GRUNDSKOLA 0 1 0 1 7.1",
            "GYMNASIUM 2 0 0 2 14.3",
            "HOGSKOLA_UPP_TILL_1_AR 0 0 0 0 0.0",
            "HOGSKOLA_UPP_TILL_3_AR 0 0 0 0 0.0",
            "HOGSKOLA_MER_AN_3_AR 0 1 0 1 7.1",
            "ANNAN_EFTERGYMNASIAL 0 0 0 0 0.0",
            "SAKNAS 0 0 1 1 7.1",
            "uppgift-saknas 3 3 1 7 50.0",
            "anonyma 1 1 0 2 14.3");
  }

  @Test
  @DisplayName("Ledtider 2004: median, 80:e percentil och max dagar, väntande med sin tid hittills")
  void ledtider() {
    JsonNode t = tabell("ledtider", AR_2004);
    List<String> rader = rader(t);
    assertThat(rader.subList(0, 4))
        .containsExactly(
            "aktualisering-beslut 16 10.0 20.0 121 3",
            "beslut-forsta-mote 7 19.0 234.0 275 2",
            "mote-forsta-uppfoljning 4 61.5 70.0 70 0",
            "tid-i-insats 14 161.0 254.0 600 3");
    assertThat(rader)
        .contains(
            "tid-i-insats:" + B + " 3 160.0 600.0 600 1",
            "aktualisering-beslut:" + B + " 3 10.0 121.0 121 1");
    assertThat(rader(tabell("ledtider", AR_2004 + "&insats=" + B)))
        .containsExactly(
            "aktualisering-beslut 3 10.0 121.0 121 1",
            "beslut-forsta-mote 1 12.0 12.0 12 0",
            "mote-forsta-uppfoljning 1 62.0 62.0 62 0",
            "tid-i-insats 3 160.0 600.0 600 1");
  }

  @Test
  @DisplayName("Datakontrollerna pekar ut ärendena: utan avslutsorsak, över längsta tid, okänt kön")
  void datakontroller() {
    JsonNode t = tabell("deltagare", AR_2004);
    assertThat(kontroll(t, "utan-avslutsorsak").path("godkand").asBoolean()).isFalse();
    assertThat(arenden(kontroll(t, "utan-avslutsorsak"))).containsExactly("T07");
    assertThat(arenden(kontroll(t, "over-max-tid"))).containsExactly("T13");
    assertThat(arenden(kontroll(t, "kon-saknas"))).containsExactly("T05", "T19");
    assertThat(kontroll(t, "avslut-fore-start").path("godkand").asBoolean()).isTrue();
    assertThat(kontroll(t, "avslutade-och-kvar").path("godkand").asBoolean()).isTrue();
    assertThat(kontroll(t, "utan-avslutsorsak").path("meddelande").asText())
        .isEqualTo("1 avslutade utan avslutsorsak");
  }

  @Test
  @DisplayName("Hela rapporten på en gång: alla nio tabeller i fast ordning")
  void helaRapporten() {
    Svar svar = api.get("admin", "/api/rapporter?" + AR_2004 + "&format=json");
    assertThat(svar.status()).isEqualTo(200);
    assertThat(
            ApiKlient.stream(svar.kropp().path("tabeller"))
                .map(t -> t.path("tabell").asText())
                .collect(Collectors.toList()))
        .containsExactlyElementsOf(Statistikrapporter.TABELLER);
    assertThat(rader(svar.kropp().path("tabeller").get(0)))
        .first()
        .isEqualTo("hela-perioden 6 6 2 14");
  }

  @Test
  @DisplayName("En definition för 2004 gäller 2004 och 2005; 2003 räknas med standarddefinitionen")
  void definitionPerAr() {
    jdbc.sql(
            """
            insert into statistik_definition (ar, beskrivning, positiv_losning, avbrott_halsoskal,
              anonyma_i_totalen, delrad_andel_av, andrad, andrad_av)
            values (2004, 'Positiv lösning är bara arbete och studier', cast(? as jsonb),
              '{OHALSA,ARBETSFORMAGA_SAKNAS}', false, 'AVSLUTADE', now(), 'admin')
            """)
        .param(
            "{\"arbete\": [\"ARBETE_EJ_SUBVENTIONERAT\", \"ARBETE_SUBVENTIONERAT\","
                + " \"EGET_FORETAG\", \"EXTRATJANST\"], \"studier\": [\"STUDIER\"]}")
        .update();
    try {
      JsonNode t = tabell("avslutade", AR_2004);
      assertThat(t.path("definition").path("ar").asInt()).isEqualTo(2004);
      assertThat(t.path("definition").path("beskrivning").asText())
          .isEqualTo("Positiv lösning är bara arbete och studier");
      assertThat(rader(t))
          .containsExactly(
              "avslutade 5 4 1 10",
              "positiv-losning 2 2 1 5 50.0",
              "arbete 1 2 1 4 40.0",
              "extratjanst 0 0 0 0 0.0",
              "studier 1 0 0 1 10.0",
              "fortsatt-rehab-eller-arbetssok 0 0 0 0 0.0",
              "saknar-arbetsformaga 0 0 0 0 0.0",
              "avbrott-halsoskal 0 2 0 2 20.0",
              "ovriga-avbrott 2 0 0 2 20.0",
              "utan-avslutsorsak 1 0 0 1 10.0",
              "anonyma 1 0 0 1");
      assertThat(t.path("rader").get(10).has("overordnad")).isFalse();
      assertThat(kontroll(t, "en-avslutsrad").path("godkand").asBoolean()).isTrue();
      assertThat(rader(tabell("deltagare", AR_2004))).first().isEqualTo("hela-perioden 5 5 2 12");
      assertThat(
              tabell("avslutade", "fran=2005-01-01&till=2005-06-30")
                  .path("definition")
                  .path("ar")
                  .asInt())
          .isEqualTo(2004);
      JsonNode ar2003 = tabell("avslutade", "fran=2003-01-01&till=2003-12-31");
      assertThat(ar2003.path("definition").path("ar").isNull()).isTrue();
      assertThat(rader(ar2003)).contains("fortsatt-rehab-eller-arbetssok 1 0 0 1 100.0");
    } finally {
      jdbc.sql("delete from statistik_definition where ar = 2004").update();
    }
  }

  @Test
  @DisplayName(
      "Ett trasigt underlag: kontrollerna listar varje problem och tabellen är inte godkänd")
  void trasigtUnderlag() {
    String c = "statistiktest-c";
    jdbc.sql(
            "insert into insats (kod, namn, max_tid, aktiv) values (?, 'Statistiktest C', 'P3M',"
                + " false) on conflict (kod) do nothing")
        .param(c)
        .update();
    if (jdbc.sql("select count(*) from statistik_deltagare where insats_kod = ?")
            .param(c)
            .query(Integer.class)
            .single()
        == 0) {
      for (String r :
          List.of(
              "X01|KVINNA|1980|A|FK|2007-01-10|JA|2007-05-01|2007-05-01|||2007-03-01|STUDIER|||||",
              "X02|ANNAT_OKANT|1980|A|FK|2007-01-10|JA|2007-02-01|2007-02-01|||2007-04-01||||||",
              "X03|MAN|1980|A|AF|2007-01-10|JA|2007-01-15|2007-01-15|||||||||",
              "X04|MAN|1980|A|AF|2007-01-10|JA|2007-01-15|2007-01-15|||2007-02-01|FELREGISTRERING|||||")) {
        lagg(jdbc, r, Arrays.asList(r.split("\\|", -1)), c, c);
      }
    }
    JsonNode t = tabell("avslutade", "fran=2007-01-01&till=2007-12-31&insats=" + c);
    assertThat(arenden(kontroll(t, "avslut-fore-start"))).containsExactly("X01");
    assertThat(arenden(kontroll(t, "utan-avslutsorsak"))).containsExactly("X02");
    assertThat(arenden(kontroll(t, "over-max-tid"))).containsExactly("X03");
    assertThat(arenden(kontroll(t, "kon-saknas"))).containsExactly("X02");
    for (String id : List.of("avslut-fore-start", "utan-avslutsorsak", "over-max-tid")) {
      assertThat(kontroll(t, id).path("godkand").asBoolean()).as(id).isFalse();
      assertThat(kontroll(t, id).path("meddelande").asText()).as(id).isNotBlank();
    }
    // Nothing is corrected: the broken rows still count where they belong.
    assertThat(rader(t)).contains("avslutade 1 0 1 2", "utan-avslutsorsak 0 0 1 1 50.0");
  }

  @Test
  @DisplayName("Fel indata ger 400 med fältet; andra än processledare och administratör får 403")
  void felIndataOchBehorighet() {
    assertThat(falt(api.get("petra", "/api/rapporter/deltagare?fran=2004-02-01&till=2004-01-01")))
        .isEqualTo("till");
    assertThat(falt(api.get("petra", "/api/rapporter/deltagare?fran=2004-13-01")))
        .isEqualTo("fran");
    assertThat(falt(api.get("petra", "/api/rapporter/deltagare?till=igar"))).isEqualTo("till");
    assertThat(falt(api.get("petra", "/api/rapporter/deltagare?insats=finns-inte")))
        .isEqualTo("insats");
    assertThat(falt(api.get("petra", "/api/rapporter/uppfoljning"))).isEqualTo("tabell");
    assertThat(falt(api.get("petra", "/api/rapporter?format=csv"))).isEqualTo("format");
    assertThat(
            api.get("petra", "/api/rapporter?format=csv")
                .kropp()
                .path("fel")
                .path("format")
                .asText())
        .isEqualTo("Formatet stöds inte – välj json, xlsx eller pdf");
    for (String vem : List.of("anna", "bengt", "cecilia", "david", "sara")) {
      assertThat(api.get(vem, "/api/rapporter/deltagare").status()).as(vem).isEqualTo(403);
      assertThat(api.get(vem, "/api/rapporter").status()).as(vem).isEqualTo(403);
    }
    assertThat(api.get(null, "/api/rapporter/deltagare").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("Utan period gäller innevarande år hittills")
  void standardperiod() {
    JsonNode t = tabell("deltagare", "");
    LocalDate till = LocalDate.parse(t.path("till").asText());
    assertThat(t.path("fran").asText()).isEqualTo(till.withDayOfYear(1).toString());
  }

  private static String falt(Svar svar) {
    assertThat(svar.status()).as(svar.toString()).isEqualTo(400);
    return svar.kropp().path("fel").fieldNames().next();
  }
}
