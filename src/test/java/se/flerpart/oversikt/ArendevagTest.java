package se.flerpart.oversikt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import se.flerpart.ApiKlient;
import se.flerpart.Webblasare;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;

/**
 * Ärendets väg: a case walked to waiting for its kallelse answers shows the exact path through
 * {@code arende} and {@code flerpartsmote} with {@code samla-in-svar} current, to its own staff and
 * to the processledare without personal data; anyone else gets 403; and the case page draws it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class ArendevagTest {

  private static final String NAMN = "Vera Vägsdotter";
  private static final String SKAL = "Långvarig sjukskrivning efter vägolycka";

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  ApiKlient api;

  @BeforeEach
  void forbered() {
    api = new ApiKlient(port);
  }

  @Test
  @DisplayName("Väntan på kallelsesvar: exakt väg i arende och flerpartsmote, 403, 404, petra")
  void vagenTillKallelsesvaren() {
    String id = vantarPaKallelsesvar();

    JsonNode vag = vag("anna", id);
    JsonNode arende = process(vag, "arende");
    assertThat(texter(arende.path("passerade")))
        .containsExactly(
            "aktualisering-inkommen",
            "inhamta-samtycke",
            "samtycke-lamnat",
            "till-beredning",
            "foresla-utfall",
            "bered-arende",
            "skicka-aterkoppling-beredning",
            "beslut-i-beredning",
            "sus-inregistrering",
            "till-flerpartsmote");
    assertThat(arende.path("aktuella")).hasSize(1);
    assertThat(arende.path("aktuella").get(0).path("elementId").asText())
        .isEqualTo("flerpartsmote");
    JsonNode bered =
        ApiKlient.stream(arende.path("steg"))
            .filter(s -> s.path("elementId").asText().equals("bered-arende"))
            .findFirst()
            .orElseThrow();
    assertThat(bered.path("namn").asText()).isEqualTo("Bered ärende");
    assertThat(bered.path("utfordAv").asText()).contains("Bengt Ek");
    assertThat(bered.path("klar").isNull()).isFalse();
    JsonNode aktualisering =
        ApiKlient.stream(arende.path("steg"))
            .filter(s -> s.path("elementId").asText().equals("aktualisering-inkommen"))
            .findFirst()
            .orElseThrow();
    assertThat(aktualisering.path("utfordAv").asText()).contains("Anna Lind");

    JsonNode mote = process(vag, "flerpartsmote");
    assertThat(texter(mote.path("passerade")))
        .containsExactly(
            "flerpartsmote-begart",
            "till-kallelse",
            "forbered-kallelse",
            "skicka-kallelse",
            "till-svarsinsamling");
    assertThat(mote.path("aktuella")).hasSize(1);
    JsonNode samla = mote.path("aktuella").get(0);
    assertThat(samla.path("elementId").asText()).isEqualTo("samla-in-svar");
    assertThat(samla.path("namn").asText()).isEqualTo("Samla in svar");
    assertThat(samla.path("sedan").isNull()).isFalse();
    assertThat(texter(vag.path("processer"), "process")).containsExactly("arende", "flerpartsmote");

    // The processledare sees the same position, and nothing about the person.
    ApiKlient.Svar petra = api.get("petra", "/api/arenden/" + id + "/vag");
    assertThat(petra.status()).isEqualTo(200);
    assertThat(process(petra.kropp(), "flerpartsmote").path("aktuella").get(0).path("elementId"))
        .hasToString("\"samla-in-svar\"");
    assertThat(texter(process(petra.kropp(), "arende").path("passerade")))
        .isEqualTo(texter(arende.path("passerade")));
    assertThat(petra.kropp().toString())
        .doesNotContain(NAMN, "Vera", SKAL, "19121212", "Gemensam plan", "vera@");
    String sida = sida("petra", "/arenden/" + id);
    assertThat(sida)
        .contains("Ärendets väg", "data-aktuella=\"samla-in-svar\"")
        .doesNotContain(NAMN);

    // Outside the case: 403, for the data and for the diagrams alike.
    ApiKlient.Svar sara = api.get("sara", "/api/arenden/" + id + "/vag");
    assertThat(sara.status()).isEqualTo(403);
    assertThat(sara.kropp().toString()).contains("behörighet");
    assertThat(status("sara", "/arenden/" + id + "/vag/bpmn/flerpartsmote")).isEqualTo(403);
    assertThat(status("anna", "/arenden/" + id + "/vag/bpmn/flerpartsmote")).isEqualTo(200);
    assertThat(status("anna", "/arenden/" + id + "/vag/bpmn/avvikelse")).isEqualTo(404);

    // Unknown and malformed ids: 404 in Swedish, never 500.
    ApiKlient.Svar okand = api.get("anna", "/api/arenden/" + UUID.randomUUID() + "/vag");
    assertThat(okand.status()).isEqualTo(404);
    assertThat(okand.kropp().toString()).contains("Ärendet finns inte");
    assertThat(api.get("anna", "/api/arenden/inte-ett-id/vag").status()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "Efter mötet: flerpartsmote genomlöpt till slutet, ärendet väntar på uppföljningsdagen")
  void vagenEfterMotet() {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", "19121212-1212");
    a.put("insats", "flerpartssamverkan");
    a.put("skal", SKAL);
    a.put("behov", List.of("FK", "AF"));
    String id = api.aktualisera("anna", a);
    ArendeSteg.beviljat(api, id, "anna", List.of("FK", "AF", "KOMMUN-UPPSALA"), true, "anna");
    MotesSteg.genomfor(api, motor, id, "anna");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> vag("anna", id).toString().contains("vantar-pa-uppfoljningsdag"));

    JsonNode vag = vag("anna", id);
    assertThat(texter(vag.path("processer"), "process"))
        .containsExactly("arende", "flerpartsmote", "uppfoljning");
    JsonNode arende = process(vag, "arende");
    assertThat(texter(arende.path("passerade")))
        .endsWith("till-flerpartsmote", "flerpartsmote", "planera-uppfoljning");
    assertThat(texter(arende.path("aktuella"), "elementId")).containsExactly("uppfoljning");
    JsonNode mote = process(vag, "flerpartsmote");
    assertThat(texter(mote.path("passerade")))
        .containsExactly(
            "flerpartsmote-begart",
            "till-kallelse",
            "forbered-kallelse",
            "skicka-kallelse",
            "till-svarsinsamling",
            "samla-in-svar",
            "genomfor-mote",
            "registrera-avvikelse-franvaro",
            "registrera-avvikelse-obesvarad",
            "distribuera-plan",
            "plan-distribuerad");
    assertThat(mote.path("aktuella")).isEmpty();
    assertThat(texter(mote.path("steg"), "elementId")).contains("genomfor-mote");
    JsonNode uppfoljning = process(vag, "uppfoljning");
    assertThat(texter(uppfoljning.path("passerade")))
        .containsExactly("uppfoljning-planerad", "till-uppfoljningsdag");
    assertThat(texter(uppfoljning.path("aktuella"), "elementId"))
        .containsExactly("vantar-pa-uppfoljningsdag");
  }

  @Test
  @DisplayName("Ärendesidan ritar vägen: samla-in-svar aktuellt, passerade steg markerade, axe-ren")
  void sidanRitarVagen() throws Exception {
    Webblasare.kravPaWebblasare();
    String id = vantarPaKallelsesvar();
    try (Webblasare chromium = Webblasare.starta()) {
      WebDriver w = chromium.driver();
      WebDriverWait vanta = new WebDriverWait(w, Duration.ofSeconds(30));
      chromium.loggaIn(port, "anna");
      vanta.until(ExpectedConditions.presenceOfElementLocated(By.id("innehall")));
      w.get("http://localhost:" + port + "/arenden/" + id);

      WebElement samla =
          vanta.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(
                      "#arendevag-flerpartsmote g.djs-element[data-element-id=samla-in-svar]")));
      vanta.until(d -> samla.getDomAttribute("class").contains("aktuellt-steg"));
      for (String passerat :
          List.of(
              "flerpartsmote-begart", "till-kallelse", "forbered-kallelse", "skicka-kallelse")) {
        assertThat(klass(w, "flerpartsmote", passerat)).as(passerat).contains("passerat-steg");
      }
      assertThat(klass(w, "flerpartsmote", "genomfor-mote"))
          .doesNotContain("passerat-steg")
          .doesNotContain("aktuellt-steg");
      for (String passerat :
          List.of("aktualisering-inkommen", "samtycke-lamnat", "foresla-utfall", "bered-arende")) {
        assertThat(klass(w, "arende", passerat)).as(passerat).contains("passerat-steg");
      }
      assertThat(klass(w, "arende", "flerpartsmote")).contains("aktuellt-steg");

      // Clicking a passed step tells when and by whom, from the table below the diagram.
      w.findElement(By.cssSelector("#arendevag-arende g.djs-element[data-element-id=bered-arende]"))
          .click();
      WebElement detalj = w.findElement(By.id("arendevag-detalj-arende"));
      vanta.until(d -> detalj.getText().startsWith("Bered ärende"));
      assertThat(detalj.getText()).contains("Passerat", "klart", "Bengt Ek");
      assertThat(w.findElement(By.id("arendevag-tabell-flerpartsmote")).getText())
          .contains("Samla in svar", "Står här nu");
      chromium.granskaTillganglighet();
    }
  }

  /** A new case walked to its kallelse sent, waiting for the answers; returns its id. */
  private String vantarPaKallelsesvar() {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", "19121212-1212");
    a.put("insats", "flerpartssamverkan");
    a.put("skal", SKAL);
    a.put("behov", List.of("FK", "AF"));
    a.put("namn", NAMN);
    String id = api.aktualisera("anna", a);
    ArendeSteg.beviljat(api, id, "anna", List.of("FK", "AF", "KOMMUN-UPPSALA"), true, "anna");
    Instant motesTid = motor.nu().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.HOURS);
    MotesSteg.kallaTillVideomote(api, id, "anna", motesTid, "https://video.example/rum-9");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                process(vag("anna", id), "flerpartsmote")
                    .path("aktuella")
                    .toString()
                    .contains("samla-in-svar"));
    return id;
  }

  private JsonNode vag(String vem, String id) {
    ApiKlient.Svar svar = api.get(vem, "/api/arenden/" + id + "/vag");
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    return svar.kropp();
  }

  private static JsonNode process(JsonNode vag, String process) {
    return ApiKlient.stream(vag.path("processer"))
        .filter(p -> p.path("process").asText().equals(process))
        .findFirst()
        .orElseThrow(() -> new AssertionError(process + " saknas i " + vag));
  }

  private static List<String> texter(JsonNode lista) {
    return ApiKlient.stream(lista).map(JsonNode::asText).toList();
  }

  private static List<String> texter(JsonNode lista, String falt) {
    return ApiKlient.stream(lista).map(n -> n.path(falt).asText()).toList();
  }

  private static String klass(WebDriver w, String process, String element) {
    return w.findElement(
            By.cssSelector(
                "#arendevag-" + process + " g.djs-element[data-element-id=" + element + "]"))
        .getDomAttribute("class");
  }

  private String sida(String vem, String sokvag) {
    return api.http()
        .get()
        .uri(sokvag)
        .header(HttpHeaders.AUTHORIZATION, basic(vem))
        .retrieve()
        .body(String.class);
  }

  private int status(String vem, String sokvag) {
    return api.http()
        .get()
        .uri(sokvag)
        .header(HttpHeaders.AUTHORIZATION, basic(vem))
        .exchange((req, res) -> res.getStatusCode().value());
  }

  private static String basic(String vem) {
    return "Basic "
        + Base64.getEncoder().encodeToString((vem + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
