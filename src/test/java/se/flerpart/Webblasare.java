package se.flerpart;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * given by path (Selenium Manager is never used), a fresh profile per test, removed afterwards.
 */
public final class Webblasare implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");
  private static String axe;

  private final Path profil;
  private final ChromeDriverService tjanst;
  private final WebDriver driver;

  /**
   * Skips the test when Chromium is missing, unless {@code FLERPART_WEBBLASARTEST=krav} (set by
   * CI), when it fails.
   */
  public static void kravPaWebblasare() {
    System.setProperty("SE_AVOID_STATS", "true");
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String meddelande =
        "Webbläsartestet behöver "
            + CHROMIUM
            + " och "
            + CHROMEDRIVER
            + " (Debian-paketen chromium och chromium-driver)";
    if ("krav".equals(System.getenv("FLERPART_WEBBLASARTEST"))) {
      fail(meddelande + ", och FLERPART_WEBBLASARTEST=krav kräver att det körs.");
    }
    assumeTrue(false, meddelande + "; testet hoppas över.");
  }

  /** A browser in the machine's time zone. */
  public static Webblasare starta() throws IOException {
    return starta(null);
  }

  /** A browser whose clock is in {@code tidszon} (an IANA name), or the machine's when null. */
  public static Webblasare starta(String tidszon) throws IOException {
    return new Webblasare(tidszon);
  }

  private Webblasare(String tidszon) throws IOException {
    profil = Files.createTempDirectory("flerpart-chromium-");
    ChromeDriverService.Builder bygge =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(new File("target/webblasartest-chromedriver.log"));
    if (tidszon != null) {
      bygge = bygge.withEnvironment(Map.of("TZ", tidszon));
    }
    tjanst = bygge.build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,1024",
        "--user-data-dir=" + profil.toAbsolutePath());
    LoggingPreferences loggar = new LoggingPreferences();
    loggar.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", loggar);
    driver = new ChromeDriver(tjanst, options);
  }

  public WebDriver driver() {
    return driver;
  }

  /**
   * Logs in through the login form as a demo user (password {@code demo}) on the Flerpart at {@code
   * port}, and waits until a page with "Logga ut" shows.
   */
  public void loggaIn(int port, String anvandare) {
    driver.navigate().to("http://localhost:" + port + "/login");
    driver.findElement(By.id("username")).sendKeys(anvandare);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("form.formular button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//button[normalize-space()='Logga ut']")));
  }

  /** The browser window's outer size, e.g. 768×1024 for a tablet held upright. */
  public void storlek(int bredd, int hojd) {
    driver.manage().window().setSize(new Dimension(bredd, hojd));
  }

  /**
   * Runs axe-core on the page the browser shows and fails, listing every violation, unless the page
   * meets WCAG 2.1 level A and AA as far as axe can tell. The script is injected through WebDriver
   * (not an inline script of the page, so the Content-Security-Policy lets it run).
   */
  public void granskaTillganglighet() {
    granskaTillganglighet(driver);
  }

  /** {@link #granskaTillganglighet()} for a browser started elsewhere. */
  public static void granskaTillganglighet(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axeSkript());
    }
    Object svar =
        js.executeAsyncScript(
            """
            const klar = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(r => klar(JSON.stringify(r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help,
                  noder: v.nodes.map(n => n.target.join(' ') + ' – '
                      + (n.failureSummary || '').replace(/\\s+/g, ' '))})))))
              .catch(e => klar('FEL ' + e));
            """);
    String resultat = String.valueOf(svar);
    if (resultat.startsWith("FEL ")) {
      fail("axe-core kunde inte granska " + driver.getCurrentUrl() + ": " + resultat);
    }
    if (!"[]".equals(resultat)) {
      StringBuilder text =
          new StringBuilder("Tillgänglighetsfel (WCAG 2.1 A/AA) på " + driver.getCurrentUrl());
      for (String rad : resultat.split("\\},\\{\"id\"")) {
        text.append("\n  - ").append(rad.replace("\\\"", "'"));
      }
      fail(text.toString());
    }
  }

  private static synchronized String axeSkript() {
    if (axe == null) {
      try {
        axe = Files.readString(AXE);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "axe-core saknas i " + AXE + "; kör npm ci i src/main/frontend", e);
      }
    }
    return axe;
  }

  /** Quits the browser and its driver and removes the profile. */
  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      tjanst.stop();
      try (Stream<Path> filer = Files.walk(profil)) {
        filer.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
