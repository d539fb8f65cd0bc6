package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.WebblasarePerTest;

/**
 * The Statistik page in headless Chromium: petra chooses a period and an insats, sees every table
 * with its chart drawn from it, a failed check as an alert, and the download links; axe-core finds
 * no WCAG 2.1 AA violation. The participants are imported rows of 2019, removed afterwards.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class StatistikWebblasareTest {

  private static final String NYCKEL = "statistik-webblasartest-";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @RegisterExtension final WebblasarePerTest chromium = new WebblasarePerTest();
  private WebDriver webblasare;
  private WebDriverWait vanta;

  @BeforeEach
  void starta() {
    webblasare = chromium.driver();
    vanta = chromium.vanta();
    deltagare(1, "KVINNA", "2019-02-01", "2019-05-10", "STUDIER");
    deltagare(2, "MAN", "2019-03-01", null, null);
    // Closed without avslutsorsak: a data problem the checks must show.
    deltagare(3, "KVINNA", "2019-01-20", "2019-04-02", null);
  }

  @AfterEach
  void stang() {
    jdbc.sql("delete from statistik_deltagare where import_nyckel like ?")
        .param(NYCKEL + "%")
        .update();
  }

  @Test
  void processledarenSerTabellerMedDiagramKontrollerOchNedladdningar() {
    loggaIn("petra");
    klicka(By.id("meny-statistik"));
    vanta.until(ExpectedConditions.presenceOfElementLocated(By.id("rapportrubrik")));
    assertThat(webblasare.findElement(By.id("fran")).getAttribute("value")).endsWith("-01-01");

    skriv(By.id("fran"), "2019-01-01");
    skriv(By.id("till"), "2019-12-31");
    new Select(webblasare.findElement(By.id("insats"))).selectByVisibleText("Flerpartssamverkan");
    klicka(By.id("visa"));
    vanta.until(ExpectedConditions.urlContains("fran=2019-01-01"));

    assertThat(webblasare.findElement(By.id("rapportrubrik")).getText())
        .isEqualTo("Flerpartssamverkan, 2019-01-01 – 2019-12-31");
    List<WebElement> tabeller = webblasare.findElements(By.cssSelector("section.statistiktabell"));
    assertThat(tabeller.stream().map(t -> t.getAttribute("data-tabell")))
        .containsExactlyElementsOf(Statistikrapporter.TABELLER);
    for (WebElement t : tabeller) {
      assertThat(t.findElement(By.tagName("caption")).getText())
          .endsWith("Flerpartssamverkan, 2019-01-01 – 2019-12-31");
    }
    vanta.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('canvas[data-diagram]'))"
                            + ".every(c => Chart.getChart(c) !== undefined);"));
    Object staplar =
        ((JavascriptExecutor) webblasare)
            .executeScript(
                "const c = Chart.getChart(document.querySelector('canvas[data-diagram=deltagare]'));"
                    + " return c.data.datasets.map(d => d.label);");
    assertThat(staplar).isEqualTo(List.of("Kvinnor", "Män", "Annat/okänt"));

    WebElement varning = webblasare.findElement(By.id("kontrollvarning"));
    assertThat(varning.getAttribute("role")).isEqualTo("alert");
    assertThat(varning.getText()).startsWith("Varning:");
    assertThat(webblasare.findElements(By.cssSelector(".kontrollfel li"))).isNotEmpty();
    assertThat(webblasare.findElement(By.id("definition")).getText()).startsWith("Beräknad med");
    assertThat(webblasare.findElement(By.id("ladda-ner-pdf")).getAttribute("href"))
        .endsWith(
            "/api/rapporter?format=pdf&fran=2019-01-01&till=2019-12-31&insats=flerpartssamverkan");
    assertThat(webblasare.findElement(By.id("ladda-ner-excel")).getAttribute("href"))
        .contains("format=xlsx");
    assertThat(webblasare.findElements(By.id("till-import"))).as("importen är för ADMIN").isEmpty();

    chromium.webblasare().granskaTillganglighet();
  }

  private void deltagare(int n, String kon, String start, String avslut, String orsak) {
    jdbc.sql(
            """
            insert into statistik_deltagare (import_nyckel, anonym, kon, fodelsear, insats_kod,
              aktualiserande_part, aktualiseringsdatum, beslut, beslutsdatum, startdatum,
              avslutsdatum, avslutsorsak)
            values (?, true, ?, 1980, 'flerpartssamverkan', 'FK', ?::date - 30, 'JA',
              ?::date - 10, ?::date, ?::date, ?)
            """)
        .params(NYCKEL + n, kon, start, start, start, avslut, orsak)
        .update();
  }

  private void loggaIn(String anvandare) {
    chromium.webblasare().loggaIn(port, anvandare);
  }

  private void klicka(By vad) {
    vanta.until(ExpectedConditions.elementToBeClickable(vad)).click();
  }

  private void skriv(By vad, String text) {
    WebElement falt = vanta.until(ExpectedConditions.elementToBeClickable(vad));
    falt.clear();
    falt.sendKeys(text);
  }
}
