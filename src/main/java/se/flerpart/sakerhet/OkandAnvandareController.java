package se.flerpart.sakerhet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page for someone the identity provider let in but Flerpart does not know: whom to ask,
 * without a session.
 */
@Controller
class OkandAnvandareController {

  static final String SIDA = "/inloggning/okand";

  private final OidcInstallningar installningar;

  OkandAnvandareController(OidcInstallningar installningar) {
    this.installningar = installningar;
  }

  @RequestMapping(SIDA)
  String okand(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("orsak", request.getAttribute("orsak"));
    model.addAttribute("identitet", request.getAttribute("identitet"));
    model.addAttribute("kontakt", installningar.kontakt());
    return "okand-anvandare";
  }
}
