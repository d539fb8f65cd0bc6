package se.flerpart.oversikt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.Webblasare;

/**
 * The process overview: figures per BPMN step from open tasks and the awaited follow-up day, the
 * filters and their errors, who may see it, and the page with its diagrams. Each test has an insats
 * of its own, so it sees exactly its own cases.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ProcessoversiktTest {

  private static final AtomicLong NASTA_ID =
      new AtomicLong(7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));

  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Clock klocka;
  ApiKlient api;
  String insats;

  @BeforeEach
  void forbered() {
    api = new ApiKlient(port);
    insats = "ov-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("insert into insats (kod, namn) values (?, ?)")
        .params(insats, "Översiktstest " + insats)
        .update();
  }

  @Test
  @DisplayName("Antal, median och längst per steg ur öppna uppgifter och väntan på uppföljningsdag")
  void siffrorPerSteg() {
    Instant nu = klocka.instant();
    UUID a = arende("FK");
    UUID b = arende("AF");
    UUID c = arende("FK");
    UUID d = arende("FK");
    UUID e = arende("AF");
    UUID f = arende("FK");
    UUID avslutat = arende("FK");
    uppgift(a, "arende", "bered-arende", nu.minus(Duration.ofDays(1)), "OPPEN");
    uppgift(b, "arende", "bered-arende", nu.minus(Duration.ofDays(4)), "OPPEN");
    uppgift(c, "arende", "bered-arende", nu.plus(Duration.ofHours(1)), "OPPEN");
    uppgift(d, "flerpartsmote", "forbered-kallelse", nu.minus(Duration.ofHours(36)), "OPPEN");
    uppgift(d, "arende", "inhamta-samtycke", nu.minus(Duration.ofDays(9)), "SLUTFORD");
    // A case waiting for its follow-up day, and one with a follow-up day that has an open task.
    uppfoljningsdag(e, nu.minus(Duration.ofDays(10)));
    uppfoljningsdag(a, nu.minus(Duration.ofDays(20)));
    // A planned meeting: the case waits in Samla in svar; its follow-up day does not count.
    mote(f, nu.minus(Duration.ofDays(3)));
    uppfoljningsdag(f, nu.minus(Duration.ofDays(40)));
    jdbc.sql("update arende set avslutad = ?, status = 'AVSLUTAT' where id = ?")
        .params(Timestamp.from(nu), avslutat)
        .update();
    uppgift(avslutat, "arende", "bered-arende", nu.minus(Duration.ofDays(30)), "OPPEN");

    ApiKlient.Svar svar = api.get("petra", "/api/oversikt?insats=" + insats);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    JsonNode steg = svar.kropp();
    assertThat(steg).hasSize(4);
    JsonNode bered = hitta(steg, "arende", "bered-arende");
    assertThat(bered.path("namn").asText()).isEqualTo("Bered ärende");
    assertThat(bered.path("antal").asInt()).isEqualTo(3);
    assertThat(bered.path("medianDagar").asDouble()).isEqualTo(1.0);
    assertThat(bered.path("langstDagar").asDouble()).isEqualTo(4.0);
    JsonNode kallelse = hitta(steg, "flerpartsmote", "forbered-kallelse");
    assertThat(kallelse.path("antal").asInt()).isEqualTo(1);
    assertThat(kallelse.path("medianDagar").asDouble()).isEqualTo(1.5);
    assertThat(kallelse.path("langstDagar").asDouble()).isEqualTo(1.5);
    JsonNode vantar = hitta(steg, "uppfoljning", "vantar-pa-uppfoljningsdag");
    assertThat(vantar.path("namn").asText()).isEqualTo("Väntar på uppföljningsdagen");
    assertThat(vantar.path("antal").asInt()).isEqualTo(1);
    assertThat(vantar.path("langstDagar").asDouble()).isEqualTo(10.0);
    JsonNode mote = hitta(steg, "flerpartsmote", "samla-in-svar");
    assertThat(mote.path("namn").asText()).isEqualTo("Samla in svar");
    assertThat(mote.path("antal").asInt()).isEqualTo(1);
    assertThat(mote.path("medianDagar").asDouble()).isEqualTo(3.0);
    for (JsonNode s : steg) {
      assertThat(s.path("medianDagar").asDouble()).isGreaterThanOrEqualTo(0);
      assertThat(s.path("langstDagar").asDouble())
          .isGreaterThanOrEqualTo(s.path("medianDagar").asDouble());
    }
    // Only the figures: no case number, id or anything about a person.
    assertThat(svar.kropp().toString()).doesNotContain(a.toString(), "OV-");

    JsonNode baraAf = api.get("admin", "/api/oversikt?insats=" + insats + "&part=AF").kropp();
    assertThat(baraAf).hasSize(2);
    assertThat(hitta(baraAf, "arende", "bered-arende").path("antal").asInt()).isEqualTo(1);
    assertThat(hitta(baraAf, "arende", "bered-arende").path("medianDagar").asDouble())
        .isEqualTo(4.0);
  }

  @Test
  @DisplayName("Okänd insats eller part ger 400 på svenska; bara processledare och admin får se")
  void felOchAtkomst() {
    ApiKlient.Svar okand = api.get("petra", "/api/oversikt?insats=finns-inte&part=NEJ");
    assertThat(okand.status()).isEqualTo(400);
    assertThat(okand.kropp().toString()).contains("insats", "Insatsen finns inte", "part");
    for (String vem : List.of("anna", "cecilia", "sara")) {
      assertThat(api.get(vem, "/api/oversikt").status()).as(vem).isEqualTo(403);
      assertThat(status(vem, "/oversikt/bpmn/arende")).as(vem).isEqualTo(403);
      assertThat(status(vem, "/oversikt")).as(vem).isEqualTo(403);
    }
    assertThat(status("petra", "/oversikt/bpmn/avvikelse")).isEqualTo(404);
    assertThat(status("petra", "/oversikt/bpmn/arende")).isEqualTo(200);
    assertThat(status("petra", "/oversikt?insats=finns-inte")).isEqualTo(200);
  }

  @Test
  @DisplayName("Sidan ritar processerna med siffror på stegen, tabellen och ärendelistan; axe-ren")
  void sidan() throws Exception {
    Webblasare.kravPaWebblasare();
    Instant nu = klocka.instant();
    UUID a = arende("FK");
    UUID b = arende("AF");
    uppgift(a, "arende", "bered-arende", nu.minus(Duration.ofDays(2)), "OPPEN");
    uppgift(b, "arende", "bered-arende", nu.minus(Duration.ofDays(3)), "OPPEN");
    UUID plan = plan(a, 1, nu.minus(Duration.ofDays(20)));
    atgard(plan, 1, "REGION", LocalDate.ofInstant(nu, SVERIGE).minusDays(4));
    String nummer =
        jdbc.sql("select arendenummer from arende where id = ?")
            .param(b)
            .query(String.class)
            .single();
    try (Webblasare chromium = Webblasare.starta()) {
      WebDriver w = chromium.driver();
      WebDriverWait vanta = new WebDriverWait(w, Duration.ofSeconds(30));
      chromium.loggaIn(port, "petra");
      vanta.until(ExpectedConditions.presenceOfElementLocated(By.id("meny-oversikt")));
      w.findElement(By.id("meny-oversikt")).click();
      vanta.until(ExpectedConditions.urlContains("/oversikt"));
      w.get("http://localhost:" + port + "/oversikt?insats=" + insats);

      vanta.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#diagram-arende .djs-element")));
      vanta.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#diagram-uppfoljning .djs-element")));
      WebElement siffra =
          vanta.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#diagram-arende .oversikt-siffra[data-element=bered-arende]")));
      assertThat(siffra.getText()).startsWith("2 st").contains("2,5/3,0 d");
      assertThat(
              w.findElements(
                  By.cssSelector(
                      "#diagram-arende .djs-element.varme-4[data-element-id=bered-arende]")))
          .hasSize(1);

      List<WebElement> rader = w.findElements(By.cssSelector("#oversikt-tabell tbody tr"));
      assertThat(rader).hasSize(1);
      assertThat(rader.get(0).getText()).contains("Bered ärende", "2", "2,5", "3,0");

      siffra.click();
      WebElement lista = w.findElement(By.id("arenden-arende-bered-arende"));
      vanta.until(d -> lista.getDomAttribute("open") != null);
      assertThat(lista.getText()).contains(nummer, "Arbetsförmedlingen", "3,0");

      WebElement vantan = w.findElement(By.id("vantan-tabell"));
      assertThat(vantan.findElements(By.cssSelector("tbody tr"))).hasSize(1);
      assertThat(vantan.getText()).contains("Region Uppsala", "Åtgärd i planen efter sista dag");
      assertThat(w.findElements(By.cssSelector(".vantan-stapel"))).hasSize(1);

      w.findElement(By.cssSelector("input[name=farg][value=langst]")).click();
      chromium.granskaTillganglighet();
    }
  }

  @Test
  @DisplayName("Väntan på parter: kallelsesvar, åtgärd efter sista dag och komplettering per part")
  void vantanPaParter() {
    Instant nu = klocka.instant();
    // Kallelsesvar: AF has not answered in two cases (5 and 3 days); two unanswered AF invitations
    // to the same meeting are one wait. An answer, a replaced invitee (its replacement counts from
    // its own invitation), the individual and a meeting whose time has passed do not count.
    UUID a = arende("FK");
    UUID moteA = mote(a, "PLANERAT", nu.plus(Duration.ofDays(7)), nu.minus(Duration.ofDays(6)));
    kallelse(moteA, "PROFESSIONELL", "AF", nu.minus(Duration.ofDays(5)), null);
    kallelse(moteA, "PROFESSIONELL", "AF", nu.minus(Duration.ofDays(4)), null);
    kallelse(moteA, "PROFESSIONELL", "REGION", nu.minus(Duration.ofDays(5)), "ACCEPTERAR");
    kallelse(moteA, "INDIVID", null, nu.minus(Duration.ofDays(5)), null);
    UUID ersatt =
        kallelse(moteA, "PROFESSIONELL", "KOMMUN-UPPSALA", nu.minus(Duration.ofDays(5)), null);
    UUID ersattare =
        kallelse(moteA, "PROFESSIONELL", "KOMMUN-UPPSALA", nu.minus(Duration.ofDays(1)), null);
    jdbc.sql("update kallelse set ersatt_av = ? where id = ?").params(ersattare, ersatt).update();
    UUID b = arende("FK");
    UUID moteB = mote(b, "PLANERAT", nu.plus(Duration.ofDays(2)), nu.minus(Duration.ofDays(3)));
    kallelse(moteB, "PROFESSIONELL", "AF", nu.minus(Duration.ofDays(3)), null);
    UUID passerat = arende("FK");
    UUID motePasserat =
        mote(passerat, "PLANERAT", nu.minus(Duration.ofDays(1)), nu.minus(Duration.ofDays(20)));
    kallelse(motePasserat, "PROFESSIONELL", "AF", nu.minus(Duration.ofDays(20)), null);

    // Komplettering: the aktualiserande part AF, 2 days; submitted or closed cases do not count.
    UUID d = arende("AF");
    uppgift(d, "arende", "komplettera-aktualisering", nu.minus(Duration.ofDays(2)), "OPPEN");
    UUID inskickad = arende("AF");
    uppgift(
        inskickad,
        "arende",
        "komplettera-aktualisering",
        nu.minus(Duration.ofDays(8)),
        "INSKICKAD");
    UUID avslutat = arende("FK");
    uppgift(avslutat, "arende", "komplettera-aktualisering", nu.minus(Duration.ofDays(9)), "OPPEN");
    UUID moteAvslutat =
        mote(avslutat, "PLANERAT", nu.plus(Duration.ofDays(1)), nu.minus(Duration.ofDays(9)));
    kallelse(moteAvslutat, "PROFESSIONELL", "AF", nu.minus(Duration.ofDays(9)), null);
    jdbc.sql("update arende set avslutad = ?, status = 'AVSLUTAT' where id = ?")
        .params(Timestamp.from(nu), avslutat)
        .update();

    // Actions: only the latest plan, only after the last day, and not once reported done.
    LocalDate idag = LocalDate.ofInstant(nu, SVERIGE);
    UUID g = arende("FK");
    UUID gammalPlan = plan(g, 1, nu.minus(Duration.ofDays(60)));
    atgard(gammalPlan, 1, "AF", idag.minusDays(40));
    UUID plan = plan(g, 2, nu.minus(Duration.ofDays(30)));
    atgard(plan, 1, "REGION", idag.minusDays(6));
    atgard(plan, 2, "KOMMUN-UPPSALA", idag.plusDays(10));
    atgard(plan, 3, "REGION", idag.minusDays(3));
    uppfoljning(
        g,
        nu.minus(Duration.ofDays(1)),
        "[{\"status\":\"EJ_GENOMFORD\"},{\"status\":\"DELVIS\"},{\"status\":\"GENOMFORD\"}]");
    double regionDagar =
        Processoversikt.dagar(idag.minusDays(5).atStartOfDay(SVERIGE).toInstant(), nu);

    ApiKlient.Svar svar = api.get("petra", "/api/oversikt/vantan?insats=" + insats);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    JsonNode rader = svar.kropp();
    assertThat(rader).as(rader.toString()).hasSize(4);
    JsonNode af = vantan(rader, "AF", "kallelsesvar");
    assertThat(af.path("partNamn").asText()).isEqualTo("Arbetsförmedlingen");
    assertThat(af.path("antal").asInt()).isEqualTo(2);
    assertThat(af.path("medianDagar").asDouble()).isEqualTo(4.0);
    assertThat(af.path("langstDagar").asDouble()).isEqualTo(5.0);
    assertThat(af.path("summaDagar").asDouble()).isEqualTo(8.0);
    JsonNode komplettering = vantan(rader, "AF", "komplettering");
    assertThat(komplettering.path("antal").asInt()).isEqualTo(1);
    assertThat(komplettering.path("medianDagar").asDouble()).isEqualTo(2.0);
    assertThat(komplettering.path("langstDagar").asDouble()).isEqualTo(2.0);
    JsonNode region = vantan(rader, "REGION", "atgard");
    assertThat(region.path("partNamn").asText()).isEqualTo("Region Uppsala");
    assertThat(region.path("antal").asInt()).isEqualTo(1);
    assertThat(region.path("langstDagar").asDouble())
        .isCloseTo(regionDagar, within(0.1))
        .isGreaterThan(4.0);
    // The replaced municipal invitee does not count; the replacement's own invitation does.
    JsonNode kommun = vantan(rader, "KOMMUN-UPPSALA", "kallelsesvar");
    assertThat(kommun.path("antal").asInt()).isEqualTo(1);
    assertThat(kommun.path("langstDagar").asDouble()).isEqualTo(1.0);
    // The part holding cases up longest comes first.
    assertThat(rader.get(0).path("part").asText()).isEqualTo("AF");
    // Only figures: no case number or the invitee's name.
    assertThat(rader.toString()).doesNotContain("OV-", "Kallad Testperson", a.toString());

    JsonNode baraAf =
        api.get("admin", "/api/oversikt/vantan?insats=" + insats + "&part=AF").kropp();
    assertThat(baraAf).hasSize(1);
    assertThat(vantan(baraAf, "AF", "komplettering").path("antal").asInt()).isEqualTo(1);

    String sida =
        api.http()
            .get()
            .uri("/oversikt?insats=" + insats)
            .header(HttpHeaders.AUTHORIZATION, basic("petra"))
            .retrieve()
            .body(String.class);
    assertThat(sida).doesNotContain("Kallad Testperson");
    String avsnitt = sida.substring(sida.indexOf("id=\"vantan\""));
    avsnitt = avsnitt.substring(0, avsnitt.indexOf("</section>"));
    assertThat(avsnitt)
        .contains(
            "Väntan på parter",
            "Arbetsförmedlingen",
            "Region Uppsala",
            "Svar på kallelse",
            "8,0",
            nummer(b),
            nummer(g));
    assertThat(avsnitt).doesNotContain(nummer(passerat), nummer(inskickad), nummer(avslutat));
  }

  @Test
  @DisplayName("Väntan på parter: okänt filter ger 400 på svenska, bara processledare och admin")
  void vantanFelOchAtkomst() {
    ApiKlient.Svar okand = api.get("petra", "/api/oversikt/vantan?insats=finns-inte&part=NEJ");
    assertThat(okand.status()).isEqualTo(400);
    assertThat(okand.kropp().toString())
        .contains("insats", "Insatsen finns inte", "part", "Parten finns inte");
    for (String vem : List.of("anna", "bengt", "cecilia", "david", "sara")) {
      assertThat(api.get(vem, "/api/oversikt/vantan").status()).as(vem).isEqualTo(403);
    }
    assertThat(api.get("admin", "/api/oversikt/vantan?insats=" + insats).kropp()).isEmpty();
  }

  @Test
  @DisplayName("Öppna ärenden utan väntande steg listas på sidan, med dagar sedan senaste händelse")
  void utanSteg() {
    Instant nu = klocka.instant();
    UUID stilla = arende("AF");
    jdbc.sql("update arende set skapad = ? where id = ?")
        .params(Timestamp.from(nu.minus(Duration.ofDays(10))), stilla)
        .update();
    jdbc.sql(
            "insert into arende_handelse (arende_id, tid, typ, beskrivning) values (?, ?, 'TEST',"
                + " 'Test')")
        .params(stilla, Timestamp.from(nu.minus(Duration.ofDays(3))))
        .update();
    UUID iSteg = arende("FK");
    uppgift(iSteg, "arende", "bered-arende", nu.minus(Duration.ofDays(1)), "OPPEN");
    UUID vantar = arende("FK");
    uppfoljningsdag(vantar, nu.minus(Duration.ofDays(5)));

    String sida =
        api.http()
            .get()
            .uri("/oversikt?insats=" + insats)
            .header(HttpHeaders.AUTHORIZATION, basic("petra"))
            .retrieve()
            .body(String.class);
    assertThat(sida).contains("Öppna ärenden utan väntande steg");
    String tabell = sida.substring(sida.indexOf("id=\"utan-steg-tabell\""));
    tabell = tabell.substring(0, tabell.indexOf("</table>"));
    assertThat(tabell).contains(nummer(stilla), "3,0", "Arbetsförmedlingen");
    assertThat(tabell).doesNotContain(nummer(iSteg), nummer(vantar));
    // The API's steps are unchanged: the case without a step is not one of them.
    JsonNode steg = api.get("petra", "/api/oversikt?insats=" + insats).kropp();
    assertThat(steg).hasSize(2);
  }

  private String nummer(UUID arende) {
    return jdbc.sql("select arendenummer from arende where id = ?")
        .param(arende)
        .query(String.class)
        .single();
  }

  /** The status of a page (not JSON) fetched as the user. */
  private int status(String vem, String sokvag) {
    return api.http()
        .get()
        .uri(sokvag)
        .header(
            HttpHeaders.AUTHORIZATION,
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((vem + ":demo").getBytes(StandardCharsets.UTF_8)))
        .exchange((req, res) -> res.getStatusCode().value());
  }

  private static JsonNode hitta(JsonNode steg, String process, String element) {
    return ApiKlient.stream(steg)
        .filter(
            s ->
                s.path("process").asText().equals(process)
                    && s.path("elementId").asText().equals(element))
        .findFirst()
        .orElseThrow(() -> new AssertionError(process + "/" + element + " saknas i " + steg));
  }

  private UUID arende(String part) {
    UUID id = UUID.randomUUID();
    String anvandare = part.equals("AF") ? "bengt" : "anna";
    jdbc.sql(
            """
            insert into arende (id, arendenummer, insats_kod, kon, skal, aktualiserande_part,
              aktualiserad_av, status, skapad)
            values (?, ?, ?, 'KVINNA', 'Test', ?, ?, 'BEREDNING', ?)
            """)
        .params(
            id,
            "OV-" + id.toString().substring(0, 8),
            insats,
            part,
            anvandare,
            Timestamp.from(klocka.instant()))
        .update();
    return id;
  }

  private void uppgift(UUID arende, String process, String element, Instant skapad, String status) {
    long id = NASTA_ID.incrementAndGet();
    jdbc.sql(
            """
            insert into uppgift (id, element_instans_nyckel, process_instans_nyckel, process_id,
              element_id, namn, arende_id, formular_id, status, skapad)
            values (?, ?, ?, ?, ?, 'Test', ?, 'test', ?, ?)
            """)
        .params(id, id, id, process, element, arende, status, Timestamp.from(skapad))
        .update();
  }

  private void mote(UUID arende, Instant skapad) {
    mote(arende, "PLANERAT", skapad.plus(Duration.ofDays(7)), skapad);
  }

  private UUID mote(UUID arende, String status, Instant motesTid, Instant skapad) {
    UUID id = UUID.randomUUID();
    long uppgift = NASTA_ID.incrementAndGet();
    jdbc.sql(
            """
            insert into mote (id, arende_id, process_instans_nyckel, uppgift_id, syfte, motes_tid,
              ordforande, arendebarare, status, skapad)
            values (?, ?, ?, ?, 'Test', ?, 'cecilia', 'anna', ?, ?)
            """)
        .params(
            id, arende, uppgift, uppgift, Timestamp.from(motesTid), status, Timestamp.from(skapad))
        .update();
    return id;
  }

  private void uppfoljningsdag(UUID arende, Instant satt) {
    jdbc.sql("insert into uppfoljning_nasta (arende_id, datum, satt) values (?, ?, ?)")
        .params(arende, LocalDate.now().plusDays(30), Timestamp.from(satt))
        .update();
  }

  private static String basic(String vem) {
    return "Basic "
        + Base64.getEncoder().encodeToString((vem + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode vantan(JsonNode rader, String part, String slag) {
    return ApiKlient.stream(rader)
        .filter(r -> r.path("part").asText().equals(part) && r.path("slag").asText().equals(slag))
        .findFirst()
        .orElseThrow(() -> new AssertionError(part + "/" + slag + " saknas i " + rader));
  }

  private UUID kallelse(UUID mote, String roll, String part, Instant skapad, String svar) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into kallelse (id, mote_id, ordning, namn, roll, part, svar, svar_tid, skapad)
            values (?, ?, 1, 'Kallad Testperson', ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            mote,
            roll,
            part,
            svar,
            svar == null ? null : Timestamp.from(skapad.plus(Duration.ofHours(1))),
            Timestamp.from(skapad))
        .update();
    return id;
  }

  private UUID plan(UUID arende, int version, Instant skapad) {
    UUID mote = mote(arende, "GENOMFORT", skapad, skapad.minus(Duration.ofDays(7)));
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into plan (id, arende_id, mote_id, version, mal, uppfoljningsdatum, skapad,
              skapad_av)
            values (?, ?, ?, ?, 'Test', ?, ?, 'cecilia')
            """)
        .params(id, arende, mote, version, LocalDate.now().plusDays(30), Timestamp.from(skapad))
        .update();
    return id;
  }

  private void atgard(UUID plan, int ordning, String part, LocalDate senast) {
    jdbc.sql(
            """
            insert into plan_atgard (plan_id, ordning, beskrivning, ansvarig_part, ansvarig, senast)
            values (?, ?, 'Test', ?, 'Test', ?)
            """)
        .params(plan, ordning, part, senast)
        .update();
  }

  private void uppfoljning(UUID arende, Instant tid, String atgardStatus) {
    jdbc.sql(
            """
            insert into uppfoljning (arende_id, uppgift_id, tid, utford_av, atgard_status,
              progression, beslut)
            values (?, ?, ?, 'anna', ?::jsonb, 0, 'FORTSATT')
            """)
        .params(arende, NASTA_ID.incrementAndGet(), Timestamp.from(tid), atgardStatus)
        .update();
  }
}
