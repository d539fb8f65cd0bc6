package se.flerpart.administration;

import java.util.List;
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
import se.flerpart.avvikelse.Avvikelsetyp;
import se.flerpart.avvikelse.AvvikelsetypService;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The administrator's page for the deviation types. The types belong to the avvikelse module; its
 * service checks, stores and announces every change, which the admin log records.
 */
@Controller
class AvvikelsetypAdminController {

  static final Map<String, String> ETIKETTER =
      Map.of(
          "kod", "Kod",
          "namn", "Namn",
          "kategori", "Kategori",
          "standardtext", "Standardtext vid automatisk registrering");

  private final AvvikelsetypService typer;

  AvvikelsetypAdminController(AvvikelsetypService typer) {
    this.typer = typer;
  }

  @GetMapping("/admin/avvikelsetyper")
  public String sida(@AuthenticationPrincipal Inloggning in, Model model) {
    Behorighet.kravAdmin(in.anvandare());
    model.addAttribute("typer", typer.alla());
    if (!model.containsAttribute("ny")) {
      model.addAttribute("ny", new AvvikelsetypService.Typ("", "", Avvikelsetyp.ARENDE, "", true));
    }
    model.addAttribute("etiketter", ETIKETTER);
    return "admin/avvikelsetyper";
  }

  @PostMapping("/admin/avvikelsetyper")
  public String skapa(
      @ModelAttribute("ny") AvvikelsetypService.Typ ny,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      RedirectAttributes redirect) {
    Behorighet.kravAdmin(in.anvandare());
    try {
      Avvikelsetyp t = typer.skapa(ny, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Typen " + t.kod() + " är tillagd.");
      return "redirect:/admin/avvikelsetyper";
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
    } catch (Konflikt e) {
      model.addAttribute("fel", Map.of("kod", e.getMessage()));
    }
    return sida(in, model);
  }

  @PostMapping("/admin/avvikelsetyper/{kod}")
  public String andra(
      @PathVariable String kod,
      @RequestParam(required = false) String namn,
      @RequestParam(required = false) String standardtext,
      @RequestParam(defaultValue = "false") boolean aktiv,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    Behorighet.kravAdmin(in.anvandare());
    try {
      typer.andra(
          kod, new AvvikelsetypService.Typ(kod, namn, null, standardtext, aktiv), in.anvandare());
      redirect.addFlashAttribute("meddelande", "Typen " + kod + " är sparad.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute(
          "felmeddelande", kod + ": Namn: " + String.join(" ", e.fel().values()));
    }
    return "redirect:/admin/avvikelsetyper#typ-" + kod;
  }

  @GetMapping("/admin/avvikelsetyper/{kod}/ta-bort")
  public String bekraftaBorttagning(
      @PathVariable String kod, @AuthenticationPrincipal Inloggning in, Model model) {
    Behorighet.kravAdmin(in.anvandare());
    Avvikelsetyp t =
        typer.alla().stream()
            .filter(x -> x.kod().equals(kod))
            .findFirst()
            .orElseThrow(() -> new EjFunnen("Avvikelsetypen finns inte."));
    return Bekraftelse.sida(
        model,
        "Ta bort avvikelsetypen " + t.namn() + "?",
        List.of(
            "Typen "
                + t.kod()
                + " försvinner helt. Det går bara när ingen avvikelse har den; annars avaktiverar"
                + " du den i stället."),
        "/admin/avvikelsetyper/" + kod + "/ta-bort",
        "Ta bort typen",
        "/admin/avvikelsetyper");
  }

  @PostMapping("/admin/avvikelsetyper/{kod}/ta-bort")
  public String taBort(
      @PathVariable String kod,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    Behorighet.kravAdmin(in.anvandare());
    try {
      typer.taBort(kod, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Typen " + kod + " är borttagen.");
    } catch (Konflikt e) {
      redirect.addFlashAttribute("felmeddelande", e.getMessage());
    }
    return "redirect:/admin/avvikelsetyper";
  }
}
