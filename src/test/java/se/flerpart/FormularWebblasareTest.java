package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeSteg;

/**
 * Task forms in the browser, where data got lost or changed: dates are read and shown as ÅÅÅÅ-MM-DD
 * in a Swedish calendar, what cannot be read is said in Swedish, the meeting time is Swedish time
 * even in a browser in New York, a half-filled form survives a reload, text typed into a group's
 * task before taking it is still there afterwards, a free-text warning goes when the text is
 * corrected, and a control character pasted into a field is named by the field's label, in a task's
 * form and in a page's own, before anything is sent.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class FormularWebblasareTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient camunda;
  @Autowired Clock klocka;

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /**
   * The meeting's day: 4 December next year. Ahead of today wherever the browser is (the form
   * refuses passed days), and a day an American reading would take for a month.
   */
  private static final String MOTESDAG =
      LocalDate.now(ArendeService.SVERIGE).plusYears(1).withMonth(12).withDayOfMonth(4).toString();

  /** Far from Sweden, so that a time taken from the browser's clock would show. */
  @RegisterExtension final WebblasarePerTest chromium = new WebblasarePerTest(NEW_YORK.getId());

  private WebDriver webblasare;
  private WebDriverWait vanta;

  private final ObjectMapper json = new ObjectMapper();
  private ApiKlient api;

  @BeforeEach
  void starta() {
    webblasare = chromium.driver();
    vanta = chromium.vanta();
    api = new ApiKlient(port);
  }

  @Test
  void datumPaSvenskaOchUtkastetOverleverEnOmladdning() throws IOException {
    String arendeId = aktualisera();
    ArendeSteg.beviljat(api, arendeId, "anna", List.of("FK", "AF"), false, "anna");
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", arendeId, "forbered-kallelse");
    long id = kallelse.path("id").asLong();

    loggaIn("anna");
    oppna("/uppgifter/" + id);
    vantaPaFormular();
    WebElement datum = falt("input", "Field_motesTid-date");
    assertThat(datum.getDomAttribute("placeholder")).isEqualTo("ÅÅÅÅ-MM-DD");
    LocalDate manadForeKalendern = idag();

    // The calendar is Swedish, Monday first.
    datum.click();
    WebElement kalender =
        vanta.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#formular .flatpickr-calendar.open")));
    assertThat(
            kalender.findElements(By.cssSelector(".flatpickr-weekday")).stream()
                .map(e -> e.getText().strip())
                .toList())
        .startsWith("mån", "tis", "ons", "tor", "fre", "lör", "sön");
    assertThat(kalender.getText())
        .as("the calendar opens on this month (the browser's), named in Swedish")
        .containsAnyOf(manadsnamn(manadForeKalendern), manadsnamn(idag()));
    chromium.webblasare().granskaTillganglighet();

    // A first date that cannot be read: form-js sees no value and would say "Fältet måste fyllas
    // i." under the date the user did fill in; Flerpart's message is shown instead, and the empty
    // required time beside it, which form-js marks, gets a message of its own.
    skriv(datum, "4/12/2026");
    webblasare.findElement(By.id("slutfor")).click();
    vanta.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("felsammanfattning"), "Ett datum kunde inte läsas"));
    assertThat(synligaFelVidMotesTid())
        .hasSize(2)
        .contains("Tiden saknas. Skriv den som TT:MM, till exempel 10:00.")
        .anySatisfy(fel -> assertThat(fel).startsWith("Datumet kunde inte läsas."));
    assertThat(falt("input", "Field_motesTid-time").getDomAttribute("aria-describedby"))
        .contains(
            webblasare
                .findElement(By.cssSelector("#formular .flerpart-tidfel"))
                .getDomAttribute("id"));

    // ÅÅÅÅ-MM-DD is 4 December, not read the American way (2026-12-04 once became 8 June 2027).
    skriv(datum, MOTESDAG);
    assertThat(datum.getDomProperty("value")).isEqualTo(MOTESDAG);
    assertThat(webblasare.findElements(By.cssSelector("#formular .flerpart-datumfel"))).isEmpty();
    // ÅÅÅÅMMDD too, shown as ÅÅÅÅ-MM-DD.
    skriv(datum, MOTESDAG.replace("-", ""));
    assertThat(datum.getDomProperty("value")).isEqualTo(MOTESDAG);
    assertThat(webblasare.findElements(By.cssSelector("#formular .flerpart-tidfel")))
        .as("tiden saknas fortfarande")
        .hasSize(1);
    skriv(falt("input", "Field_motesTid-time"), "10:00");
    assertThat(webblasare.findElements(By.cssSelector("#formular .flerpart-tidfel"))).isEmpty();
    skriv(falt("textarea", "Field_syfte"), "Gemensam plan för återgång i arbete");

    // The draft is saved while she types, and says so.
    vanta.until(
        ExpectedConditions.textMatches(
            By.id("utkaststatus"), Pattern.compile("Utkast sparat \\d\\d:\\d\\d")));
    assertThat(webblasare.findElement(By.id("utkaststatus")).getDomAttribute("aria-live"))
        .isEqualTo("polite");
    JsonNode utkast = vantaPaUtkast(id, "anna", "syfte");
    assertThat(utkast.path("motesTid").asText())
        .as("4 december klockan 10:00 på en klocka i Sverige, fast webbläsaren är i New York")
        .isEqualTo(MOTESDAG + "T10:00");
    assertThat(utkast.path("syfte").asText()).isEqualTo("Gemensam plan för återgång i arbete");

    // A reload (a closed tab) keeps it.
    webblasare.navigate().refresh();
    vantaPaFormular();
    assertThat(falt("textarea", "Field_syfte").getDomProperty("value"))
        .isEqualTo("Gemensam plan för återgång i arbete");
    assertThat(falt("input", "Field_motesTid-date").getDomProperty("value")).isEqualTo(MOTESDAG);
    assertThat(falt("input", "Field_motesTid-time").getDomProperty("value")).isEqualTo("10:00");
    assertThat(webblasare.findElement(By.id("utkaststatus")).getText()).contains("återställt");
    chromium.webblasare().granskaTillganglighet();

    // What cannot be read is kept as typed, with a Swedish message, and nothing is sent.
    for (String oläsbart : List.of("04.12.2026", "4/12/2026", "2026-02-30")) {
      WebElement falt = falt("input", "Field_motesTid-date");
      skriv(falt, oläsbart);
      assertThat(falt.getDomProperty("value")).isEqualTo(oläsbart);
      assertThat(falt.getDomAttribute("aria-invalid")).isEqualTo("true");
      String fel = webblasare.findElement(By.cssSelector("#formular .flerpart-datumfel")).getText();
      assertThat(fel)
          .startsWith("Datumet kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till exempel ");
      assertThat(exempel(fel)).as("exemplet är en dag som fältet tar emot").isAfter(idag());
    }
    webblasare.findElement(By.id("slutfor")).click();
    String sammanfattning =
        vanta
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("felsammanfattning")))
            .getText();
    assertThat(sammanfattning)
        .contains("Ett datum kunde inte läsas. Skriv datum som ÅÅÅÅ-MM-DD, till exempel ");
    assertThat(exempel(sammanfattning)).isAfter(idag());
    assertThat(synligaFelVidMotesTid())
        .as("Flerparts meddelande, inte form-js' \"Fältet måste fyllas i.\" för ett ifyllt fält")
        .containsExactly(
            webblasare.findElement(By.cssSelector("#formular .flerpart-datumfel")).getText());
    chromium.webblasare().granskaTillganglighet();
    assertThat(api.hittaUppgift("anna", "mina", arendeId, "forbered-kallelse")).isPresent();

    // A day that has passed (the browser's yesterday) is kept as typed and explained.
    String igar = idag().minusDays(1).toString();
    WebElement passerat = falt("input", "Field_motesTid-date");
    skriv(passerat, igar);
    assertThat(passerat.getDomProperty("value")).isEqualTo(igar);
    assertThat(passerat.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(webblasare.findElement(By.cssSelector("#formular .flerpart-datumfel")).getText())
        .isEqualTo("Datumet har redan passerat. Välj i dag eller ett senare datum.");

    // Corrected, the message goes.
    skriv(falt("input", "Field_motesTid-date"), MOTESDAG);
    assertThat(webblasare.findElements(By.cssSelector("#formular .flerpart-datumfel"))).isEmpty();

    // A time it cannot read stays as typed with a Swedish message, and nothing is sent; TTMM is
    // read as TT:MM.
    WebElement tid = falt("input", "Field_motesTid-time");
    skriv(tid, "kl tio");
    assertThat(tid.getDomProperty("value")).isEqualTo("kl tio");
    assertThat(tid.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(webblasare.findElement(By.cssSelector("#formular .flerpart-tidfel")).getText())
        .isEqualTo("Tiden kunde inte läsas. Skriv den som TT:MM, till exempel 10:00.");
    chromium.webblasare().granskaTillganglighet();
    webblasare.findElement(By.id("slutfor")).click();
    vanta.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("felsammanfattning"), "En tid kunde inte läsas"));
    assertThat(synligaFelVidMotesTid())
        .containsExactly("Tiden kunde inte läsas. Skriv den som TT:MM, till exempel 10:00.");
    assertThat(api.hittaUppgift("anna", "mina", arendeId, "forbered-kallelse")).isPresent();
    skriv(falt("input", "Field_motesTid-time"), "1030");
    vanta.until(d -> "10:30".equals(falt("input", "Field_motesTid-time").getDomProperty("value")));
    assertThat(webblasare.findElements(By.cssSelector("#formular .flerpart-tidfel"))).isEmpty();
    String[] senast = {null};
    try {
      vanta.until(
          d ->
              (MOTESDAG + "T10:30")
                  .equals(
                      senast[0] = vantaPaUtkast(id, "anna", "motesTid").path("motesTid").asText()));
    } catch (org.openqa.selenium.TimeoutException e) {
      assertThat(senast[0]).as("utkastets mötestid").isEqualTo(MOTESDAG + "T10:30");
    }
  }

  @Test
  void textSkrivenForeTaUppgiftenFinnsKvarEfterat() throws IOException {
    JsonNode beredning = beredningsuppgift();
    assertThat(beredning.path("tilldelad").asText("")).as("gruppens, inte tagen").isIn("", "null");

    loggaIn("bengt");
    oppna("/uppgifter/" + beredning.path("id").asText());
    vantaPaFormular();
    WebElement motivering = falt("textarea", "Field_motivering");
    motivering.sendKeys("Behov hos både FK och AF");
    // Straight on to "Ta uppgiften", without waiting for anything.
    webblasare.findElement(By.id("ta-uppgiften")).click();
    vanta.until(
        ExpectedConditions.textToBe(
            By.cssSelector("main .ok[role=status]"), "Uppgiften är tilldelad."));
    vantaPaFormular();
    assertThat(falt("textarea", "Field_motivering").getDomProperty("value"))
        .isEqualTo("Behov hos både FK och AF");
    chromium.webblasare().granskaTillganglighet();
    assertThat(
            jdbc.queryForObject(
                "select tilldelad from uppgift where id = ?",
                String.class,
                beredning.path("id").asLong()))
        .isEqualTo("bengt");
  }

  @Test
  void serverfelNamnerRadenOchFaltetOchSammanfattningenFarFokus() throws IOException {
    String arendeId = aktualisera();
    ArendeSteg.beviljat(api, arendeId, "anna", List.of("FK", "AF"), false, "anna");
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", arendeId, "forbered-kallelse");
    long id = kallelse.path("id").asLong();
    // A form the browser accepts but the server does not: an invitee without e-mail who is not
    // marked to get a printed kallelse. Put there as a draft, which the page restores.
    Map<String, Object> deltagare =
        Map.of(
            "namn", "Bengt Ek",
            "roll", "PROFESSIONELL",
            "part", "AF",
            "saknarEpost", false,
            "kravs", false);
    assertThat(
            api.anrop(
                    "anna",
                    "PUT",
                    "/api/uppgifter/" + id + "/utkast",
                    Map.of(
                        "syfte", "Gemensam plan",
                        "motesTid", "2030-01-10T10:00",
                        "plats", "Kontaktcenter",
                        "ordforande", "cecilia",
                        "deltagare", List.of(deltagare)))
                .status())
        .isEqualTo(200);

    loggaIn("anna");
    oppna("/uppgifter/" + id);
    vantaPaFormular();
    vanta.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("utkaststatus"), "återställt"));
    vanta.until(
        d -> "2030-01-10".equals(falt("input", "Field_motesTid-date").getDomProperty("value")));
    webblasare.findElement(By.id("slutfor")).click();

    WebElement fel =
        vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("felsammanfattning")));
    assertThat(fel.getText())
        .as("raden och fältets etikett, inte sökvägen deltagare[0].epost")
        .contains("Deltagare 1: e-post – ange e-post, eller kryssa i att personen saknar e-post")
        .contains("Ordförande: Cecilia Berg (Uppsala kommun) kan inte vara ordförande")
        .doesNotContain("deltagare[0]")
        .doesNotContain("epost:");
    assertThat(webblasare.switchTo().activeElement().getDomAttribute("id"))
        .as("felsammanfattningen får fokus")
        .isEqualTo("felsammanfattning");
    assertThat(api.hittaUppgift("anna", "mina", arendeId, "forbered-kallelse")).isPresent();

    // What the page finds itself in a row is named the same way: the row, then the field. (A NUL
    // never gets into form-js' text boxes; another control character does.)
    klistraIn(
        vanta.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#formular input[id*='Field_deltagare_namn']"))),
        "Bengt\u0001 Ek");
    webblasare.findElement(By.id("slutfor")).click();
    vanta.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("felsammanfattning"),
            "Deltagare 1, Namn: texten innehåller ett otillåtet tecken"));
    assertThat(api.hittaUppgift("anna", "mina", arendeId, "forbered-kallelse")).isPresent();
  }

  @Test
  void ettOtillatetTeckenNamnerFaltetOchIngetSkickas() throws IOException {
    JsonNode beredning = beredningsuppgift();
    long id = beredning.path("id").asLong();

    loggaIn("bengt");
    oppna("/uppgifter/" + id);
    vantaPaFormular();
    WebElement motivering = falt("textarea", "Field_motivering");
    skriv(motivering, "Behov hos FK");
    vanta.until(
        ExpectedConditions.textMatches(
            By.id("utkaststatus"), Pattern.compile("Utkast sparat \\d\\d:\\d\\d")));
    // Pasted text with a NUL in it, as form-js takes a change.
    klistraIn(motivering, "Behov hos FK\u0000 och AF");
    vanta.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("utkaststatus"),
            "Utkastet sparas inte. Motivering: texten innehåller ett otillåtet tecken"));
    webblasare.findElement(By.id("slutfor")).click();
    WebElement fel =
        vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("felsammanfattning")));
    assertThat(fel.getText())
        .contains("Motivering: texten innehåller ett otillåtet tecken")
        .doesNotContain("motivering:");
    // Nothing went to the server: the task is open, and the draft is the text before the NUL.
    assertThat(jdbc.queryForObject("select status from uppgift where id = ?", String.class, id))
        .isEqualTo("OPPEN");
    assertThat(api.get("bengt", "/api/uppgifter/" + id + "/utkast").kropp().path("motivering"))
        .hasToString("\"Behov hos FK\"");
  }

  @Test
  void varningenForEttPersonnummerForsvinnerNarTextenRattas() {
    long id = beredningsuppgift().path("id").asLong();
    loggaIn("bengt");
    oppna("/uppgifter/" + id);
    vantaPaFormular();
    WebElement motivering = falt("textarea", "Field_motivering");
    skriv(motivering, "Ring 19121212-1212 om beslutet");
    WebElement varning =
        vanta.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#formular .textvarning")));
    assertThat(varning.getText()).startsWith("Texten ser ut att innehålla ett personnummer.");
    assertThat(motivering.getDomAttribute("aria-describedby"))
        .contains(varning.getDomAttribute("id"));

    // Corrected, the warning goes: no empty box is left under the field.
    skriv(falt("textarea", "Field_motivering"), "Behov hos FK och AF");
    vanta.until(ExpectedConditions.invisibilityOf(varning));
    assertThat(varning.getText()).isEmpty();
  }

  @Test
  void ettOtillatetTeckenISidansFormularVisasVidFaltetMedEtiketten() {
    String kod = "tecken-" + System.nanoTime();
    assertThat(
            api.post(
                    "admin",
                    "/api/admin/insatser",
                    Map.of("kod", kod, "namn", "Teckenprov", "beredningsgrupp", List.of("bengt")))
                .status())
        .isEqualTo(201);
    // The application's today: other tests in the same context move the engine's clock.
    String dag =
        klocka.instant().atZone(ArendeService.SVERIGE).toLocalDate().plusDays(14).toString();
    loggaIn("admin");
    oppna("/admin/insatser/" + kod);
    skriv(webblasare.findElement(By.id("forstaDatum")), dag);
    skriv(webblasare.findElement(By.id("tid")), "10:00");
    WebElement plats = webblasare.findElement(By.id("plats"));
    klistraIn(plats, "Rum\u0000 4");
    webblasare.findElement(By.id("spara-beredningsmote")).click();

    WebElement fel =
        vanta.until(ExpectedConditions.visibilityOfElementLocated(By.id("plats-teckenfel")));
    assertThat(fel.getText())
        .startsWith("Plats: texten innehåller ett otillåtet tecken")
        .doesNotContain("plats:");
    assertThat(webblasare.getCurrentUrl()).endsWith("/admin/insatser/" + kod);
    assertThat(webblasare.switchTo().activeElement().getDomAttribute("id")).isEqualTo("plats");
    assertThat(plats.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(plats.getDomAttribute("aria-describedby")).contains("plats-teckenfel");
    chromium.webblasare().granskaTillganglighet();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from beredningsmote_schema where insats_kod = ?",
                Integer.class,
                kod))
        .as("inget sparat")
        .isZero();

    // Corrected, the same form is sent and saved, and the message is gone.
    skriv(plats, "Rum 4");
    webblasare.findElement(By.id("spara-beredningsmote")).click();
    vanta.until(ExpectedConditions.urlContains("#beredningsmote"));
    assertThat(webblasare.findElement(By.cssSelector("main .ok[role=status]")).getText())
        .isEqualTo("Beredningsgruppens mötesdagar är sparade.");
    assertThat(webblasare.findElements(By.className("teckenfel"))).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select plats from beredningsmote_schema where insats_kod = ?", String.class, kod))
        .isEqualTo("Rum 4");
  }

  @Test
  void ettSvarSomIngenProcessVantarPaLangreSagsOchSidanStannar() throws IOException {
    String arendeId = aktualisera();
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    long id = samtycke.path("id").asLong();
    // The whole answer as a draft, which the page restores.
    assertThat(
            api.anrop(
                    "anna",
                    "PUT",
                    "/api/uppgifter/" + id + "/utkast",
                    ArendeSteg.samtyckeJa(List.of("FK", "AF"), false))
                .status())
        .isEqualTo(200);
    // The engine no longer has the task's job, as after it lost its state.
    camunda
        .newCancelInstanceCommand(
            jdbc.queryForObject(
                "select process_instans_nyckel from uppgift where id = ?", Long.class, id))
        .send()
        .join();

    loggaIn("anna");
    oppna("/uppgifter/" + id);
    vantaPaFormular();
    vanta.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("utkaststatus"), "återställt"));
    webblasare.findElement(By.id("slutfor")).click();

    WebElement status =
        vanta.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#status")));
    vanta.until(ExpectedConditions.textToBePresentInElement(status, "väntade inte längre"));
    assertThat(status.getText())
        .startsWith("Svaret är sparat, men processmotorn väntade inte längre på uppgiften")
        .endsWith("Till uppgiftslistan");
    assertThat(status.getDomAttribute("class")).isEqualTo("textvarning");
    assertThat(status.findElement(By.linkText("Till uppgiftslistan")).getDomAttribute("href"))
        .isEqualTo("/uppgifter");
    // The page stays, so that the warning can be read; the usual confirmation moves on.
    chromium.webblasare().granskaTillganglighet();
    try {
      Thread.sleep(2500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(webblasare.getCurrentUrl()).endsWith("/uppgifter/" + id);
    assertThat(webblasare.findElements(By.id("slutfor"))).isEmpty();
    assertThat(jdbc.queryForObject("select status from uppgift where id = ?", String.class, id))
        .isEqualTo("SLUTFORD");
  }

  // --- steps ---

  /** A new case's bered-arende task, the group's, after anna has got its consent. */
  private JsonNode beredningsuppgift() {
    String arendeId = aktualisera();
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    assertThat(
            api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), false))
                .status())
        .isEqualTo(200);
    return api.vantaPaUppgift("bengt", "grupp", arendeId, "bered-arende");
  }

  private String aktualisera() {
    return api.aktualisera(
        "anna",
        Map.of(
            "personnummer", "19121212-1212",
            "insats", "flerpartssamverkan",
            "skal", "Lång sjukskrivning, behöver stöd från flera parter",
            "behov", List.of("FK", "AF")));
  }

  private void loggaIn(String anvandare) {
    chromium.webblasare().loggaIn(port, anvandare);
  }

  private void oppna(String sokvag) {
    webblasare.navigate().to("http://localhost:" + port + sokvag);
  }

  private void vantaPaFormular() {
    vanta.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#formular .fjs-container")));
    vanta.until(ExpectedConditions.elementToBeClickable(By.id("slutfor")));
  }

  /** The messages shown under the meeting's date and time, as the user sees them. */
  private List<String> synligaFelVidMotesTid() {
    return webblasare
        .findElements(By.cssSelector("#formular .fjs-form-field-datetime .fjs-form-field-error"))
        .stream()
        .filter(WebElement::isDisplayed)
        .map(WebElement::getText)
        .toList();
  }

  /** A form-js input by its component id in forms/*.form ("fjs-form-<random>-Field_x"). */
  private WebElement falt(String tagg, String komponentId) {
    return vanta.until(
        ExpectedConditions.elementToBeClickable(
            By.cssSelector("#formular " + tagg + "[id$='-" + komponentId + "']")));
  }

  /**
   * Puts the text in the field as pasting does (a control character cannot be typed), through the
   * element's own value setter so that form-js sees the change, and leaves the field, which makes
   * form-js take the value at once rather than after its pause for typing.
   */
  private void klistraIn(WebElement falt, String text) {
    ((JavascriptExecutor) webblasare)
        .executeScript(
            "const f = arguments[0];"
                + " f.focus();"
                + " Object.getOwnPropertyDescriptor(Object.getPrototypeOf(f), 'value')"
                + ".set.call(f, arguments[1]);"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                + " f.blur();",
            falt,
            text);
  }

  /** Replaces the field's text and leaves it with Tab, as a user does. */
  private void skriv(WebElement falt, String text) {
    if (!falt.equals(webblasare.switchTo().activeElement())) {
      falt.click();
    }
    falt.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    falt.sendKeys(text);
    falt.sendKeys(Keys.TAB);
  }

  /** The draft as its owner reads it back (it is encrypted in the table), once it holds the key. */
  private JsonNode vantaPaUtkast(long uppgiftId, String anvandare, String nyckel) {
    String sokvag = "/api/uppgifter/" + uppgiftId + "/utkast";
    return vanta.until(
        d -> {
          var svar = api.get(anvandare, sokvag);
          return svar.status() == 200 && svar.kropp().has(nyckel) ? svar.kropp() : null;
        });
  }

  private static String manadsnamn(LocalDate dag) {
    return dag.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.forLanguageTag("sv"));
  }

  /** The browser's today (the form refuses days before it). */
  private static LocalDate idag() {
    return LocalDate.now(NEW_YORK);
  }

  /** The example day a message gives ("till exempel ÅÅÅÅ-MM-DD."). */
  private static LocalDate exempel(String meddelande) {
    Matcher m = Pattern.compile("till exempel (\\d{4}-\\d{2}-\\d{2})\\.").matcher(meddelande);
    assertThat(m.find()).as(meddelande).isTrue();
    return LocalDate.parse(m.group(1));
  }
}
