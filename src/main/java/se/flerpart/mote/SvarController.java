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

  /**
   * The answer form; once the invitation is answered, what was answered and the meeting's time,
   * place and link, until the meeting begins (the link is opened again on the day, for the video
   * link), with whom to contact to change the answer.
   */
  @GetMapping("/svar/{token}")
  public String visa(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      KallelsesvarService.Inbjudan inbjudan = svar.visning(token);
      model.addAttribute("inbjudan", inbjudan);
      if (inbjudan.svar() != null) {
        model.addAttribute("besvarad", besvarad(inbjudan.svar()));
        return "svar/besvarad";
      }
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
    } catch (Konflikt e) {
      // Answered already: nothing changes, and the page says what the answer is.
      KallelsesvarService.Inbjudan besvarad = besvaradInbjudan(token);
      if (besvarad == null) {
        return ejMojligt(e, model, response);
      }
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("inbjudan", besvarad);
      model.addAttribute("besvarad", besvarad(besvarad.svar()));
      model.addAttribute(
          "ejAndrat", "Ditt nya svar sparades inte: länken kan bara användas för ett svar.");
      return "svar/besvarad";
    } catch (RuntimeException e) {
      return ejMojligt(e, model, response);
    }
  }

  /** The answered invitation behind a link, or null when it is not answered or cannot be shown. */
  private KallelsesvarService.Inbjudan besvaradInbjudan(String token) {
    try {
      KallelsesvarService.Inbjudan inbjudan = svar.visning(token);
      return inbjudan.svar() == null ? null : inbjudan;
    } catch (SvarslankFel | Konflikt | EjFunnen e) {
      return null;
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
    model.addAttribute("utgangen", status == HttpStatus.GONE);
    return "svar/ej-mojligt";
  }

  /** What the page of an answered invitation says was answered. */
  static String besvarad(String svar) {
    return switch (svar) {
      case "ACCEPTERAR" -> "Du har svarat att du kommer.";
      case "AVBOJER" -> "Du har svarat att du inte kan komma.";
      case "ERSATTARE" ->
          "Du har svarat att du skickar en ersättare. Ersättaren har fått en egen kallelse.";
      default -> "Du har svarat på kallelsen.";
    };
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
