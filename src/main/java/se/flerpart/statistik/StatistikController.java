package se.flerpart.statistik;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

/**
 * The Statistik page: the processledare (and the administrator) choose a period and an insats and
 * see every table, with a chart drawn from it, its checks, the definition and its footnotes; they
 * download the same as PDF or Excel and find the approved uppföljningsrapporter. No personal data.
 */
@Controller
class StatistikController {

  static final Map<String, String> ETIKETTER =
      Map.of("fran", "Från och med", "till", "Till och med", "insats", "Insats");

  /** A quick choice of period: a quarter, the year so far, last year. */
  record Snabbval(String namn, String lank, boolean vald) {}

  private final Statistikrapporter rapporter;
  private final Rapporturval urval;
  private final InsatsRepository insatser;
  private final Uppfoljningsrapporter uppfoljningsrapporter;

  StatistikController(
      Statistikrapporter rapporter,
      Rapporturval urval,
      InsatsRepository insatser,
      Uppfoljningsrapporter uppfoljningsrapporter) {
    this.rapporter = rapporter;
    this.urval = urval;
    this.insatser = insatser;
    this.uppfoljningsrapporter = uppfoljningsrapporter;
  }

  @GetMapping("/statistik")
  String sida(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @RequestParam(required = false) String insats,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    Rapporturval.kravLasare(in.anvandare());
    Map<String, String> namn = insatser.namn();
    model.addAttribute("insatser", insatser.aktiva());
    model.addAttribute("etiketter", ETIKETTER);
    model.addAttribute("uppfoljningsrapporter", uppfoljningsrapporter.lista());
    try {
      Rapportfraga fraga = urval.tolka(fran, till, insats);
      String insatsNamn = fraga.insats() == null ? null : namn.get(fraga.insats());
      Rapportdel del =
          new Rapportdel(
              insatsNamn == null ? "Hela förbundet" : insatsNamn,
              fraga.fran(),
              fraga.till(),
              fraga.insats(),
              insatsNamn,
              rapporter.alla(fraga));
      model.addAttribute("fran", fraga.fran().toString());
      model.addAttribute("till", fraga.till().toString());
      model.addAttribute("insats", fraga.insats());
      model.addAttribute("del", Rapportvy.del(del, Map.of()));
      model.addAttribute("snabbval", snabbval(fraga, urval.idag()));
      model.addAttribute("pdfLank", export("pdf", fraga));
      model.addAttribute("xlsxLank", export("xlsx", fraga));
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
      model.addAttribute("fran", fran);
      model.addAttribute("till", till);
      model.addAttribute("insats", insats);
      model.addAttribute("snabbval", snabbval(null, urval.idag()));
    }
    return "statistik/sida";
  }

  /** The processledare asks for the quarter's uppföljningsrapport now, from the page. */
  @PostMapping("/statistik/uppfoljningsrapport")
  String begar(@AuthenticationPrincipal Inloggning in, RedirectAttributes svar) {
    uppfoljningsrapporter.begar(in.anvandare(), null, null);
    svar.addFlashAttribute(
        "meddelande",
        "Uppföljningsrapporten för senaste kvartalet sammanställs. Granska den under Mina"
            + " uppgifter.");
    return "redirect:/statistik";
  }

  private static String export(String format, Rapportfraga fraga) {
    return UriComponentsBuilder.fromPath("/api/rapporter")
        .queryParam("format", format)
        .queryParam("fran", fraga.fran())
        .queryParam("till", fraga.till())
        .queryParamIfPresent("insats", java.util.Optional.ofNullable(fraga.insats()))
        .build()
        .toUriString();
  }

  /** This year so far, its quarters that have begun, and last year. */
  static List<Snabbval> snabbval(Rapportfraga fraga, LocalDate idag) {
    Map<String, LocalDate[]> val = new LinkedHashMap<>();
    LocalDate arsstart = idag.withDayOfYear(1);
    val.put("Året hittills", new LocalDate[] {arsstart, idag});
    for (int k = 0; k < 4; k++) {
      LocalDate start = arsstart.plusMonths(3L * k);
      if (start.isAfter(idag)) {
        break;
      }
      val.put(
          "Kvartal " + (k + 1) + " " + idag.getYear(),
          new LocalDate[] {start, start.plusMonths(3).minusDays(1)});
    }
    val.put(
        "Hela " + (idag.getYear() - 1),
        new LocalDate[] {arsstart.minusYears(1), arsstart.minusDays(1)});
    List<Snabbval> lista = new ArrayList<>();
    val.forEach(
        (namn, period) -> {
          UriComponentsBuilder lank =
              UriComponentsBuilder.fromPath("/statistik")
                  .queryParam("fran", period[0])
                  .queryParam("till", period[1]);
          if (fraga != null && fraga.insats() != null) {
            lank.queryParam("insats", fraga.insats());
          }
          boolean vald =
              fraga != null && fraga.fran().equals(period[0]) && fraga.till().equals(period[1]);
          lista.add(new Snabbval(namn, lank.build().toUriString(), vald));
        });
    return lista;
  }
}
