package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
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

  @LocalServerPort int port;
  @Autowired UppgiftSignal signal;

  @BeforeAll
  static void kravPaWebblasare() {
    Webblasare.kravPaWebblasare();
  }

  @Test
  void sidanSagerTillNarListanHarAndrats() throws IOException {
    ApiKlient api = new ApiKlient(port);
    try (Webblasare chromium = Webblasare.starta()) {
      WebDriver w = chromium.driver();
      WebDriverWait vanta = new WebDriverWait(w, Duration.ofSeconds(30));
      chromium.loggaIn(port, "anna");
      w.get("http://localhost:" + port + "/uppgifter?vy=mina&sortering=-skapad");
      assertThat(w.findElement(By.id("listan-andrad")).getText())
          .matches("Listan visar läget kl\\. \\d\\d:\\d\\d\\.");
      chromium.granskaTillganglighet();
      // Where the search form and the notice's box stand before the notice comes.
      int formularetsTopp = w.findElement(By.id("filtrera")).getRect().getY();
      int rutansHojd = w.findElement(By.id("listan-andrad")).getRect().getHeight();

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
      assertThat(w.findElement(By.id("listan-andrad")).getText())
          .isEqualTo("Listan har ändrats sedan sidan visades. Visa den uppdaterade listan");
      assertThat(w.findElements(rad)).as("sidan laddas inte om av sig själv").isEmpty();
      // The notice moves nothing: a click meant for the form's button still lands on it.
      assertThat(w.findElement(By.id("filtrera")).getRect().getY())
          .as("sökformulärets knapp flyttas inte av meddelandet")
          .isEqualTo(formularetsTopp);
      assertThat(w.findElement(By.id("listan-andrad")).getRect().getHeight()).isEqualTo(rutansHojd);
      chromium.granskaTillganglighet();

      lank.click();
      assertThat(vanta.until(ExpectedConditions.visibilityOfElementLocated(rad)).getText())
          .contains("Inhämta samtycke", "Vera Väntan");
      assertThat(w.getCurrentUrl()).contains("/uppgifter?vy=mina&sortering=-skapad");
      // Every cell of the row is a cell of the table, the comment's too (a block there once broke
      // the row's borders), and they share the row's height.
      var celler = w.findElement(rad).findElements(By.tagName("td"));
      assertThat(celler).hasSize(9);
      assertThat(celler)
          .allSatisfy(c -> assertThat(c.getCssValue("display")).isEqualTo("table-cell"));
      assertThat(celler.stream().map(c -> c.getRect().getHeight()).distinct()).hasSize(1);
      assertThat(w.findElement(By.id("listan-andrad")).getText()).startsWith("Listan visar läget");

      w.get("http://localhost:" + port + "/uppgifter?vy=mina&sok=2026");
      assertThat(w.findElements(By.id("listan-andrad"))).as("en sökning väntar inte").isEmpty();
      assertThat(w.getPageSource()).doesNotContain("uppgiftslista.js");
    }
  }

  /**
   * The search form's fields line up in each row however the form wraps: their labels level, their
   * inputs level and of one height, whether a hint stands under a field or not, and the buttons
   * level with the inputs, or on a phone in a row of their own at the usual distance. The hints
   * under Sök and Ärende once pushed those two fields' labels up above the label of Uppgift between
   * them.
   */
  @Test
  void sokformularetsFaltStarIRad() throws IOException {
    try (Webblasare chromium = Webblasare.starta()) {
      WebDriver w = chromium.driver();
      chromium.loggaIn(port, "anna");
      for (int bredd : new int[] {1280, 1000, 800, 390}) {
        chromium.storlek(bredd, 1000);
        w.get("http://localhost:" + port + "/uppgifter?vy=mina");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> falt =
            (List<Map<String, Object>>)
                ((JavascriptExecutor) w)
                    .executeScript(
                        """
                        const ruta = e => e.getBoundingClientRect();
                        const falt = [...document.querySelectorAll('#filter .filterfalt')].map(f => ({
                          namn: f.querySelector('label').textContent,
                          etikett: ruta(f.querySelector('label')).top,
                          topp: ruta(f.querySelector('input, select')).top,
                          botten: ruta(f.querySelector('input, select')).bottom,
                          fot: ruta(f).bottom}));
                        const knapp = ruta(document.getElementById('filtrera'));
                        falt.push({namn: 'Visa', topp: knapp.top, botten: knapp.bottom,
                          ovanfor: Math.max(...falt.map(f => f.fot).filter(b => b <= knapp.top)),
                          radavstand: parseFloat(getComputedStyle(document.getElementById('filter')).rowGap)});
                        return falt;
                        """);
        assertThat(falt).hasSize(7);
        int medGranne = 0;
        for (Map<String, Object> a : falt) {
          List<Map<String, Object>> raden =
              falt.stream().filter(b -> b == a || bredvid(a, b)).toList();
          medGranne += raden.size() > 1 ? 1 : 0;
          for (Map<String, Object> b : raden) {
            String par = bredd + " px: " + a.get("namn") + " och " + b.get("namn");
            assertThat(tal(b, "topp"))
                .as(par + ", inmatningens överkant")
                .isCloseTo(tal(a, "topp"), within(1.0));
            assertThat(tal(b, "botten"))
                .as(par + ", inmatningens underkant")
                .isCloseTo(tal(a, "botten"), within(1.0));
            if (a.containsKey("etikett") && b.containsKey("etikett")) {
              assertThat(tal(b, "etikett"))
                  .as(par + ", etiketten")
                  .isCloseTo(tal(a, "etikett"), within(1.0));
            }
          }
        }
        Map<String, Object> visa = falt.get(falt.size() - 1);
        if (bredd > 500) {
          assertThat(medGranne).as(bredd + " px: fält som står bredvid varandra").isPositive();
        } else {
          // On a phone the buttons have a row of their own, as far below the field above as a row
          // of fields stands below the one before it.
          assertThat(falt).noneMatch(f -> bredvid(visa, f));
          assertThat(tal(visa, "topp") - tal(visa, "ovanfor"))
              .as(bredd + " px: avståndet ovanför knapparna")
              .isCloseTo(tal(visa, "radavstand"), within(1.0));
        }
      }
    }
  }

  /** Two different fields (or a field and the button) whose inputs share a part of a row. */
  private static boolean bredvid(Map<String, Object> a, Map<String, Object> b) {
    return a != b && tal(b, "topp") < tal(a, "botten") && tal(a, "topp") < tal(b, "botten");
  }

  private static double tal(Map<String, Object> falt, String nyckel) {
    return ((Number) falt.get(nyckel)).doubleValue();
  }

  /**
   * The page's waiting request ends when the page is left. The browser keeps a page left for
   * another with its open requests, and has six connections to a server: the seventh list page
   * within 25 seconds waited that long for one before this. A hang detector, not a speed goal: a
   * page takes well under a second, and 15 seconds are allowed.
   */
  @Test
  void mangaListsidorIRadVantarInteTillsEnAnslutningBlirLedig() throws IOException {
    ApiKlient api = new ApiKlient(port);
    try (Webblasare chromium = Webblasare.starta()) {
      WebDriver w = chromium.driver();
      chromium.loggaIn(port, "anna");
      w.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
      for (String vy :
          List.of(
              "vy=mina",
              "vy=grupp",
              "vy=alla",
              "vy=alla&sortering=arende",
              "vy=alla&sortering=-arende",
              "vy=alla&sortering=skapad",
              "vy=mina&sortering=uppgift",
              "vy=grupp&sortering=arende",
              "vy=alla&sortering=uppgift",
              "vy=mina&sortering=-skapad")) {
        w.get("http://localhost:" + port + "/uppgifter?" + vy);
        assertThat(w.findElement(By.id("listan-andrad")).getText())
            .as(vy)
            .startsWith("Listan visar läget");
      }

      // Back to a page the browser kept: it waits again, and tells of a change made meanwhile.
      w.navigate().back();
      assertThat(w.getCurrentUrl()).endsWith("vy=alla&sortering=uppgift");
      String id =
          api.aktualisera(
              "anna",
              Map.of(
                  "personnummer", "19121212-1212",
                  "namn", "Tore Tillbaka",
                  "insats", "flerpartssamverkan",
                  "skal", "Behöver stöd från flera parter",
                  "behov", List.of("FK", "AF")));
      api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
      new WebDriverWait(w, Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("visa-andrad-lista")));
    }
  }

  /**
   * A page that is left ends its wait on the server as it goes (DELETE of the wait's name). The
   * server is not told that the browser ended the request: before this, the wait kept its place
   * among the server's waiting requests until its answer was due, 25 seconds later.
   */
  @Test
  void enLamnadSidaLamnarSinPlatsBlandVantande() throws IOException {
    try (Webblasare chromium = Webblasare.starta()) {
      WebDriver w = chromium.driver();
      chromium.loggaIn(port, "bengt");
      // (The login leads to the task list too: that page is left here.)
      w.get("http://localhost:" + port + "/uppgifter?vy=mina");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(signal.vantande("bengt")).as("den öppna sidans väntan").isOne());

      w.get("http://localhost:" + port + "/arenden");
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThat(signal.vantande("bengt")).as("den lämnade sidans väntan").isZero());

      // Shown again from the browser's cache, the page waits again; left again, it ends it.
      w.navigate().back();
      await().atMost(Duration.ofSeconds(10)).until(() -> signal.vantande("bengt") == 1);
      w.navigate().forward();
      await().atMost(Duration.ofSeconds(5)).until(() -> signal.vantande("bengt") == 0);
    }
  }
}
