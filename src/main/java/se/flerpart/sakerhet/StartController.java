package se.flerpart.sakerhet;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class StartController {

  @GetMapping("/")
  public String start(@AuthenticationPrincipal Inloggning in) {
    return in.anvandare().arUtanPersonuppgifter() ? "redirect:/arenden" : "redirect:/uppgifter";
  }

  @GetMapping("/login")
  public String login() {
    return "login";
  }
}
