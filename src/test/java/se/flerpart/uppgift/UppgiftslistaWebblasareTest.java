package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.ApiKlient;
import se.flerpart.Webblasare;

/**
 * The task list page in a real browser (headless Chromium) tells the handläggare when the list it
 * shows has changed: a new task of anna's comes while her page is open, the page says so and links
 * to the updated list, which shows the task. A list found by a search does not wait.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UppgiftslistaWebblasareTest {

  private static final Duration VANTETID = Duration.ofSeconds(30);

  @LocalServerPort int port;

  private ApiKlient api;
  private Webblasare chromium;
  private WebDriver webblasare;
  private WebDriverWait vanta;

  @BeforeAll
  static void kravPaWebblasare() {
    Webblasare.kravPaWebblasare();
  }

  @BeforeEach
  void starta() throws IOException {
    api = new ApiKlient(port);
    chromium = Webblasare.starta();
    webblasare = chromium.driver();
    vanta = new WebDriverWait(webblasare, VANTETID);
  }

  @AfterEach
  void stang() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void sidanSagerTillNarListanHarAndrats() {
    loggaIn("anna");
    webblasare.get(url("/uppgifter?vy=mina&sortering=-skapad"));
    assertThat(webblasare.findElement(By.id("listan-andrad")).getText()).isEmpty();
    chromium.granskaTillganglighet();

    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "namn", "Vera Väntan",
                "insats", "flerpartssamverkan",
                "skal", "Behöver stöd från flera parter",
                "behov", List.of("FK", "AF")));
    long uppgift = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke").path("id").asLong();
    By rad = By.cssSelector("tr[data-uppgift='" + uppgift + "']");

    var lank =
        vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("visa-andrad-lista")));
    assertThat(webblasare.findElement(By.id("listan-andrad")).getText())
        .isEqualTo("Listan har ändrats sedan sidan visades. Visa den uppdaterade listan");
    assertThat(webblasare.findElements(rad)).as("sidan laddas inte om av sig själv").isEmpty();
    chromium.granskaTillganglighet();

    lank.click();
    assertThat(vanta.until(ExpectedConditions.visibilityOfElementLocated(rad)).getText())
        .contains("Inhämta samtycke", "Vera Väntan");
    assertThat(webblasare.getCurrentUrl()).contains("/uppgifter?vy=mina&sortering=-skapad");
    assertThat(webblasare.findElement(By.id("listan-andrad")).getText()).isEmpty();
  }

  @Test
  void enSokningVantarInte() {
    loggaIn("anna");
    webblasare.get(url("/uppgifter?vy=mina&sok=2026"));
    assertThat(webblasare.findElements(By.id("listan-andrad"))).isEmpty();
    assertThat(webblasare.getPageSource()).doesNotContain("uppgiftslista.js");
  }

  private void loggaIn(String anvandare) {
    chromium.loggaIn(port, anvandare);
  }

  private String url(String sokvag) {
    return "http://localhost:" + port + sokvag;
  }
}
