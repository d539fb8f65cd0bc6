package se.flerpart.administration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.administration.AnvandarAdministration.AnvandareIn;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.AnvandareRepository.Konto;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/** The administrator's pages for users: the list, a new user, a user's page and its tasks. */
@Controller
class AnvandareAdminController {

  static final Map<String, String> ETIKETTER =
      Map.of(
          "id", "Användar-id",
          "namn", "Namn",
          "epost", "E-postadress",
          "telefon", "Telefon",
          "part", "Part",
          "roller", "Roller",
          "aktiv", "Status",
          "anvandare", "Ny innehavare");

  /** An open task of the user, and who may take it over when the user is inactive. */
  record OppenUppgift(Uppgift uppgift, List<se.flerpart.sakerhet.Anvandare> mottagare) {}

  private final AnvandarAdministration anvandare;
  private final PartRepository parter;

  AnvandareAdminController(AnvandarAdministration anvandare, PartRepository parter) {
    this.anvandare = anvandare;
    this.parter = parter;
  }

  @GetMapping("/admin/anvandare")
  public String lista(@AuthenticationPrincipal Inloggning in, Model model) {
    model.addAttribute("konton", anvandare.lista(in.anvandare()));
    model.addAttribute("oppna", anvandare.antalOppnaUppgifter());
    model.addAttribute("parter", partnamn());
    model.addAttribute("roller", Roller.ALLA);
    return "admin/anvandare-lista";
  }

  @GetMapping("/admin/anvandare/ny")
  public String ny(@AuthenticationPrincipal Inloggning in, Model model) {
    Behorighet.kravAdmin(in.anvandare());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new AnvandareIn("", "", "", "", List.of(), ""));
    }
    return formular(model, null);
  }

  @PostMapping("/admin/anvandare")
  public String skapa(
      @ModelAttribute("form") AnvandareIn form,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      RedirectAttributes redirect) {
    Behorighet.kravAdmin(in.anvandare());
    try {
      Konto k = anvandare.skapa(form, in.anvandare());
      redirect.addFlashAttribute(
          "meddelande",
          "Användaren "
              + k.anvandare().id()
              + " är skapad. Hen loggar in med organisationens inloggning.");
      return "redirect:/admin/anvandare/" + k.anvandare().id();
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
    }
    return formular(model, null);
  }

  @GetMapping("/admin/anvandare/{id}")
  public String visa(@PathVariable String id, @AuthenticationPrincipal Inloggning in, Model model) {
    Konto k = anvandare.hamta(id, in.anvandare());
    if (!model.containsAttribute("form")) {
      var a = k.anvandare();
      model.addAttribute(
          "form",
          new AnvandareIn(
              a.id(),
              a.namn(),
              a.epost(),
              a.part(),
              a.roller().stream().toList(),
              anvandare.telefon(id, in.anvandare())));
    }
    return formular(model, k);
  }

  @PostMapping("/admin/anvandare/{id}")
  public String andra(
      @PathVariable String id,
      @ModelAttribute("form") AnvandareIn form,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      RedirectAttributes redirect) {
    Behorighet.kravAdmin(in.anvandare());
    AnvandareIn medId =
        new AnvandareIn(id, form.namn(), form.epost(), form.part(), form.roller(), form.telefon());
    try {
      anvandare.andra(id, medId, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Ändringarna är sparade.");
      return "redirect:/admin/anvandare/" + id;
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
      model.addAttribute("form", medId);
    }
    return formular(model, anvandare.hamta(id, in.anvandare()));
  }

  @GetMapping("/admin/anvandare/{id}/inaktivera")
  public String bekraftaInaktivering(
      @PathVariable String id, @AuthenticationPrincipal Inloggning in, Model model) {
    Konto k = anvandare.hamta(id, in.anvandare());
    int uppgifter = anvandare.oppnaUppgifter(id).size();
    return Bekraftelse.sida(
        model,
        "Inaktivera " + k.anvandare().namn() + "?",
        List.of(
            k.anvandare().namn()
                + " ("
                + k.anvandare().id()
                + ") kan inte längre logga in, och ingen kan ge hen uppgifter i"
                + " uppgiftslistan. Inget av det användaren har gjort tas bort, och kontot kan"
                + " aktiveras igen.",
            uppgifter == 0
                ? "Användaren har inga öppna uppgifter."
                : "Användaren har "
                    + uppgifter
                    + " öppna uppgifter. De listas på användarens sida, där du ger dem till någon"
                    + " annan på samma part; där hamnar också uppgifter som processen senare ger"
                    + " hen som ärendebärare."),
        "/admin/anvandare/" + id + "/inaktivera",
        "Inaktivera",
        "/admin/anvandare/" + id);
  }

  @PostMapping("/admin/anvandare/{id}/inaktivera")
  public String inaktivera(
      @PathVariable String id,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      anvandare.inaktivera(id, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Användaren är inaktiverad.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("felmeddelande", String.join(" ", e.fel().values()));
    }
    return "redirect:/admin/anvandare/" + id;
  }

  @PostMapping("/admin/anvandare/{id}/aktivera")
  public String aktivera(
      @PathVariable String id,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    anvandare.aktivera(id, in.anvandare());
    redirect.addFlashAttribute("meddelande", "Användaren är aktiv igen.");
    return "redirect:/admin/anvandare/" + id;
  }

  @PostMapping("/admin/anvandare/{id}/uppgifter/{uppgiftId}")
  public String tilldela(
      @PathVariable String id,
      @PathVariable long uppgiftId,
      @RequestParam(required = false) String anvandare,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      Uppgift u = this.anvandare.tilldela(uppgiftId, anvandare, in.anvandare());
      redirect.addFlashAttribute(
          "meddelande", "Uppgiften " + u.namn() + " är tilldelad " + u.tilldelad() + ".");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("felmeddelande", String.join(" ", e.fel().values()));
    } catch (Konflikt | EjFunnen e) {
      redirect.addFlashAttribute("felmeddelande", e.getMessage());
    }
    return "redirect:/admin/anvandare/" + id + "#uppgifter";
  }

  private String formular(Model model, Konto konto) {
    model.addAttribute("konto", konto);
    model.addAttribute("parter", parter.alla());
    model.addAttribute("roller", Roller.ALLA);
    model.addAttribute("etiketter", ETIKETTER);
    if (konto != null) {
      model.addAttribute(
          "uppgifter",
          anvandare.oppnaUppgifter(konto.anvandare().id()).stream()
              .map(
                  u ->
                      new OppenUppgift(
                          u, konto.aktiv() ? List.of() : anvandare.mottagare(u, konto)))
              .toList());
    }
    return "admin/anvandare";
  }

  private Map<String, String> partnamn() {
    return parter.alla().stream()
        .collect(
            Collectors.toMap(
                PartRepository.Part::kod,
                PartRepository.Part::namn,
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
