package se.flerpart.administration;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.administration.PartAdministration.PartIn;
import se.flerpart.referens.PartRepository.Part;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

/** The administrator's page for the parter: add one, rename one. */
@Controller
class PartAdminController {

  static final Map<String, String> ETIKETTER = Map.of("kod", "Kod", "namn", "Namn");

  private final PartAdministration parter;

  PartAdminController(PartAdministration parter) {
    this.parter = parter;
  }

  @GetMapping("/admin/parter")
  public String sida(@AuthenticationPrincipal Inloggning in, Model model) {
    model.addAttribute("parter", parter.lista(in.anvandare()));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new PartIn("", ""));
    }
    model.addAttribute("etiketter", ETIKETTER);
    return "admin/parter";
  }

  @PostMapping("/admin/parter")
  public String skapa(
      @ModelAttribute("form") PartIn form,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      RedirectAttributes redirect) {
    try {
      Part p = parter.skapa(form, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Parten " + p.kod() + " är tillagd.");
      return "redirect:/admin/parter";
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
    }
    return sida(in, model);
  }

  @PostMapping("/admin/parter/{kod}")
  public String bytNamn(
      @PathVariable String kod,
      @RequestParam(required = false) String namn,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      parter.bytNamn(kod, namn, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Parten " + kod + " är sparad.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute(
          "felmeddelande", kod + ": Namn: " + String.join(" ", e.fel().values()));
    }
    return "redirect:/admin/parter";
  }
}
