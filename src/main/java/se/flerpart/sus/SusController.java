package se.flerpart.sus;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/**
 * The deltagaransvarig's SUS page: the registrations of a period (this month unless another is
 * chosen) with personnummer, each read audited as the export's, and the same period as CSV or Excel
 * through the API.
 */
@Controller
class SusController {

  private final SusService sus;
  private final Clock klocka;

  SusController(SusService sus, Clock klocka) {
    this.sus = sus;
    this.klocka = klocka;
  }

  @GetMapping("/sus")
  String sida(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      HttpServletResponse response) {
    if (!in.anvandare().harRoll(SusService.DELTAGARANSVARIG)) {
      throw new AtkomstNekad("Bara deltagaransvarig ser SUS-sidan.");
    }
    LocalDate idag = LocalDate.now(klocka);
    String franText = fran == null ? idag.withDayOfMonth(1).toString() : fran.strip();
    String tillText = till == null ? idag.toString() : till.strip();
    model.addAttribute("fran", franText);
    model.addAttribute("till", tillText);
    model.addAttribute("kolumner", SusApiController.KOLUMNER);
    Map<String, String> fel = new LinkedHashMap<>();
    LocalDate franDatum = datum("fran", franText, fel);
    LocalDate tillDatum = datum("till", tillText, fel);
    if (fel.isEmpty()) {
      try {
        List<SusRegistrering> rader = sus.registreringar(franDatum, tillDatum, in.anvandare());
        model.addAttribute("rader", rader.stream().map(SusApiController::varden).toList());
      } catch (ValideringsFel e) {
        fel.putAll(e.fel());
      }
    }
    if (!fel.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("fel", fel);
      model.addAttribute("rader", List.of());
    }
    return "sus/registreringar";
  }

  private static LocalDate datum(String falt, String text, Map<String, String> fel) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      fel.put(falt, "Ange datum som ÅÅÅÅ-MM-DD");
      return null;
    }
  }
}
