package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;
import static se.flerpart.ApiKlient.mailTill;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.ApiKlient;
import se.flerpart.WebblasarePerTest;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * The public answer page in a real browser (headless Chromium): the invitee reads the syfte first,
 * declines with a reason, and a second visit gets a friendly page; the ärendebärare then sees the
 * answer on the case page. Skipped when Chromium is not installed, unless {@code
 * FLERPART_WEBBLASARTEST=krav}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SvarssidaWebblasareTest {

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @RegisterExtension final WebblasarePerTest chromium = new WebblasarePerTest();
  private WebDriver webblasare;
  private WebDriverWait vanta;
  ApiKlient api;

  @BeforeEach
  void starta() {
    webblasare = chromium.driver();
    vanta = chromium.vanta();
    api = new ApiKlient(port);
    // The window the screenshots have always been taken in.
    chromium.webblasare().storlek(1100, 1400);
  }

  @Test
  void denKalladeAvbojerMedSkalOchArendebararenSerSvaret() throws IOException {
    String id = kallat();
    String lank = "http://localhost:" + port + "/svar/" + svarstoken(id, "david@region.example");

    webblasare.get(lank);
    assertThat(webblasare.findElement(By.tagName("h1")).getText())
        .isEqualTo("Kallelse till flerpartsmöte");
    assertThat(webblasare.findElement(By.cssSelector("#syfte p")).getText())
        .isEqualTo("Gemensam plan för återgång i arbete");
    assertThat(webblasare.getPageSource()).doesNotContain("19121212");
    bild("svarssida");
    chromium.webblasare().granskaTillganglighet();

    webblasare.findElement(By.id("svar-avbojer")).click();
    webblasare.findElement(By.id("skicka-svar")).click();
    // The answer page is posted and rendered again; wait for it rather than read the old one.
    assertThat(
            vanta
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("felsammanfattning")))
                .getText())
        .contains("Skriv varför du inte kan komma");
    assertThat(webblasare.findElement(By.id("svar-avbojer")).isSelected()).isTrue();
    chromium.webblasare().granskaTillganglighet();

    webblasare.findElement(By.id("kommentar")).sendKeys("Krockar med en utbildning");
    webblasare.findElement(By.id("skicka-svar")).click();
    assertThat(
            vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("kvittens"))).getText())
        .contains("inte kan komma");
    motesfakta();
    chromium.webblasare().granskaTillganglighet();

    // Opened again (on the day, for the video link): what was answered and the meeting, no form.
    webblasare.get(lank);
    assertThat(webblasare.findElement(By.id("besvarad")).getText())
        .isEqualTo("Du har svarat att du inte kan komma.");
    assertThat(webblasare.findElement(By.cssSelector("#syfte p")).getText())
        .isEqualTo("Gemensam plan för återgång i arbete");
    motesfakta();
    assertThat(webblasare.findElements(By.id("skicka-svar"))).isEmpty();
    assertThat(webblasare.getPageSource()).doesNotContain("19121212");
    bild("svarssida-besvarad");
    chromium.webblasare().granskaTillganglighet();

    webblasare.get("http://localhost:" + port + "/login");
    webblasare.findElement(By.id("username")).sendKeys("anna");
    webblasare.findElement(By.id("password")).sendKeys("demo");
    webblasare.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(webblasare, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/uppgifter"));
    webblasare.get("http://localhost:" + port + "/arenden/" + id);
    String rad =
        webblasare
            .findElement(
                By.xpath("//table[contains(@class,'kallade')]//tr[contains(., 'David Holm')]"))
            .getText();
    assertThat(rad).contains("Avböjer", "Krockar med en utbildning");
    assertThat(webblasare.findElements(By.xpath("//summary[normalize-space()='Flytta mötet']")))
        .hasSize(1);
    bild("arendesida-mote");
    chromium.webblasare().granskaTillganglighet();
  }

  /** A case through beredning JA with a kallelse sent to two parts and the individual. */
  private String kallat() {
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Behöver stöd från flera parter",
                "behov", List.of("FK", "AF", "REGION")));
    api.slutfor(
        "anna",
        api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke"),
        Map.of(
            "samtycke",
            "JA",
            "samtyckeForm",
            "DIGITALT",
            "samtyckeParter",
            List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA"),
            "susSamtycke",
            false));
    api.slutfor(
        "bengt",
        api.vantaPaUppgift("bengt", "grupp", id, "bered-arende"),
        Map.of("beslut", "JA", "motivering", "Flera parter", "arendebarare", "anna"));
    Instant motesTid = motor.nu().plus(Duration.ofDays(6)).truncatedTo(ChronoUnit.HOURS);
    assertThat(
            api.slutfor(
                    "anna",
                    api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse"),
                    Map.of(
                        "syfte", "Gemensam plan för återgång i arbete",
                        "motesTid", motesTid.atOffset(ZoneOffset.UTC).toString(),
                        "videolank", "https://mote.example/flerpart",
                        "ordforande", "cecilia",
                        "deltagare",
                            List.of(
                                Map.of(
                                    "namn",
                                    "Bengt Ek",
                                    "epost",
                                    "bengt@af.example",
                                    "part",
                                    "AF",
                                    "kravs",
                                    true),
                                Map.of(
                                    "namn",
                                    "David Holm",
                                    "epost",
                                    "david@region.example",
                                    "part",
                                    "REGION",
                                    "kravs",
                                    true),
                                Map.of(
                                    "namn",
                                    "Sara Exempel",
                                    "roll",
                                    "INDIVID",
                                    "saknarEpost",
                                    true))))
                .status())
        .isEqualTo(200);
    return id;
  }

  /**
   * On a phone: the answer page fits the screen; a second answer, sent from a form opened before
   * the first answer came (another device, a tab left open), changes nothing and the page says what
   * the answer is.
   */
  @Test
  void paTelefonenOchEttAndraSvarAndrarIngenting() throws IOException {
    String id = kallat();
    String token = svarstoken(id, "bengt@af.example");
    chromium.webblasare().storlek(375, 800);

    webblasare.get("http://localhost:" + port + "/svar/" + token);
    assertThat(webblasare.findElement(By.tagName("h1")).getText())
        .isEqualTo("Kallelse till flerpartsmöte");
    motesfakta();
    assertThat(
            (Boolean)
                ((JavascriptExecutor) webblasare)
                    .executeScript(
                        "return document.documentElement.scrollWidth"
                            + " <= document.documentElement.clientWidth"))
        .as("svarssidan ryms i telefonens bredd")
        .isTrue();
    bild("svarssida-telefon");

    assertThat(api.post(null, "/api/kallelsesvar/" + token, Map.of("svar", "ACCEPTERAR")).status())
        .isEqualTo(200);
    webblasare.findElement(By.id("svar-avbojer")).click();
    webblasare.findElement(By.id("kommentar")).sendKeys("Sjuk");
    webblasare.findElement(By.id("skicka-svar")).click();
    assertThat(
            vanta
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("ej-andrat")))
                .getText())
        .isEqualTo("Ditt nya svar sparades inte: länken kan bara användas för ett svar.");
    assertThat(webblasare.findElement(By.id("besvarad")).getText())
        .isEqualTo("Du har svarat att du kommer.");
    motesfakta();
    chromium.webblasare().granskaTillganglighet();
    JsonNode mote = api.get("anna", "/api/moten?arendeId=" + id).kropp().path("moten").get(0);
    JsonNode bengt =
        ApiKlient.stream(mote.path("kallade"))
            .filter(k -> "bengt@af.example".equals(k.path("epost").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(bengt.path("svar").asText()).isEqualTo("ACCEPTERAR");
    assertThat(bengt.toString()).doesNotContain("Sjuk");
  }

  /**
   * The demo as the README tells it: the administrator opens the mails at {@code /dev/mail}, where
   * the answer link is a link, as in a mail program, and follows it to the answer page.
   */
  @Test
  void demonsMaillaFoljsTillSvarssidan() {
    String id = kallat();
    String token = svarstoken(id, "david@region.example");
    chromium.webblasare().loggaIn(port, "admin");
    webblasare.get("http://localhost:" + port + "/dev/mail");
    WebElement lank =
        webblasare.findElement(By.cssSelector("pre.mail a[href$='/svar/" + token + "']"));
    assertThat(lank.getText()).isEqualTo(lank.getAttribute("href"));
    // The mail names the configured base address; the test's server listens on a port of its own.
    webblasare.get(
        "http://localhost:" + port + java.net.URI.create(lank.getAttribute("href")).getPath());
    assertThat(vanta.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText())
        .isEqualTo("Kallelse till flerpartsmöte");
    assertThat(webblasare.findElement(By.id("skicka-svar")).isDisplayed()).isTrue();
  }

  /** The answer link's token in the kallelse mailed to {@code epost} in case {@code id}. */
  private String svarstoken(String id, String epost) {
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    JsonNode mail = api.vantaPaMail(mailTill(epost, "ärende " + nummer));
    Matcher m = MotesSteg.SVARSLANK.matcher(mail.path("text").asText());
    assertThat(m.find()).as("svarslänk i mailet").isTrue();
    return m.group(1);
  }

  /** The meeting's facts as the answer pages give them: the video link a link, whom to ask. */
  private void motesfakta() {
    WebElement lank = webblasare.findElement(By.id("videolank"));
    assertThat(lank.getTagName()).isEqualTo("a");
    assertThat(lank.getAttribute("href")).isEqualTo("https://mote.example/flerpart");
    assertThat(webblasare.findElement(By.id("ordforande")).getText()).isEqualTo("Cecilia Berg");
    assertThat(webblasare.findElement(By.id("kallad-av")).getText())
        .isEqualTo("Anna Lind, anna@fk.example");
    assertThat(webblasare.findElement(By.cssSelector("#kallad-av a")).getAttribute("href"))
        .isEqualTo("mailto:anna@fk.example");
  }

  /** Keeps a screenshot under target/ for a person to look at. */
  private void bild(String namn) throws IOException {
    Path fil = Path.of("target", "skarmbilder", namn + ".png");
    Files.createDirectories(fil.getParent());
    Files.write(fil, ((TakesScreenshot) webblasare).getScreenshotAs(OutputType.BYTES));
  }
}
