package se.flerpart.mote;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The answer page behind the personal link: no login, a plain HTML form that works without
 * JavaScript, and a friendly page when the link cannot be used.
 */
@Controller
class SvarController {

  private final KallelsesvarService svar;

  SvarController(KallelsesvarService svar) {
    this.svar = svar;
  }

  @GetMapping("/svar/{token}")
  public String visa(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      model.addAttribute("inbjudan", svar.inbjudan(token));
      model.addAttribute("token", token);
      return "svar/visa";
    } catch (RuntimeException e) {
      return ejMojligt(e, model, response);
    }
  }

  @PostMapping("/svar/{token}")
  public String svara(
      @PathVariable String token,
      @RequestParam(required = false) String svar,
      @RequestParam(required = false) String kommentar,
      @RequestParam(required = false) String ersattareNamn,
      @RequestParam(required = false) String ersattareEpost,
      Model model,
      HttpServletResponse response) {
    try {
      KallelsesvarService.Inbjudan inbjudan =
          this.svar.svara(
              token,
              new KallelsesvarService.Svarsbegaran(
                  svar,
                  kommentar,
                  "ERSATTARE".equals(svar)
                      ? new KallelsesvarService.Ersattare(ersattareNamn, ersattareEpost)
                      : null));
      model.addAttribute("inbjudan", inbjudan);
      model.addAttribute("tack", tack(inbjudan.svar()));
      return "svar/tack";
    } catch (ValideringsFel e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("inbjudan", this.svar.inbjudan(token));
      model.addAttribute("token", token);
      model.addAttribute("fel", e.fel());
      model.addAttribute("valt", svar);
      model.addAttribute("kommentar", kommentar);
      model.addAttribute("ersattareNamn", ersattareNamn);
      model.addAttribute("ersattareEpost", ersattareEpost);
      return "svar/visa";
    } catch (RuntimeException e) {
      return ejMojligt(e, model, response);
    }
  }

  private static String ejMojligt(RuntimeException e, Model model, HttpServletResponse response) {
    HttpStatus status;
    if (e instanceof SvarslankFel f) {
      status = f.status();
      model.addAttribute("meddelande", f.getMessage());
    } else if (e instanceof Konflikt || e instanceof EjFunnen) {
      status = e instanceof Konflikt ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
      model.addAttribute("meddelande", e.getMessage());
    } else {
      throw e;
    }
    response.setStatus(status.value());
    return "svar/ej-mojligt";
  }

  static String tack(String svar) {
    return switch (svar) {
      case "ACCEPTERAR" -> "Tack! Vi har noterat att du kommer.";
      case "AVBOJER" -> "Tack för beskedet. Vi har noterat att du inte kan komma.";
      case "ERSATTARE" -> "Tack! Din ersättare får en egen kallelse med e-post.";
      default -> "Tack för ditt svar.";
    };
  }
}
