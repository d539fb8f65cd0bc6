package se.flerpart;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh {@link Webblasare} for each test, for a {@code @RegisterExtension} instance field: before
 * each test it checks {@link Webblasare#kravPaWebblasare()} and starts the browser, after each test
 * (also a failed one) it closes it. It starts before the class's {@code @BeforeEach} methods and
 * closes after its {@code @AfterEach} methods, so both can use the browser.
 */
public final class WebblasarePerTest implements BeforeEachCallback, AfterEachCallback {

  private static final Duration VANTETID = Duration.ofSeconds(20);

  private final String tidszon;
  private Webblasare webblasare;
  private WebDriverWait vanta;

  /** A browser in the machine's time zone. */
  public WebblasarePerTest() {
    this(null);
  }

  /** A browser whose clock is in {@code tidszon} (an IANA name), or the machine's when null. */
  public WebblasarePerTest(String tidszon) {
    this.tidszon = tidszon;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    Webblasare.kravPaWebblasare();
    webblasare = Webblasare.starta(tidszon);
    vanta = new WebDriverWait(webblasare.driver(), VANTETID);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    Webblasare startad = webblasare;
    webblasare = null;
    vanta = null;
    if (startad != null) {
      startad.close();
    }
  }

  /** The test's browser. */
  public Webblasare webblasare() {
    if (webblasare == null) {
      throw new IllegalStateException("Webbläsaren finns bara under ett test");
    }
    return webblasare;
  }

  /** The test's browser's {@link WebDriver}. */
  public WebDriver driver() {
    return webblasare().driver();
  }

  /** A wait of 20 seconds on the test's browser. */
  public WebDriverWait vanta() {
    webblasare();
    return vanta;
  }
}
