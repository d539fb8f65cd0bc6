package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.ApiKlient;
import se.flerpart.WebblasarePerTest;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * The Mina möten page in a browser: reached from the header, the meeting under its week, the
 * calendar link created and revoked with the buttons, and the page passing axe-core's WCAG rules.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class MinaMotenWebblasareTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;

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
  void minaMotenPerVeckaMedKalenderlank() throws Exception {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", "19121212-1212");
    a.put("insats", "flerpartssamverkan");
    a.put("skal", "Lång sjukskrivning");
    a.put("behov", List.of("FK", "AF"));
    a.put("namn", "Ingrid Kalender");
    String id = api.aktualisera("anna", a);
    ArendeSteg.beviljat(
        api, id, "anna", List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA"), true, "anna");
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    Instant motesTid = motor.nu().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
    MotesSteg.kallaTillVideomote(api, id, "anna", motesTid, "https://video.example/rum-7");

    chromium.webblasare().loggaIn(port, "cecilia");
    vanta.until(ExpectedConditions.presenceOfElementLocated(By.id("meny-mina-moten"))).click();
    vanta.until(ExpectedConditions.titleContains("Mina möten"));

    String vecka =
        "Vecka " + motesTid.atZone(ArendeService.SVERIGE).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    var sektion =
        webblasare.findElement(
            By.xpath(
                "//section[@class='vecka'][h2[starts-with(normalize-space(), '" + vecka + "')]]"));
    assertThat(
            // This case's row: other tests in the same application may have meetings that week.
            sektion
                .findElement(
                    By.xpath(
                        ".//tr[contains(@class,'mote-rad') and @data-typ='FLERPARTSMOTE'"
                            + " and contains(., '"
                            + nummer
                            + "')]"))
                .getText())
        .contains(nummer)
        .contains("Ingrid Kalender")
        .contains("Ordförande")
        .contains("Videolänk")
        // The day and the time in Swedish, in Swedish time.
        .contains(
            java.time.format.DateTimeFormatter.ofPattern(
                    "EEEE d MMMM 'kl.' HH:mm", java.util.Locale.forLanguageTag("sv"))
                .format(motesTid.atZone(ArendeService.SVERIGE)));
    chromium.webblasare().granskaTillganglighet();

    webblasare.findElement(By.id("skapa-kalenderflode")).click();
    String url =
        vanta
            .until(ExpectedConditions.presenceOfElementLocated(By.id("kalenderflode-url")))
            .getDomProperty("value");
    assertThat(url).contains("/kalender/").endsWith(".ics");
    assertThat(url)
        .isEqualTo(api.get("cecilia", "/api/moten/kalenderflode").kropp().path("url").asText());
    assertThat(hamta(url)).isEqualTo(200);
    chromium.webblasare().granskaTillganglighet();

    webblasare.findElement(By.id("aterkalla-kalenderflode")).click();
    vanta.until(ExpectedConditions.presenceOfElementLocated(By.id("skapa-kalenderflode")));
    assertThat(webblasare.findElements(By.id("kalenderflode-url"))).isEmpty();
    assertThat(hamta(url)).isEqualTo(404);

    // On a phone the meetings are cards (one a meeting), and the case number, the day and the
    // time stay whole in their narrow columns instead of breaking at a hyphen or a space.
    chromium.webblasare().storlek(375, 800);
    webblasare.navigate().refresh();
    WebElement lank =
        vanta.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//tr[@data-typ='FLERPARTSMOTE']//a[normalize-space()='" + nummer + "']")));
    JavascriptExecutor js = (JavascriptExecutor) webblasare;
    assertThat(((Number) js.executeScript("return arguments[0].getClientRects().length", lank)))
        .as("ärendenumret %s på en rad", nummer)
        .isEqualTo(1L);
    assertThat(
            js.executeScript(
                "return Array.from(document.querySelectorAll('.mina-moten .hel'))"
                    + ".filter(e => e.getClientRects().length > 1).map(e => e.textContent)"))
        .asList()
        .isEmpty();
    assertThat(
            (Boolean)
                js.executeScript(
                    "return document.documentElement.scrollWidth"
                        + " <= document.documentElement.clientWidth"))
        .as("sidan rullar inte i sidled")
        .isTrue();
  }

  private int hamta(String url) throws IOException, InterruptedException {
    String sokvag = url.substring(url.indexOf("/kalender/"));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + sokvag)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private void oppna(String sokvag) {
    webblasare.navigate().to("http://localhost:" + port + sokvag);
  }
}
