package se.flerpart.mote;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.sakerhet.Inloggning;

/** The Mina möten page: the user's coming meetings by week, and the calendar feed's buttons. */
@Controller
class MinaMotenController {

  private final MinaMoten minaMoten;
  private final Kalenderflode floden;

  MinaMotenController(MinaMoten minaMoten, Kalenderflode floden) {
    this.minaMoten = minaMoten;
    this.floden = floden;
  }

  @GetMapping("/moten")
  public String sida(@AuthenticationPrincipal Inloggning in, Model model) {
    model.addAttribute("veckor", minaMoten.kommande(in.anvandare()));
    model.addAttribute("flodeUrl", floden.befintlig(in.anvandare().id()).orElse(null));
    return "mote/mina";
  }

  @PostMapping("/moten/kalenderflode")
  public String skapaFlode(@AuthenticationPrincipal Inloggning in, RedirectAttributes redirect) {
    floden.url(in.anvandare().id());
    redirect.addFlashAttribute(
        "meddelande", "Kalenderlänken är skapad. Prenumerera på den i Outlook eller din kalender.");
    return "redirect:/moten";
  }

  @PostMapping("/moten/kalenderflode/aterkalla")
  public String aterkallaFlode(
      @AuthenticationPrincipal Inloggning in, RedirectAttributes redirect) {
    floden.aterkalla(in.anvandare().id());
    redirect.addFlashAttribute(
        "meddelande", "Kalenderlänken är återkallad. Den gamla länken fungerar inte längre.");
    return "redirect:/moten";
  }
}
