package se.flerpart.sakerhet;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StartController {

  private final boolean losenord;
  private final boolean oidc;

  StartController(Environment environment, OidcInstallningar oidc) {
    this.losenord = environment.acceptsProfiles(Profiles.of("demo"));
    this.oidc = oidc.aktiv();
  }

  @GetMapping("/")
  public String start(@AuthenticationPrincipal Inloggning in) {
    return in.anvandare().arUtanPersonuppgifter() ? "redirect:/arenden" : "redirect:/uppgifter";
  }

  /** The identity provider's button when one is configured, the password form in the demo. */
  @GetMapping("/login")
  public String login(Model model) {
    model.addAttribute("losenord", losenord);
    model.addAttribute("oidc", oidc);
    return "login";
  }
}
