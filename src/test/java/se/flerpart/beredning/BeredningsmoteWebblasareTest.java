package se.flerpart.beredning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.WebblasarePerTest;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * The Beredningsmöte view in a browser: bengt, in the beredningsgrupp, opens it from the header,
 * decides the first case with its form, is taken straight to the second without the task list,
 * decides it, and is told the agenda is done; both {@code bered-arende} tasks are completed and the
 * page passes axe-core's WCAG rules.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class BeredningsmoteWebblasareTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired JdbcClient jdbc;

  @RegisterExtension final WebblasarePerTest chromium = new WebblasarePerTest();
  private WebDriver webblasare;
  private WebDriverWait vanta;

  private ApiKlient api;

  @BeforeEach
  void starta() {
    webblasare = chromium.driver();
    vanta = chromium.vanta();
    api = new ApiKlient(port);
  }

  @Test
  void tvaArendenIFoljdUtanUppgiftslistan() {
    String kod = "bered-vy-" + UUID.randomUUID().toString().substring(0, 8);
    String namn = "Mötesprov " + kod.substring(kod.length() - 8);
    assertThat(
            api.post(
                    "admin",
                    "/api/admin/insatser",
                    Map.of("kod", kod, "namn", namn, "beredningsgrupp", List.of("bengt")))
                .status())
        .isEqualTo(201);
    String mote = motor.nu().atZone(ArendeService.SVERIGE).toLocalDate().plusDays(7).toString();
    assertThat(
            api.anrop(
                    "admin",
                    "PUT",
                    "/api/admin/insatser/" + kod + "/beredningsmote",
                    Map.of("forstaDatum", mote, "tid", "10:00"))
                .status())
        .isEqualTo(200);
    String forsta = arende(kod, "Greta Forst");
    String andra = arende(kod, "Hugo Andra");
    String nummer1 = api.arende("anna", forsta).path("arendenummer").asText();
    String nummer2 = api.arende("anna", andra).path("arendenummer").asText();

    chromium.webblasare().loggaIn(port, "bengt");
    vanta.until(ExpectedConditions.presenceOfElementLocated(By.id("meny-beredningsmote"))).click();
    vanta.until(ExpectedConditions.titleContains("Beredningsmöte"));
    // bengt is in the demo insats' beredningsgrupp too: he picks this one.
    if (!webblasare.getCurrentUrl().endsWith("/beredningsmote/" + kod)) {
      vanta.until(ExpectedConditions.elementToBeClickable(By.linkText(namn))).click();
    }
    vanta.until(ExpectedConditions.titleContains(namn));
    assertThat(text(By.id("motesdag"))).contains("kl. 10:00");
    assertThat(text(By.id("dagordning"))).contains(nummer1).contains(nummer2);
    assertThat(text(By.id("formularrubrik"))).isEqualTo("Ärende " + nummer1);

    besluta("Ingen samordning behövs för Greta.");
    assertThat(
            vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("status"))).getText())
        .contains("Nästa ärende visas.");
    vanta.until(ExpectedConditions.textToBe(By.id("formularrubrik"), "Ärende " + nummer2));
    assertThat(webblasare.getCurrentUrl())
        .contains("/beredningsmote/" + kod)
        .doesNotContain("/uppgifter");
    assertThat(text(By.id("bekraftelse"))).startsWith("Uppgiften Bered ärende är slutförd.");
    assertThat(text(By.id("dagordning"))).doesNotContain(nummer1).contains(nummer2);
    vantaPaFormular();
    chromium.webblasare().granskaTillganglighet();

    besluta("Ingen samordning behövs för Hugo.");
    assertThat(
            vanta
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("dagordning-klar")))
                .getText())
        .startsWith("Dagordningen är klar");
    assertThat(webblasare.findElements(By.id("formular"))).isEmpty();
    chromium.webblasare().granskaTillganglighet();

    for (String id : List.of(forsta, andra)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql(
                          "select status from uppgift where arende_id = ? and element_id = 'bered-arende'")
                      .param(UUID.fromString(id))
                      .query(String.class)
                      .single(),
              "SLUTFORD"::equals);
    }
    assertThat(api.arende("anna", forsta).path("status").asText()).isNotEqualTo("BEREDNING");
  }

  private void besluta(String motivering) {
    WebElement slutfor = vantaPaFormular();
    WebElement etikett =
        vanta.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//div[@id='formular']//label[starts-with(@for, 'fjs-form-')]"
                        + "[contains(@for, '-Field_beslut-')][normalize-space()='Nej']")));
    By ruta = By.id(etikett.getDomAttribute("for"));
    vanta.until(ExpectedConditions.elementToBeClickable(ruta)).click();
    vanta.until(ExpectedConditions.elementSelectionStateToBe(ruta, true));
    vanta
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#formular textarea[id$='-Field_motivering']")))
        .sendKeys(motivering);
    slutfor.click();
  }

  private WebElement vantaPaFormular() {
    return vanta.until(ExpectedConditions.elementToBeClickable(By.id("slutfor")));
  }

  private String arende(String insats, String namn) {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", "19121212-1212");
    a.put("insats", insats);
    a.put("skal", "Behöver samordnat stöd");
    a.put("behov", List.of("FK", "AF"));
    a.put("namn", namn);
    String id = api.aktualisera("anna", a);
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(
            api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), false))
                .status())
        .isEqualTo(200);
    api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    return id;
  }

  private String text(By vad) {
    return vanta.until(ExpectedConditions.visibilityOfElementLocated(vad)).getText();
  }

  private void oppna(String sokvag) {
    webblasare.navigate().to("http://localhost:" + port + sokvag);
  }
}
