package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.WebblasarePerTest;

/**
 * The administrator's statistics pages in Chromium: the history import's file field with its errors
 * and result, and the definitions page, each checked for accessibility.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class StatistikImportWebblasareTest {

  static final String INSATS = "importwebb";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @RegisterExtension final WebblasarePerTest chromium = new WebblasarePerTest();
  private WebDriver webblasare;
  private WebDriverWait vanta;
  private Path katalog;

  @BeforeEach
  void starta() throws IOException {
    webblasare = chromium.driver();
    vanta = chromium.vanta();
    HistorikimportApiTest.skapaInsats(jdbc, INSATS);
    katalog = Files.createTempDirectory("import");
  }

  @AfterEach
  void stang() {
    HistorikimportApiTest.stada(jdbc, INSATS);
  }

  @Test
  @DisplayName(
      "Givet importsidan i webbläsaren när administratören väljer en fil med fel så listas felen"
          + " och inget importeras; med exempelfilen säger sidan hur många som importerades")
  void importeraIWebblasaren() throws IOException {
    chromium.webblasare().loggaIn(port, "admin");

    oppna("/statistik/import");
    chromium.webblasare().granskaTillganglighet();
    Path fel = katalog.resolve("fel.csv");
    Files.writeString(
        fel,
        "personnummer,insats,startdatum\n19900928-9001," + INSATS + ",2025-02-30\n",
        StandardCharsets.UTF_8);
    ladda(fel);
    String felText =
        vanta
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("felsammanfattning")))
            .getText();
    assertThat(felText).contains("rad 2, startdatum: Datumet ska skrivas ÅÅÅÅ-MM-DD");
    chromium.webblasare().granskaTillganglighet();

    Path exempel = katalog.resolve("deltagare-2025.csv");
    Files.write(exempel, HistorikimportApiTest.exempelfil(INSATS));
    ladda(exempel);
    assertThat(
            vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("resultat"))).getText())
        .isEqualTo("40 deltagare importerade.");
    assertThat(webblasare.findElement(By.id("tidigare")).getText()).contains("deltagare-2025.csv");
    chromium.webblasare().granskaTillganglighet();

    oppna("/admin/statistikdefinitioner?ar=2004");
    assertThat(webblasare.findElement(By.id("galler")).getText()).contains("ingen egen definition");
    chromium.webblasare().granskaTillganglighet();
  }

  private void ladda(Path fil) {
    webblasare.findElement(By.id("fil")).sendKeys(fil.toAbsolutePath().toString());
    webblasare.findElement(By.cssSelector("form.formular button[type=submit]")).click();
  }

  private void oppna(String sokvag) {
    webblasare.navigate().to("http://localhost:" + port + sokvag);
  }
}
