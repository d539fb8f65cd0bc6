package se.flerpart.uppgift;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/** The task list pages; the form itself is rendered in the browser by form-js. */
@Controller
class UppgiftController {

  private final UppgiftService uppgifter;
  private final AnvandareRepository anvandare;

  UppgiftController(UppgiftService uppgifter, AnvandareRepository anvandare) {
    this.uppgifter = uppgifter;
    this.anvandare = anvandare;
  }

  @GetMapping("/uppgifter")
  public String lista(
      @RequestParam(defaultValue = "mina") String vy,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    model.addAttribute("vy", UppgiftApiController.vy(vy).name().toLowerCase());
    model.addAttribute("uppgifter", uppgifter.lista(UppgiftApiController.vy(vy), in.anvandare()));
    return "uppgift/lista";
  }

  @GetMapping("/uppgifter/{id}")
  public String visa(@PathVariable long id, @AuthenticationPrincipal Inloggning in, Model model) {
    Uppgift u = uppgifter.hamta(id, in.anvandare());
    model.addAttribute("uppgift", u);
    // Outside the case's consent scope the page says why, and neither loads the form nor offers
    // to take or hand on the task.
    String utanforOmfang = uppgifter.utanforOmfang(u, in.anvandare()).orElse(null);
    model.addAttribute("utanforOmfang", utanforOmfang);
    model.addAttribute("kanSlutfora", uppgifter.kanSlutfora(u, in.anvandare()));
    model.addAttribute(
        "arKandidat", utanforOmfang == null && uppgifter.arKandidat(u, in.anvandare()));
    model.addAttribute(
        "mottagare",
        utanforOmfang != null
            ? List.of()
            : anvandare.medRoll(Anvandare.HANDLAGGARE).stream()
                .filter(a -> !a.id().equals(u.tilldelad()))
                .filter(a -> u.kandidatgrupper().isEmpty() || uppgifter.arKandidat(u, a))
                .filter(a -> uppgifter.utanforOmfang(u, a).isEmpty())
                .toList());
    model.addAttribute(
        "tilldeladNamn",
        u.tilldelad() == null
            ? null
            : anvandare.hitta(u.tilldelad()).map(a -> a.namn()).orElse(u.tilldelad()));
    return "uppgift/visa";
  }

  @PostMapping("/uppgifter/{id}/tilldela")
  public String tilldela(
      @PathVariable long id,
      @RequestParam(required = false) String anvandare,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    String till = anvandare == null || anvandare.isBlank() ? in.anvandare().id() : anvandare;
    return utfor(
        id,
        redirect,
        () -> uppgifter.tilldela(id, till, in.anvandare()),
        "Uppgiften är tilldelad.");
  }

  @PostMapping("/uppgifter/{id}/slapp")
  public String slapp(
      @PathVariable long id, @AuthenticationPrincipal Inloggning in, RedirectAttributes redirect) {
    return utfor(
        id,
        redirect,
        () -> uppgifter.slapp(id, in.anvandare()),
        "Uppgiften är tillbaka i gruppen.");
  }

  private static String utfor(long id, RedirectAttributes redirect, Runnable handling, String ok) {
    try {
      handling.run();
      redirect.addFlashAttribute("meddelande", ok);
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("fel", String.join(" ", e.fel().values()));
    } catch (AtkomstNekad | Konflikt e) {
      redirect.addFlashAttribute("fel", e.getMessage());
    }
    return "redirect:/uppgifter/" + id;
  }
}
