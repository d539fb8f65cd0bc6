package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole way through the browser with headless Chromium: aktualisering with a wrong and a right
 * personnummer, samtycke in a form-js form, then beredning by another user in the group, who logs
 * in through the organisation's identity provider (a real OIDC server in the test) and out again;
 * and the administrator creating an insats with its beredningsgrupp.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}. Without them the test is skipped,
 * unless {@code FLERPART_WEBBLASARTEST=krav} (set by CI), when it fails. Selenium Manager is never
 * used: the driver and the browser are given by path. With {@code
 * -Dflerpart.webblasartest.skarmdumpar=true} a screenshot of each step is written to {@code
 * target/}; on failure one always is.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class WebblasareTest {

  private static final Duration MOTORN = Duration.ofSeconds(30);
  private static final Pattern ARENDE_URL = Pattern.compile("/arenden/([0-9a-fA-F-]{36})");

  /** Bengt logs in through the organisation's identity provider, the others with a password. */
  static final TestIdentitetsleverantor idp = new TestIdentitetsleverantor();

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    idp.konfigurera(registry);
  }

  @AfterAll
  static void stoppaIdentitetsleverantoren() {
    idp.stoppa();
  }

  @LocalServerPort int port;

  @Autowired JdbcTemplate jdbc;

  @RegisterExtension final WebblasarePerTest chromium = new WebblasarePerTest();
  private WebDriver webblasare;
  private WebDriverWait vanta;

  private String testnamn = "okand";
  private int steg;

  /** Saves what the browser shows when a test fails, before {@link #chromium} closes it. */
  @RegisterExtension
  final TestExecutionExceptionHandler skarmdumpVidFel =
      (context, fel) -> {
        skarmdump("fel");
        throw fel;
      };

  @BeforeEach
  void sparaTestnamn(TestInfo info) {
    webblasare = chromium.driver();
    vanta = chromium.vanta();
    testnamn = info.getTestMethod().map(m -> m.getName()).orElse("okand");
  }

  @Test
  void fraanAktualiseringTillPagaendeArende() {
    // Anna (FK) registers an aktualisering.
    loggaIn("anna");
    long arendenFore = antalArenden();
    oppna("/arenden/ny");
    fyllAktualisering("19121212-1213");
    skicka(By.id("registrera"));
    WebElement felsammanfattning =
        vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("felsammanfattning")));
    assertThat(felsammanfattning.getText()).contains("Personnumrets kontrollsiffra stämmer inte");
    assertThat(webblasare.findElements(By.cssSelector(".faltfel")))
        .extracting(WebElement::getText)
        .contains("Personnumrets kontrollsiffra stämmer inte");
    assertThat(webblasare.findElement(By.id("personnummer")).getDomAttribute("aria-invalid"))
        .isEqualTo("true");
    assertThat(antalArenden()).as("inget ärende registreras").isEqualTo(arendenFore);
    skarmdump("aktualisering-fel");
    granska();

    // The form keeps what she wrote; she corrects the personnummer.
    assertThat(webblasare.findElement(By.id("skal")).getDomProperty("value"))
        .isEqualTo("Långvarig sjukskrivning; behöver stöd från FK och AF.");
    assertThat(webblasare.findElement(By.id("namn")).getDomProperty("value"))
        .isEqualTo("Signe Åkerlund");
    WebElement personnummer = webblasare.findElement(By.id("personnummer"));
    personnummer.clear();
    personnummer.sendKeys("19121212-1212");
    skicka(By.id("registrera"));
    vanta.until(ExpectedConditions.urlMatches(ARENDE_URL.pattern()));
    String arendeId = arendeId(webblasare.getCurrentUrl());
    String arendenummer = webblasare.findElement(By.cssSelector("h1 span")).getText();
    assertThat(text(By.id("arendestatus"))).isEqualTo("Samtycke inhämtas");
    // The person's name and närstående, entered with the aktualisering, are on the case page.
    assertThat(text(By.id("individnamn"))).isEqualTo("Signe Åkerlund");
    assertThat(text(By.cssSelector("dl.fakta"))).contains("Närstående 1", "Tore Åkerlund");
    assertThat(text(By.id("historik"))).isNotBlank();
    assertThat(antalArenden()).isEqualTo(arendenFore + 1);
    skarmdump("arende-registrerat");
    granska();

    // Samtycke: the task is hers; first an empty submit, then a complete one.
    klicka(By.linkText("Mina uppgifter"));
    oppnaUppgift("mina", "inhamta-samtycke", "Inhämta samtycke", arendenummer);
    assertThat(text(By.tagName("h1"))).isEqualTo("Inhämta samtycke");
    WebElement slutfor = vantaPaFormular();
    skarmdump("samtycke-tomt");
    slutfor.click();
    WebElement fel =
        vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("felsammanfattning")));
    assertThat(fel.getText())
        .contains("Formuläret är inte komplett")
        .as("felet nämner fältet med dess etikett")
        .contains("Har individen lämnat samtycke?")
        .as("form-js egna felmeddelanden visas på svenska")
        .contains("Fältet måste fyllas i.")
        .doesNotContain("Field is required");
    vanta.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#formular .fjs-form-field-error"), "Fältet måste fyllas i."));
    skarmdump("samtycke-fel");
    granska();

    valj("Field_samtycke", "Ja, samtycke lämnat");
    valj("Field_samtyckeForm", "Skriftligt");
    valj("Field_samtyckeParter", "Försäkringskassan");
    valj("Field_samtyckeParter", "Arbetsförmedlingen");
    skarmdump("samtycke-ifyllt");
    klicka(By.id("slutfor"));
    assertThat(slutfortMeddelande())
        .startsWith(
            "Uppgiften Inhämta samtycke är slutförd. Ärendet går nu till beredningsgruppen");
    skarmdump("samtycke-slutfort");
    vanta.until(ExpectedConditions.urlMatches("/uppgifter\\?klar=\\d+$"));
    assertThat(text(By.id("bekraftelse")))
        .isEqualTo(
            "Uppgiften Inhämta samtycke är slutförd. Ärendet går nu till beredningsgruppen för"
                + " insatsen, och samtycket gäller 2 parter.");

    vantaPaStatus(arendeId, "Under beredning");
    assertThat(fakta("Samtycke")).isEqualTo("Ja – Försäkringskassan, Arbetsförmedlingen");
    skarmdump("under-beredning");
    granska();
    klicka(By.xpath("//button[normalize-space()='Logga ut']"));
    vanta.until(ExpectedConditions.urlContains("/login"));
    assertThat(text(By.tagName("main"))).contains("Du är utloggad.");

    // Bengt (AF) logs in through the identity provider, takes the beredning from the group and
    // decides Ja with Anna as ärendebärare.
    loggaInViaIdentitetsleverantoren("bengt@af.example");
    assertThat(text(By.tagName("header"))).contains("Bengt Ek");
    oppnaUppgift("grupp", "bered-arende", "Bered ärende", arendenummer);
    assertThat(text(By.tagName("h1"))).isEqualTo("Bered ärende");
    skarmdump("bered-oppen");
    granska();
    skicka(By.id("ta-uppgiften"));
    assertThat(text(By.cssSelector("main .ok[role=status]"))).isEqualTo("Uppgiften är tilldelad.");
    WebElement slutforBeredning = vantaPaFormular();
    valj("Field_beslut", "Ja");
    vanta
        .until(ExpectedConditions.elementToBeClickable(komponent("textarea", "Field_motivering")))
        .sendKeys("Behov hos både FK och AF; flerpartsmöte behövs.");
    valjIDropdown("Field_arendebarare", "Anna Lind (Försäkringskassan)");
    skarmdump("bered-ifyllt");
    slutforBeredning.click();
    assertThat(slutfortMeddelande()).startsWith("Uppgiften Bered ärende är slutförd.");
    vanta.until(ExpectedConditions.urlMatches("/uppgifter\\?klar=\\d+$"));
    assertThat(text(By.id("bekraftelse"))).isEqualTo("Uppgiften Bered ärende är slutförd.");

    vantaPaStatus(arendeId, "Pågående");
    assertThat(fakta("Ärendebärare")).isEqualTo("Anna Lind");
    skarmdump("pagaende");

    // Logging out ends the provider's session too, which sends him back to the login page.
    klicka(By.xpath("//button[normalize-space()='Logga ut']"));
    vanta.until(ExpectedConditions.urlContains("/login?utloggad"));
    assertThat(text(By.tagName("main"))).contains("Du är utloggad.");

    // The Content-Security-Policy let every page work: nothing was blocked on the way, and every
    // page's resources (its scripts, styles, the tab's icon) were there. The browser logs any
    // answer of 400 or more, also a task's draft asked for before there is one (404, as the API
    // answers a draft that does not exist).
    assertThat(webblasare.manage().logs().get(LogType.BROWSER).getAll())
        .extracting(LogEntry::getMessage)
        .noneMatch(m -> m.contains("Content Security Policy"))
        .noneMatch(m -> m.contains("Failed to load resource") && !m.contains("/utkast - "));
  }

  @Test
  void felLosenordVisasPaSvenska() {
    oppna("/login");
    webblasare.findElement(By.id("username")).sendKeys("anna");
    webblasare.findElement(By.id("password")).sendKeys("fel");
    klicka(By.cssSelector("form.formular button[type=submit]"));
    vanta.until(ExpectedConditions.urlContains("error"));
    assertThat(text(By.tagName("main"))).contains("Fel användarnamn eller lösenord.");
    granska();
  }

  @Test
  void administratorenSkaparEnInsatsMedBeredningsgrupp() {
    loggaIn("admin");
    klicka(By.id("meny-administration"));
    klicka(By.linkText("Insatser och beredningsgrupper"));
    klicka(By.id("ny-insats"));
    String kod = "webb-" + System.nanoTime();
    webblasare.findElement(By.id("kod")).sendKeys(kod);
    skicka(By.id("spara"));
    assertThat(text(By.id("felsammanfattning")))
        .contains("Namn: Ange insatsens namn")
        .contains("Beredningsgrupp: Välj minst en medlem i beredningsgruppen");
    skarmdump("insats-fel");
    granska();

    webblasare.findElement(By.id("namn")).sendKeys("Webbinsats");
    WebElement maxTid = webblasare.findElement(By.id("maxTid"));
    maxTid.clear();
    maxTid.sendKeys("P6M");
    klicka(By.cssSelector("input[name=beredningsgrupp][value=bengt]"));
    skicka(By.id("spara"));
    vanta.until(ExpectedConditions.urlMatches("/admin/insatser/" + kod + "$"));
    assertThat(text(By.tagName("h1"))).isEqualTo("Webbinsats");
    assertThat(text(By.cssSelector("main .ok[role=status]")))
        .isEqualTo("Insatsen Webbinsats är skapad.");
    assertThat(text(By.id("medlem-bengt"))).contains("Bengt Ek");
    skarmdump("insats-skapad");
    granska();
    assertThat(
            jdbc.queryForObject(
                "select max_tid from insats where kod = ? and aktiv", String.class, kod))
        .isEqualTo("P6M");
  }

  // --- steps ---

  private void loggaIn(String anvandare) {
    oppna("/login");
    assertThat(text(By.tagName("h1"))).isEqualTo("Logga in");
    webblasare.findElement(By.id("username")).sendKeys(anvandare);
    webblasare.findElement(By.id("password")).sendKeys("demo");
    klicka(By.cssSelector("form.formular button[type=submit]"));
    vanta.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//button[normalize-space()='Logga ut']")));
  }

  private void loggaInViaIdentitetsleverantoren(String epost) {
    idp.nastaInloggning(Map.of("sub", "idp-" + epost, "email", epost));
    oppna("/login");
    klicka(By.id("oidc-inloggning"));
    vanta.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//button[normalize-space()='Logga ut']")));
  }

  private void fyllAktualisering(String personnummer) {
    WebElement pnr = webblasare.findElement(By.id("personnummer"));
    pnr.clear();
    pnr.sendKeys(personnummer);
    WebElement skal = webblasare.findElement(By.id("skal"));
    skal.clear();
    skal.sendKeys("Långvarig sjukskrivning; behöver stöd från FK och AF.");
    WebElement namn = webblasare.findElement(By.id("namn"));
    namn.clear();
    namn.sendKeys("Signe Åkerlund");
    WebElement narstaende = webblasare.findElement(By.id("narstaende[0].namn"));
    narstaende.clear();
    narstaende.sendKeys("Tore Åkerlund");
    for (String part : List.of("FK", "AF")) {
      WebElement ruta =
          webblasare.findElement(By.cssSelector("input[name=behov][value='" + part + "']"));
      if (!ruta.isSelected()) {
        ruta.click();
      }
    }
  }

  /**
   * Waits until the task list shows the task (the engine hands it over asynchronously) and opens
   * it.
   */
  private void oppnaUppgift(String vy, String elementId, String namn, String arendenummer) {
    By rad =
        By.xpath(
            "//table[@id='uppgiftslista']//tr[@data-element-id='"
                + elementId
                + "'][td[starts-with(normalize-space(), '"
                + arendenummer
                + "')]]//a");
    WebElement lank =
        new WebDriverWait(webblasare, MOTORN, Duration.ofMillis(500))
            .ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  List<WebElement> hittade = d.findElements(rad);
                  if (!hittade.isEmpty()) {
                    return hittade.getFirst();
                  }
                  d.navigate().to(url("/uppgifter?vy=" + vy));
                  return null;
                });
    assertThat(lank.getText()).isEqualTo(namn);
    skarmdump("uppgiftslista-" + vy);
    granska();
    lank.click();
    vanta.until(ExpectedConditions.urlMatches("/uppgifter/\\d+$"));
  }

  /** form-js has rendered the form and the script has added the submit button. */
  private WebElement vantaPaFormular() {
    vanta.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#formular .fjs-container")));
    return vanta.until(ExpectedConditions.elementToBeClickable(By.id("slutfor")));
  }

  /**
   * The confirmation after a form is sent. The task page shows it for 1.5 s before it moves on to
   * the list, which repeats it; on a loaded machine the list can be what the test sees first. A
   * form that was refused shows its error summary instead, which the failure then quotes.
   */
  private String slutfortMeddelande() {
    return new WebDriverWait(webblasare, Duration.ofSeconds(20), Duration.ofMillis(100))
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "formuläret blev aldrig slutfört; sidan visar: " + synligtFel())
        .until(
            d -> {
              if (d.getCurrentUrl().matches(".*/uppgifter\\?klar=\\d+$")) {
                return d.findElement(By.id("bekraftelse")).getText();
              }
              WebElement status = d.findElement(By.id("status"));
              return status.isDisplayed() ? status.getText() : null;
            });
  }

  private String synligtFel() {
    try {
      WebElement fel = webblasare.findElement(By.id("felsammanfattning"));
      return fel.isDisplayed() ? fel.getText() : "inget fel, på " + webblasare.getCurrentUrl();
    } catch (org.openqa.selenium.WebDriverException e) {
      return "inget fel, på " + webblasare.getCurrentUrl();
    }
  }

  /** The case page, reloaded until the engine has moved the case on. */
  private void vantaPaStatus(String arendeId, String forvantad) {
    new WebDriverWait(webblasare, MOTORN, Duration.ofMillis(500))
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(() -> "ärendet fick aldrig status " + forvantad)
        .until(
            d -> {
              d.navigate().to(url("/arenden/" + arendeId));
              return forvantad.equals(d.findElement(By.id("arendestatus")).getText());
            });
  }

  // --- form-js ---
  // form-js names its inputs after the form component's id ("fjs-form-<random>-Field_samtycke",
  // options "...-0", "...-1"), not after the variable, and radio inputs carry no value. So the
  // test finds a field by the component id in forms/*.form and an option by its visible label.

  private static By komponent(String tagg, String komponentId) {
    return By.cssSelector("#formular " + tagg + "[id$='-" + komponentId + "']");
  }

  /** Ticks a radio option or a checklist box, found by its label. */
  private void valj(String komponentId, String etikett) {
    WebElement etikettElement =
        vanta.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//div[@id='formular']//label[starts-with(@for, 'fjs-form-')][contains(@for, '-"
                        + komponentId
                        + "-')][normalize-space()='"
                        + etikett
                        + "']")));
    By input = By.id(etikettElement.getDomAttribute("for"));
    WebElement ruta = vanta.until(ExpectedConditions.elementToBeClickable(input));
    if (!ruta.isSelected()) {
      ruta.click();
    }
    vanta.until(ExpectedConditions.elementSelectionStateToBe(input, true));
  }

  /** form-js draws a select as its own dropdown list: open it and pick the option by label. */
  private void valjIDropdown(String komponentId, String etikett) {
    WebElement falt =
        vanta.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//div[@id='formular']//div[contains(@class, 'fjs-form-field-select')]"
                        + "[.//*[contains(@id, '-"
                        + komponentId
                        + "')]]")));
    falt.findElement(By.cssSelector(".fjs-input-group")).click();
    vanta
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[@id='formular']//*[contains(@class, 'fjs-dropdownlist-item')]"
                        + "[normalize-space()='"
                        + etikett
                        + "']")))
        .click();
    vanta.until(ExpectedConditions.textToBePresentInElement(falt, etikett));
  }

  // --- helpers ---

  /** axe-core finds nothing against WCAG 2.1 A/AA on the page shown. */
  private void granska() {
    chromium.webblasare().granskaTillganglighet();
  }

  /**
   * Submits a server-rendered form and waits for the next page, which must be one of Flerpart's own
   * pages: a raw error (a JSON problem, a white-label page) fails at once with what it shows.
   */
  private void skicka(By knapp) {
    WebElement sida = webblasare.findElement(By.tagName("html"));
    klicka(knapp);
    // While the old page goes, Chromium answers either "stale element" or "node does not belong to
    // the document"; both mean it is gone.
    vanta.until(
        d -> {
          try {
            sida.isEnabled();
            return false;
          } catch (org.openqa.selenium.WebDriverException borta) {
            return true;
          }
        });
    vanta.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    assertThat(webblasare.findElements(By.cssSelector("header.sidhuvud")))
        .as(
            "Flerparts sidmall på %s; sidan visar: %s",
            webblasare.getCurrentUrl(), webblasare.findElement(By.tagName("body")).getText())
        .isNotEmpty();
  }

  private void oppna(String sokvag) {
    webblasare.navigate().to(url(sokvag));
  }

  private String url(String sokvag) {
    return "http://localhost:" + port + sokvag;
  }

  private void klicka(By var) {
    vanta.until(ExpectedConditions.elementToBeClickable(var)).click();
  }

  private String text(By var) {
    return vanta.until(ExpectedConditions.presenceOfElementLocated(var)).getText().strip();
  }

  /** A value in the case page's facts list, by its heading. */
  private String fakta(String rubrik) {
    return text(
        By.xpath(
            "//dl[@class='fakta']/dt[normalize-space()='"
                + rubrik
                + "']/following-sibling::dd[1]"));
  }

  private long antalArenden() {
    return Optional.ofNullable(jdbc.queryForObject("select count(*) from arende", Long.class))
        .orElse(0L);
  }

  private static String arendeId(String url) {
    Matcher m = ARENDE_URL.matcher(url);
    assertThat(m.find()).as("ärendets adress: %s", url).isTrue();
    return m.group(1);
  }

  /**
   * A screenshot in {@code target/}: always for a failure ("fel"), for the steps only when asked.
   */
  private void skarmdump(String namn) {
    boolean fel = "fel".equals(namn);
    if (!(fel || Boolean.getBoolean("flerpart.webblasartest.skarmdumpar"))) {
      return;
    }
    try {
      Path fil =
          Path.of(
              "target",
              String.format("webblasartest-%s-%02d-%s.png", testnamn, fel ? 99 : ++steg, namn));
      Files.createDirectories(fil.getParent());
      Path png = ((TakesScreenshot) webblasare).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, fil, StandardCopyOption.REPLACE_EXISTING);
      if (fel) {
        Files.writeString(
            Path.of("target", "webblasartest-" + testnamn + "-99-fel.html"),
            webblasare.getCurrentUrl() + "\n" + webblasare.getPageSource());
        System.err.println("Webbläsartestet: skärmdump i " + fil.toAbsolutePath());
      }
    } catch (Exception e) {
      System.err.println("Webbläsartestet: kunde inte spara skärmdump: " + e);
    }
  }
}
