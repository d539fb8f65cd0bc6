package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.flerpart.ApiKlient.mailTill;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;

/**
 * Flerpart on a tablet and for everyone: every page the users walk through passes axe-core's WCAG
 * 2.1 A/AA rules; at 768×1024 every checkbox, radio button and button is at least 24×24 px, the
 * header stays on one row (at 1024 px too) and form-js labels use the app's typeface; and the task
 * list sorts, filters, searches by case number and by the person's name, and lets a user take a
 * group's task from the row.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SurfplattaWebblasareTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
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
  void varjeSidaKlararWcagOchFungerarPaEnSurfplatta() {
    String kallat = kallat();
    String svarslank = svarslank(kallat);
    String nytt = aktualisera("anna", "Ingrid Tillgänglig", List.of("FK", "AF"));
    long samtycke =
        api.vantaPaUppgift("anna", "mina", nytt, "inhamta-samtycke").path("id").asLong();
    String avvikelse = avvikelseMedLangLank();

    chromium.webblasare().storlek(768, 1024);
    oppna("/login");
    granska();
    loggaIn("anna");
    granska();
    for (String sida :
        List.of(
            "/arenden",
            "/arenden/ny",
            "/arenden/" + nytt,
            "/arenden/" + kallat,
            "/avvikelser",
            "/avvikelser/ny",
            "/moten",
            "/avvikelser/" + avvikelse)) {
      oppna(sida);
      granska();
    }

    // The task form: form-js's own checkboxes, radio buttons and labels.
    oppna("/uppgifter/" + samtycke);
    vanta.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#formular .fjs-container")));
    vanta.until(ExpectedConditions.elementToBeClickable(By.id("slutfor")));
    granska();
    String appensTypsnitt = typsnitt("main h1");
    assertThat(typsnitt("#formular .fjs-form-field-label"))
        .as("form-js etiketter i appens typsnitt")
        .isEqualTo(appensTypsnitt);
    assertThat(
            typsnitt(
                "#formular .fjs-input, #formular .fjs-textarea, #formular .fjs-form-field-label"))
        .isEqualTo(appensTypsnitt);

    // The case's meeting section, the person's own meeting.
    oppna("/arenden/" + kallat);
    assertThat(webblasare.findElements(By.cssSelector(".motesektion"))).isNotEmpty();

    loggaUt();
    granska();
    webblasare.navigate().to(url(svarslank));
    assertThat(text(By.tagName("h1"))).isEqualTo("Kallelse till flerpartsmöte");
    granska();

    loggaIn("admin");
    granska();
    for (String sida :
        List.of(
            "/admin",
            "/admin/insatser",
            "/admin/insatser/ny",
            "/admin/insatser/flerpartssamverkan",
            "/admin/anvandare",
            "/admin/anvandare/ny",
            "/admin/anvandare/anna",
            "/admin/parter",
            "/admin/avvikelsetyper",
            "/admin/kategorier",
            "/admin/logg",
            "/dev/mail")) {
      oppna(sida);
      granska();
    }
    // The administrator has the longest menu: its links on one row, the name whole and everything
    // inside the window at every width from the tablet's upright to a laptop's (the menu's sizes
    // change at 980 and 1100 px; the name needs a row of its own below 1400 px).
    for (int bredd : List.of(800, 880, 960, 980, 1024, 1100, 1280, 1366)) {
      chromium.webblasare().storlek(bredd, 768);
      oppna("/admin");
      sidhuvudetPaEnRad();
      inteISidled();
    }
    chromium.webblasare().storlek(768, 1024);

    loggaUt();
    loggaIn("lena");
    oppna("/loggkontroll");
    granska();
    // The search and the export side by side: a secondary button (with a border) is as high as a
    // primary one (without).
    assertThat(webblasare.findElement(By.id("exportera")).getRect().getHeight())
        .as("Exportera till Excel bredvid Sök")
        .isEqualTo(webblasare.findElement(By.id("sok")).getRect().getHeight());

    // The SUS sheet: its columns as in SUS' form, a wide table that scrolls sideways, each value
    // on one line (a date or a case number broke at its hyphen).
    loggaUt();
    loggaIn("sara");
    oppna("/sus?fran=2000-01-01&till=2999-12-31");
    granska();
    assertThat(webblasare.findElements(By.cssSelector("#registreringar tbody td"))).isNotEmpty();
    assertThat(
            (Long)
                js(
                    "let flest = 0; for (const td of document.querySelectorAll('#registreringar"
                        + " tbody td')) { const r = document.createRange(); r.selectNodeContents(td);"
                        + " flest = Math.max(flest, r.getClientRects().length); } return flest;"))
        .as("rader i registreringarnas celler")
        .isEqualTo(1L);
    loggaUt();
    loggaIn("lena");
    oppna("/loggkontroll");

    // The check does see a fault: a field without a label and pale text fail it.
    js(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text"
            + " id=utan-etikett><p style=\"color:#ccc\">Blek text</p>')");
    assertThatThrownBy(chromium.webblasare()::granskaTillganglighet)
        .hasMessageContaining("/loggkontroll")
        .hasMessageContaining("label")
        .hasMessageContaining("#utan-etikett")
        .hasMessageContaining("color-contrast");
  }

  /**
   * On a phone (320 px, WCAG's width for reflow) no page scrolls sideways: a wide table scrolls in
   * its own frame (the visually hidden text of a header cell included), a long choice in a list is
   * cut to fit, a long word breaks, and the facts of a case and of a meeting stand each value under
   * its term with the page's width for it.
   */
  @Test
  void ingenSidaGarUtanforEnTelefon() {
    String kallat = kallat();
    String svarslank = svarslank(kallat);
    String beredd = aktualisera("anna", "Ingrid Telefon", List.of("FK", "AF"));
    samtycke(beredd);
    beredJa(beredd, "anna");
    long kallelse =
        api.vantaPaUppgift("anna", "mina", beredd, "forbered-kallelse").path("id").asLong();
    String avvikelse = avvikelseMedLangLank();
    // A colleague with a long name: the task's "Tilldela" list is as wide as its longest name.
    assertThat(
            api.post(
                    "admin",
                    "/api/admin/anvandare",
                    Map.of(
                        "id", "telefon-" + UUID.randomUUID().toString().substring(0, 8),
                        "namn", "Margareta Johansson-Lindqvist Wallenberg",
                        "epost", "margareta.johansson-lindqvist@fk.example",
                        "part", "FK",
                        "roller", List.of("HANDLAGGARE")))
                .status())
        .isEqualTo(201);
    // A follow-up report, so that the statistics page shows its list of reports.
    assertThat(api.post("petra", "/api/rapporter/uppfoljningsrapport", null).status())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("petra", "/api/rapporter/uppfoljningsrapporter").kropp().size() > 0);

    chromium.webblasare().storlek(320, 640);
    loggaIn("anna");
    for (String sida :
        List.of(
            "/uppgifter",
            "/arenden",
            "/arenden/ny",
            "/avvikelser",
            "/avvikelser/ny",
            "/avvikelser/" + avvikelse,
            "/moten",
            "/arenden/" + kallat)) {
      oppnaPaTelefon(sida);
    }
    assertThat(webblasare.findElements(By.cssSelector("#mote .tabellram .visuellt-dold")))
        .isNotEmpty();
    // A table frame that scrolls is in the tab order, named by its caption; where its table fits
    // (a wide window), it is taken out again.
    String ramar =
        """
        return Array.from(document.querySelectorAll('.arendevag-process .tabellram')).map(r =>
            (r.getAttribute('tabindex') || '-') + ' ' + (r.getAttribute('aria-label') || '-')
            + (r.scrollWidth > r.clientWidth + 1 ? ' rullar' : ' ryms'));
        """;
    assertThat((List<?>) js(ramar))
        .as("Ärendets vägs ramar i en telefon")
        .isNotEmpty()
        .allSatisfy(r -> assertThat((String) r).matches("0 Ärendets väg: .+ rullar"));
    chromium.webblasare().storlek(1280, 900);
    vanta.until(d -> ((List<?>) js(ramar)).stream().allMatch(r -> ((String) r).equals("- - ryms")));
    chromium.webblasare().storlek(320, 640);
    @SuppressWarnings("unchecked")
    List<String> vanstra =
        (List<String>)
            js(
                """
                return Array.from(document.querySelectorAll('main .fakta dt')).map(dt =>
                    dt.textContent.trim() + ' '
                    + (dt.nextElementSibling.getBoundingClientRect().left
                        - dt.getBoundingClientRect().left));
                """);
    assertThat(vanstra)
        .as("fakta om ärendet och mötet: värdet under termen (term och avstånd)")
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).endsWith(" 0"));
    // The lists: a card a row inside the window, each value under the first after its column's
    // name; the task list's column headings a row of links that sort it.
    kortITelefon("/uppgifter?vy=mina");
    assertThat(
            js(
                "return Array.from(document.querySelectorAll('#uppgiftslista thead a.sortera'))"
                    + ".filter(a => a.getBoundingClientRect().width > 0).length"))
        .as("sorteringslänkar")
        .isEqualTo(7L);
    kortITelefon("/arenden");
    kortITelefon("/avvikelser");
    kortITelefon("/moten");
    // The kallelse form: the invitee list's rows with their ×, labels, date, time and calendar.
    oppna("/uppgifter/" + kallelse);
    vanta.until(ExpectedConditions.elementToBeClickable(By.id("slutfor")));
    inteISidled();
    ingetOrdBrutet();
    @SuppressWarnings("unchecked")
    Map<String, Object> formularet =
        (Map<String, Object>)
            js(
                """
                const lista = document.querySelector('#formular .fjs-form-field-dynamiclist');
                const ram = lista.getBoundingClientRect();
                const matt = document.createElement('canvas').getContext('2d');
                const ryms = i => {
                  const s = getComputedStyle(i);
                  matt.font = s.font;
                  return matt.measureText(i.placeholder).width
                      <= i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
                };
                return {
                  kryssUtanfor: Array.from(lista.querySelectorAll('.fjs-repeat-row-remove'))
                      .filter(k => k.getBoundingClientRect().right > ram.right).length,
                  kapadeEtiketter: Array.from(
                          document.querySelectorAll('#formular .fjs-form-field-label'))
                      .filter(e => e.scrollWidth > e.clientWidth + 1)
                      .map(e => e.textContent.trim()),
                  datumOchTid: Array.from(document.querySelectorAll(
                          '#formular .fjs-form-field-datetime input[placeholder]'))
                      .map(i => i.placeholder + (ryms(i) ? ' ryms' : ' kapas'))
                };
                """);
    assertThat(formularet.get("kryssUtanfor")).as("× utanför deltagarlistan").isEqualTo(0L);
    assertThat(formularet.get("kapadeEtiketter")).as("kapade etiketter").asList().isEmpty();
    assertThat(formularet.get("datumOchTid"))
        .as("datum och klockslag")
        .asList()
        .isNotEmpty()
        .allSatisfy(f -> assertThat((String) f).endsWith(" ryms"));
    WebElement datum =
        webblasare.findElement(
            By.cssSelector("#formular .fjs-form-field-datetime input[placeholder^='ÅÅÅÅ']"));
    js("arguments[0].scrollIntoView({block: 'center'})", datum);
    datum.click();
    WebElement kalender =
        vanta.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));
    assertThat(
            ((Number)
                    js(
                        "return arguments[0].getBoundingClientRect().right"
                            + " - document.documentElement.clientWidth",
                        kalender))
                .doubleValue())
        .as("kalenderns högerkant mot fönstrets")
        .isLessThanOrEqualTo(0);
    inteISidled();

    loggaUt();
    oppnaPaTelefon(svarslank);

    loggaIn("admin");
    for (String sida :
        List.of(
            "/admin",
            "/admin/insatser",
            "/admin/insatser/flerpartssamverkan",
            "/admin/anvandare",
            "/admin/anvandare/anna",
            "/admin/parter",
            "/admin/avvikelsetyper",
            "/admin/kategorier",
            "/admin/logg")) {
      oppnaPaTelefon(sida);
    }
    loggaUt();
    loggaIn("lena");
    oppnaPaTelefon("/loggkontroll");
    loggaUt();
    loggaIn("petra");
    oppnaPaTelefon("/statistik");
    oppnaPaTelefon("/statistik/import");
    oppnaPaTelefon("/oversikt");
    loggaUt();
    loggaIn("sara");
    oppnaPaTelefon("/sus");
    loggaUt();
    loggaIn("bengt");
    oppnaPaTelefon("/beredningsmote");
    oppnaPaTelefon("/beredningsmote/flerpartssamverkan");
  }

  /**
   * On {@code sida}, each list (a table of class {@code kort}) is a card a row: it does not scroll
   * sideways in its frame, the first row's cells stand under each other, and each value but the
   * first follows its column's name (the same as the column's heading).
   */
  private void kortITelefon(String sida) {
    oppna(sida);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listor =
        (List<Map<String, Object>>)
            js(
                """
                return Array.from(document.querySelectorAll('main table.kort')).map(t => {
                  const ram = t.closest('.tabellram');
                  const celler = Array.from(t.querySelectorAll('tbody tr:first-child td'))
                      .filter(td => td.getBoundingClientRect().height > 0);
                  return {
                    iSidled: ram.scrollWidth - ram.clientWidth,
                    vanster: new Set(
                        celler.map(td => Math.round(td.getBoundingClientRect().left))).size,
                    etiketter: celler.filter(td => td.dataset.etikett)
                        .map(td => td.dataset.etikett + ' '
                            + getComputedStyle(td, '::before').fontWeight),
                    // each cell's name, and its column's heading
                    annanRubrik: Array.from(t.querySelectorAll('tbody td[data-etikett]'))
                        .map(td => [td.dataset.etikett,
                            t.tHead.rows[0].cells[td.cellIndex].textContent.trim()])
                        .filter(([namn, rubrik]) => namn !== rubrik)
                        .map(([namn, rubrik]) => namn + ' under ' + rubrik)
                  };
                });
                """);
    assertThat(listor).as("listor på %s", sida).isNotEmpty();
    for (Map<String, Object> lista : listor) {
      assertThat(lista.get("iSidled")).as("%s rullar i sidled", sida).isEqualTo(0L);
      assertThat(lista.get("vanster")).as("%s: cellerna under varandra", sida).isEqualTo(1L);
      assertThat(lista.get("etiketter"))
          .as("%s: kolumnens namn framför värdet", sida)
          .asList()
          .isNotEmpty()
          .allSatisfy(e -> assertThat((String) e).endsWith(" 600"));
      assertThat(lista.get("annanRubrik"))
          .as("%s: cellens namn är dess kolumnrubrik", sida)
          .asList()
          .isEmpty();
    }
  }

  private void oppnaPaTelefon(String sida) {
    oppna(sida);
    inteEnFelsida();
    inteISidled();
    ingetOrdBrutet();
    rubrikerIRamen();
    chromium.webblasare().granskaTillganglighet();
  }

  /**
   * The caption of a table that scrolls in its frame wraps within the frame, where it can be read
   * whole, rather than run on past the frame's edge with the table.
   */
  private void rubrikerIRamen() {
    @SuppressWarnings("unchecked")
    List<String> utanfor =
        (List<String>)
            js(
                """
                return Array.from(document.querySelectorAll('.tabellram caption'))
                    .filter(c => !c.classList.contains('visuellt-dold')
                        && c.getBoundingClientRect().right
                            > c.closest('.tabellram').getBoundingClientRect().right + 1)
                    .map(c => c.textContent.trim());
                """);
    assertThat(utanfor)
        .as("tabellrubriker utanför ramen på %s", webblasare.getCurrentUrl())
        .isEmpty();
  }

  /**
   * No word of a heading (a table's caption included) is broken between two lines, and no case
   * number or date the page shows is broken at its hyphen: each is named with the element it stands
   * in. Raw data and what a person wrote (the values a log entry changed, a free text) break where
   * they must.
   */
  private void ingetOrdBrutet() {
    @SuppressWarnings("unchecked")
    List<String> brutna =
        (List<String>)
            js(
                """
                const brutna = [];
                const varde = /(?:AVV-)?\\d{4}-\\d{2}-\\d{2}|(?:AVV-)?\\d{4}-\\d{4}/g;
                const vandrare = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let nod = vandrare.nextNode(); nod; nod = vandrare.nextNode()) {
                  const e = nod.parentElement;
                  if (!e || e.closest('.visuellt-dold, script, style') || !e.getClientRects().length) {
                    continue;
                  }
                  const rubrik = e.closest('h1, h2, h3, h4, caption');
                  if (!rubrik && e.closest('pre, code, del, ins, .fritext')) {
                    continue;
                  }
                  const monster = rubrik ? /\\S+/g : varde;
                  for (const m of nod.data.matchAll(monster)) {
                    const r = document.createRange();
                    r.setStart(nod, m.index);
                    r.setEnd(nod, m.index + m[0].length);
                    const rader = new Set(Array.from(r.getClientRects())
                        .filter(x => x.width > 0).map(x => Math.round(x.bottom)));
                    if (rader.size > 1) {
                      brutna.push((rubrik || e).tagName.toLowerCase() + ' ' + m[0]);
                    }
                  }
                }
                return brutna;
                """);
    assertThat(brutna).as("brutna ord på %s", webblasare.getCurrentUrl()).isEmpty();
  }

  @Test
  void uppgiftslistanSorterasFiltrerasSoksOchUppgiftenTasFranRaden() {
    String namn = "Gunnel Sökbarsson";
    String forsta = aktualisera("anna", namn, List.of("FK", "AF"));
    String andra = aktualisera("anna", "Harald Annansson", List.of("FK", "AF"));
    String egen = aktualisera("anna", "Olle Egensson", List.of("FK", "AF"));
    for (String id : List.of(forsta, andra, egen)) {
      samtycke(id);
    }
    // Bengt decides the third himself and becomes its ärendebärare: a task of another type.
    beredJa(egen, "bengt");
    long kallelse =
        api.vantaPaUppgift("bengt", "mina", egen, "forbered-kallelse").path("id").asLong();
    api.vantaPaUppgift("bengt", "grupp", forsta, "bered-arende");
    api.vantaPaUppgift("bengt", "grupp", andra, "bered-arende");
    String nr1 = api.arende("anna", forsta).path("arendenummer").asText();
    String nr2 = api.arende("anna", andra).path("arendenummer").asText();
    String nr3 = api.arende("anna", egen).path("arendenummer").asText();

    loggaIn("bengt");
    oppna("/uppgifter?vy=alla");
    granska();
    assertThat(arendenummer()).contains(nr1, nr2, nr3);

    // Sorting by case number: ascending, then descending, announced with aria-sort.
    klicka(By.cssSelector("th[data-kolumn=arende] a"));
    vanta.until(ExpectedConditions.urlContains("sortering=arende"));
    assertThat(
            webblasare
                .findElement(By.cssSelector("th[data-kolumn=arende]"))
                .getDomAttribute("aria-sort"))
        .isEqualTo("ascending");
    List<String> stigande = arendenummer();
    assertThat(stigande).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(stigande.indexOf(nr1)).isLessThan(stigande.indexOf(nr2));
    klicka(By.cssSelector("th[data-kolumn=arende] a"));
    vanta.until(ExpectedConditions.urlContains("sortering=-arende"));
    assertThat(
            webblasare
                .findElement(By.cssSelector("th[data-kolumn=arende]"))
                .getDomAttribute("aria-sort"))
        .isEqualTo("descending");
    List<String> fallande = arendenummer();
    assertThat(fallande).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(fallande.indexOf(nr2)).isLessThan(fallande.indexOf(nr1));
    assertThat(
            webblasare
                .findElement(By.cssSelector("th[data-kolumn=uppgift]"))
                .getDomAttribute("aria-sort"))
        .isNull();

    // Filtering by task type.
    new Select(webblasare.findElement(By.id("filter-typ"))).selectByValue("bered-arende");
    skickaFilter();
    assertThat(radernasTyper()).containsOnly("bered-arende");
    assertThat(arendenummer()).contains(nr1, nr2).doesNotContain(nr3);
    new Select(webblasare.findElement(By.id("filter-typ"))).selectByValue("forbered-kallelse");
    skickaFilter();
    assertThat(radernasTyper()).containsOnly("forbered-kallelse");
    assertThat(arendenummer()).contains(nr3).doesNotContain(nr1, nr2);
    new Select(webblasare.findElement(By.id("filter-typ"))).selectByValue("");

    // Searching by case number, then by the person's name.
    sok(nr2);
    assertThat(arendenummer()).containsExactly(nr2);
    sok("Sökbarsson");
    assertThat(arendenummer()).containsExactly(nr1);
    assertThat(text(By.cssSelector("#uppgiftslista td.arendenummer .individ"))).isEqualTo(namn);
    granska();

    // Taking the group's task from its row, at tablet width.
    chromium.webblasare().storlek(768, 1024);
    oppna("/uppgifter?vy=grupp");
    granska();
    assertThat(webblasare.findElements(By.cssSelector("#uppgiftslista .hel")))
        .hasSizeGreaterThan(2);
    sok(nr2);
    WebElement rad = webblasare.findElement(By.cssSelector("#uppgiftslista tbody tr"));
    assertThat(rad.findElement(By.cssSelector("td.tilldelad")).getText()).isEqualTo("Ingen");
    skicka(rad.findElement(By.cssSelector("button.ta-uppgiften")));
    assertThat(text(By.cssSelector("main .ok[role=status]"))).isNotBlank();
    WebElement tagen =
        webblasare.findElement(
            By.xpath(
                "//table[@id='uppgiftslista']//tr[td[contains(@class,'arendenummer')]"
                    + "[starts-with(normalize-space(), '"
                    + nr2
                    + "')]]"));
    assertThat(tagen.findElement(By.cssSelector("td.tilldelad")).getText()).isEqualTo("Bengt Ek");
    assertThat(tagen.findElements(By.cssSelector("button.ta-uppgiften"))).isEmpty();
    assertThat(
            jdbc.queryForList(
                "select tilldelad from uppgift where element_id = 'bered-arende'"
                    + " and arende_id = ?::uuid",
                String.class,
                andra))
        .containsExactly("bengt");
    granska();

    // The kallelse form at tablet width: form-js's "Lägg till" and × of the invitee list too.
    oppna("/uppgifter/" + kallelse);
    vanta.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#formular .fjs-container")));
    vanta.until(ExpectedConditions.elementToBeClickable(By.id("slutfor")));
    assertThat(
            webblasare.findElements(
                By.cssSelector(
                    "#formular .fjs-repeat-render-footer button,"
                        + " #formular .fjs-repeat-row-remove")))
        .isNotEmpty();
    granska();
  }

  // --- checks ---

  /** axe-core, and at tablet width the target sizes and the one-row header. */
  private void granska() {
    inteEnFelsida();
    chromium.webblasare().granskaTillganglighet();
    if (((Number) js("return window.innerWidth")).intValue() <= 800) {
      malytor();
      sidhuvudetPaEnRad();
      inteISidled();
      helaVarden();
    }
  }

  /** The page asked for is shown, not the error page or the not-found page in its place. */
  private void inteEnFelsida() {
    assertThat(webblasare.getTitle())
        .as("sidan %s", webblasare.getCurrentUrl())
        .doesNotStartWith("Något gick fel")
        .doesNotContain("hittades inte");
  }

  /** A date, a case number or a time in a narrow column is not broken at its hyphen or space. */
  private void helaVarden() {
    @SuppressWarnings("unchecked")
    List<String> brutna =
        (List<String>)
            js(
                """
                return Array.from(document.querySelectorAll('.hel'))
                    .filter(e => e.getClientRects().length > 1)
                    .map(e => e.textContent);
                """);
    assertThat(brutna).as("brutna värden på %s", webblasare.getCurrentUrl()).isEmpty();
  }

  /**
   * The page does not scroll sideways: the menu fits the window and a wide table scrolls in a
   * region of its own. Names what sticks out where it does.
   */
  private void inteISidled() {
    String utanfor =
        (String)
            js(
                """
                const de = document.documentElement;
                if (de.scrollWidth <= de.clientWidth) return '';
                const ut = e => e.getBoundingClientRect().right > de.clientWidth + 1;
                const iRam = e => {
                  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX !== 'visible') return true;
                  }
                  return false;
                };
                return Array.from(document.querySelectorAll('body *'))
                    .filter(e => ut(e) && !iRam(e) && !(e.parentElement && ut(e.parentElement)))
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className ? '.' + e.className : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right) + ' px')
                    .join(', ') || (de.scrollWidth + ' px');
                """);
    assertThat(utanfor)
        .as(
            "det som sticker ut i sidled på %s vid bredden %s",
            webblasare.getCurrentUrl(), js("return document.documentElement.clientWidth"))
        .isEmpty();
  }

  /** Every visible checkbox, radio button and button is at least 24×24 px. */
  private void malytor() {
    @SuppressWarnings("unchecked")
    List<String> for_sma =
        (List<String>)
            js(
                """
                const sma = [];
                for (const e of document.querySelectorAll(
                    'input[type=checkbox], input[type=radio], button, input[type=submit]')) {
                  const r = e.getBoundingClientRect();
                  const synlig = r.width > 0 && r.height > 0
                      && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden]');
                  if (synlig && (r.width < 23.5 || r.height < 23.5)) {
                    sma.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className)
                        + ' "' + (e.textContent || e.getAttribute('aria-label') || '').trim()
                        + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
                  }
                }
                return sma;
                """);
    assertThat(for_sma).as("för små mål på %s", webblasare.getCurrentUrl()).isEmpty();
  }

  /**
   * The menu's links stand on one row; the user's name and part stand whole (not cut to a letter or
   * two), on the row of Logga ut.
   */
  private void sidhuvudetPaEnRad() {
    @SuppressWarnings("unchecked")
    Map<String, Object> meny =
        (Map<String, Object>)
            js(
                """
                const nav = document.querySelector('header .meny');
                const mitt = e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
                const namn = nav.querySelector('.anvandare');
                const ut = nav.querySelector('form');
                const konto = nav.querySelector('.konto');
                return {
                  lankar: Array.from(nav.children)
                      .filter(e => e !== konto && e.getBoundingClientRect().width > 0)
                      .map(mitt),
                  namn: namn ? namn.textContent : '',
                  namnetsBredd: namn ? namn.clientWidth : 0,
                  namnetBehover: namn ? namn.scrollWidth : 0,
                  namnetsRad: namn ? mitt(namn) : 0,
                  loggaUtsRad: ut ? mitt(ut) : 0,
                  hojd: nav.getBoundingClientRect().height
                };
                """);
    String var =
        "på %s vid bredden %s"
            .formatted(webblasare.getCurrentUrl(), js("return window.innerWidth"));
    @SuppressWarnings("unchecked")
    List<Number> rader = (List<Number>) meny.get("lankar");
    double forsta = rader.getFirst().doubleValue();
    assertThat(rader)
        .as("sidhuvudets länkar " + var)
        .allSatisfy(mitt -> assertThat(Math.abs(mitt.doubleValue() - forsta)).isLessThan(4));
    if (!((String) meny.get("namn")).isEmpty()) {
      assertThat(((Number) meny.get("namnetBehover")).intValue())
          .as("hela namnet %s syns %s", meny.get("namn"), var)
          .isLessThanOrEqualTo(((Number) meny.get("namnetsBredd")).intValue() + 1);
      assertThat(
              Math.abs(
                  ((Number) meny.get("namnetsRad")).doubleValue()
                      - ((Number) meny.get("loggaUtsRad")).doubleValue()))
          .as("namnet på Logga ut:s rad " + var)
          .isLessThan(4);
    }
    assertThat(((Number) meny.get("hojd")).doubleValue()).as("menyns höjd " + var).isLessThan(100);
  }

  private String typsnitt(String css) {
    return (String)
        js("return getComputedStyle(document.querySelector(arguments[0])).fontFamily", css);
  }

  // --- steps ---

  private String aktualisera(String vem, String namn, List<String> behov) {
    return api.aktualisera(
        vem,
        Map.of(
            "personnummer", "19121212-1212",
            "namn", namn,
            "insats", "flerpartssamverkan",
            "skal", "Lång sjukskrivning, behöver stöd från flera parter",
            "behov", behov));
  }

  private void samtycke(String id) {
    samtycke(id, List.of("FK", "AF"));
  }

  private void samtycke(String id, List<String> parter) {
    assertThat(
            api.slutfor(
                    "anna",
                    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke"),
                    ArendeSteg.samtyckeJa(parter, false))
                .status())
        .isEqualTo(200);
  }

  /** An avvikelse whose description holds a long address without a space to break at. */
  private String avvikelseMedLangLank() {
    ApiKlient.Svar avvikelse =
        api.post(
            "anna",
            "/api/avvikelser",
            Map.of(
                "typ",
                "PART_AVBOJDE",
                "beskrivning",
                "Kallad part avböjde utan ersättare; mötet sköts upp. Rutinen:"
                    + " https://intranat.forbund.example/rutiner/kallelse_och_ersattare_nar_en_kallad_part"
                    + "_avbojer_utan_att_ange_ersattare_och_motet_maste_skjutas_upp.html",
                "berordPart",
                "AF"));
    assertThat(avvikelse.status()).isEqualTo(201);
    return avvikelse.kropp().path("id").asText();
  }

  /** Bengt's beredning group says Ja to the case, with the given ärendebärare. */
  private void beredJa(String id, String arendebarare) {
    assertThat(
            api.slutfor(
                    "bengt",
                    api.vantaPaUppgift("bengt", "grupp", id, "bered-arende"),
                    Map.of(
                        "beslut", "JA", "motivering", "Flera parter", "arendebarare", arendebarare))
                .status())
        .isEqualTo(200);
  }

  /** A case through beredning Ja with a kallelse sent to a part and the individual. */
  private String kallat() {
    String id = aktualisera("anna", "Sara Exempel", List.of("FK", "AF", "REGION"));
    samtycke(id, List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA"));
    beredJa(id, "anna");
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
                                    "namn", "Bengt Ek",
                                    "epost", "bengt@af.example",
                                    "part", "AF",
                                    "kravs", true),
                                Map.of(
                                    "namn", "David Holm",
                                    "epost", "david@region.example",
                                    "part", "REGION",
                                    "kravs", true),
                                Map.of(
                                    "namn", "Sara Exempel",
                                    "roll", "INDIVID",
                                    "saknarEpost", true))))
                .status())
        .isEqualTo(200);
    return id;
  }

  /** The answer link in Bengt's kallelse for the case. */
  private String svarslank(String arendeId) {
    String arendenummer = api.arende("anna", arendeId).path("arendenummer").asText();
    JsonNode mail = api.vantaPaMail(mailTill("bengt@af.example", "ärende " + arendenummer));
    Matcher m = MotesSteg.SVARSLANK.matcher(mail.path("text").asText());
    assertThat(m.find()).as("svarslänken i kallelsen").isTrue();
    return "/svar/" + m.group(1);
  }

  private void loggaUt() {
    klicka(By.xpath("//button[normalize-space()='Logga ut']"));
    vanta.until(ExpectedConditions.urlContains("/login"));
  }

  private void loggaIn(String anvandare) {
    chromium.webblasare().loggaIn(port, anvandare);
  }

  private void sok(String text) {
    WebElement falt = webblasare.findElement(By.id("sok"));
    falt.clear();
    falt.sendKeys(text);
    skickaFilter();
  }

  private void skickaFilter() {
    skicka(webblasare.findElement(By.id("filtrera")));
  }

  /** Clicks and waits for the next page. */
  private void skicka(WebElement knapp) {
    WebElement sida = webblasare.findElement(By.tagName("html"));
    String id = knapp.getDomAttribute("id");
    Object fore = lage(knapp);
    knapp.click();
    try {
      vanta.until(d -> borta(sida));
    } catch (org.openqa.selenium.TimeoutException e) {
      // Say what the click met, so that a page that never came can be told from a click that
      // landed beside the button (something moved it) or a server that did not answer.
      throw new AssertionError(
          "Ingen ny sida efter klicket på #%s: adress %s, knappen före klicket %s, nu %s, meddelandet om ändrad lista \"%s\""
              .formatted(
                  id,
                  webblasare.getCurrentUrl(),
                  fore,
                  borta(sida) ? "(sidan bytt just nu)" : lage(knapp),
                  js(
                      "const r = document.getElementById('listan-andrad');"
                          + " return r ? r.textContent : 'saknas';")),
          e);
    }
    vanta.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Whether the element has left the page. Chromium sometimes answers a question about a node of a
   * page that is gone with "does not belong to the document" instead of a stale reference.
   */
  private static boolean borta(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Where the element stands and what a click at its middle would hit. */
  private Object lage(WebElement element) {
    return js(
        """
        const r = arguments[0].getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        const e = document.elementFromPoint(x, y);
        return Math.round(x) + ',' + Math.round(y) + ' träffar '
            + (e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') : 'inget');
        """,
        element);
  }

  private List<String> arendenummer() {
    List<String> nummer = new ArrayList<>();
    for (WebElement cell :
        webblasare.findElements(
            By.cssSelector("#uppgiftslista td.arendenummer > span:first-child"))) {
      nummer.add(cell.getText().strip());
    }
    return nummer;
  }

  private List<String> radernasTyper() {
    return webblasare.findElements(By.cssSelector("#uppgiftslista tbody tr")).stream()
        .map(r -> r.getDomAttribute("data-element-id"))
        .toList();
  }

  private Object js(String skript, Object... argument) {
    return ((JavascriptExecutor) webblasare).executeScript(skript, argument);
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
}
