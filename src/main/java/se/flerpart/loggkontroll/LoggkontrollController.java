package se.flerpart.loggkontroll;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import se.flerpart.arende.ArendeService;
import se.flerpart.loggkontroll.Loggkontroll.Urval;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

/**
 * The loggkontroll page. The search is a form post, so that a personnummer never ends up in an
 * address, a browser history or an access log.
 */
@Controller
class LoggkontrollController {

  static final Map<String, String> ETIKETTER =
      Map.of(
          "personnummer", "Personnummer",
          "anvandare", "Användare",
          "fran", "Från och med",
          "till", "Till och med");

  private final Loggkontroll loggkontroll;
  private final AnvandareRepository anvandare;
  private final Clock klocka;

  LoggkontrollController(Loggkontroll loggkontroll, AnvandareRepository anvandare, Clock klocka) {
    this.loggkontroll = loggkontroll;
    this.anvandare = anvandare;
    this.klocka = klocka;
  }

  /** Everyone's reads of the last 30 days; the form starts empty. */
  @GetMapping("/loggkontroll")
  public String sida(@AuthenticationPrincipal Inloggning in, Model model) {
    Loggkontroll.kravGranskare(in.anvandare());
    LocalDate idag = LocalDate.now(klocka.withZone(ArendeService.SVERIGE));
    Urval senaste = new Urval(null, null, idag.minusDays(30).toString(), idag.toString(), false);
    model.addAttribute("standardperiod", true);
    return formular(
        Urval.TOMT, loggkontroll.sok(senaste, in.anvandare(), Loggkontroll.SOKNING), model);
  }

  @PostMapping("/loggkontroll")
  public String sok(
      @ModelAttribute("urval") Urval urval, @AuthenticationPrincipal Inloggning in, Model model) {
    Loggkontroll.kravGranskare(in.anvandare());
    return visa(urval, in, model);
  }

  @PostMapping("/loggkontroll/export.xlsx")
  public Object export(
      @ModelAttribute("urval") Urval urval, @AuthenticationPrincipal Inloggning in, Model model) {
    Loggkontroll.kravGranskare(in.anvandare());
    try {
      Loggkontroll.Resultat resultat = loggkontroll.sok(urval, in.anvandare(), Loggkontroll.EXPORT);
      return excel(resultat, klocka);
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
      return formular(urval, null, model);
    }
  }

  private String visa(Urval urval, Inloggning in, Model model) {
    Loggkontroll.Resultat resultat = null;
    try {
      resultat = loggkontroll.sok(urval, in.anvandare(), Loggkontroll.SOKNING);
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
    }
    return formular(urval, resultat, model);
  }

  private String formular(Urval urval, Loggkontroll.Resultat resultat, Model model) {
    model.addAttribute("urval", urval);
    model.addAttribute("resultat", resultat);
    model.addAttribute("anvandare", anvandare.allaKonton());
    model.addAttribute("etiketter", ETIKETTER);
    model.addAttribute("maxRader", Loggkontroll.MAX_RADER);
    return "loggkontroll/sida";
  }

  static ResponseEntity<byte[]> excel(Loggkontroll.Resultat resultat, Clock klocka) {
    String filnamn =
        "granskningslogg-" + LocalDate.now(klocka.withZone(ArendeService.SVERIGE)) + ".xlsx";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(LoggkontrollExcel.MEDIATYP))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filnamn).build().toString())
        .body(LoggkontrollExcel.skapa(resultat));
  }
}
