package se.flerpart.administration;

import java.util.Arrays;
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
import se.flerpart.administration.InsatsAdministration.Insats;
import se.flerpart.administration.InsatsAdministration.InsatsIn;
import se.flerpart.gallring.GallringEgenskaper;
import se.flerpart.referens.InsatsRepository.Installningar;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.ValideringsFel;

/** The administrator's pages for insatser and their beredningsgrupper. */
@Controller
class InsatsAdminController {

  static final Map<String, String> ETIKETTER = etiketter();

  private static Map<String, String> etiketter() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("kod", "Kod");
    e.put("namn", "Namn");
    e.put("beskrivning", "Beskrivning");
    e.put("maxTid", "Längsta tid i insatsen");
    e.put("uppfoljningKort", "Första uppföljningen");
    e.put("uppfoljningPlan", "Uppföljning av planen");
    e.put("uppfoljningPaminnelse", "Påminnelse om försenad uppföljning");
    e.put("uppfoljningFrist", "Frist för försenad uppföljning");
    e.put("gallringEfter", "Gallringstid efter avslut");
    e.put("styrgruppEpost", "Styrgruppens e-postadresser");
    e.put("beredningsgrupp", "Beredningsgrupp");
    e.put("anvandare", "Ny medlem");
    return e;
  }

  /** The form as the page posts it: the styrgrupp's addresses in one text field. */
  record InsatsForm(
      String kod,
      String namn,
      String beskrivning,
      String maxTid,
      String uppfoljningKort,
      String uppfoljningPlan,
      String uppfoljningPaminnelse,
      String uppfoljningFrist,
      String gallringEfter,
      String styrgruppEpost,
      List<String> beredningsgrupp) {

    static InsatsForm av(Installningar i, List<String> beredningsgrupp) {
      return new InsatsForm(
          i.kod(),
          i.namn(),
          i.beskrivning(),
          i.maxTid(),
          i.uppfoljningKort(),
          i.uppfoljningPlan(),
          i.uppfoljningPaminnelse(),
          i.uppfoljningFrist(),
          i.gallringEfter(),
          String.join("\n", i.styrgruppEpost()),
          beredningsgrupp);
    }

    InsatsIn in(String kod) {
      return new InsatsIn(
          kod,
          namn,
          beskrivning == null ? "" : beskrivning,
          maxTid == null ? "" : maxTid,
          uppfoljningKort == null ? "" : uppfoljningKort,
          uppfoljningPlan == null ? "" : uppfoljningPlan,
          uppfoljningPaminnelse == null ? "" : uppfoljningPaminnelse,
          uppfoljningFrist == null ? "" : uppfoljningFrist,
          // Blank is a value here (the förbund's time); only a form without the field keeps it.
          gallringEfter,
          styrgruppEpost == null
              ? List.of()
              : Arrays.stream(styrgruppEpost.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList(),
          beredningsgrupp);
    }
  }

  private final InsatsAdministration insatser;
  private final GallringEgenskaper gallring;

  InsatsAdminController(InsatsAdministration insatser, GallringEgenskaper gallring) {
    this.insatser = insatser;
    this.gallring = gallring;
  }

  @GetMapping("/admin/insatser")
  public String lista(@AuthenticationPrincipal Inloggning in, Model model) {
    model.addAttribute("insatser", insatser.lista(in.anvandare()));
    model.addAttribute("gallringStandard", gallring.efter().toString());
    return "admin/insatser";
  }

  @GetMapping("/admin/insatser/ny")
  public String ny(@AuthenticationPrincipal Inloggning in, Model model) {
    Behorighet.kravAdmin(in.anvandare());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", InsatsForm.av(InsatsAdministration.STANDARD, List.of()));
    }
    return formular(model, null);
  }

  @PostMapping("/admin/insatser")
  public String skapa(
      @ModelAttribute("form") InsatsForm form,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      RedirectAttributes redirect) {
    Behorighet.kravAdmin(in.anvandare());
    try {
      Insats i = insatser.skapa(form.in(form.kod()), in.anvandare());
      redirect.addFlashAttribute(
          "meddelande", "Insatsen " + i.installningar().namn() + " är skapad.");
      return "redirect:/admin/insatser/" + i.installningar().kod();
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
    }
    return formular(model, null);
  }

  @GetMapping("/admin/insatser/{kod}")
  public String visa(
      @PathVariable String kod, @AuthenticationPrincipal Inloggning in, Model model) {
    Insats i = insatser.hamta(kod, in.anvandare());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", InsatsForm.av(i.installningar(), null));
    }
    return formular(model, i);
  }

  @PostMapping("/admin/insatser/{kod}")
  public String andra(
      @PathVariable String kod,
      @ModelAttribute("form") InsatsForm form,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      RedirectAttributes redirect) {
    Insats fore = insatser.hamta(kod, in.anvandare());
    try {
      insatser.andra(kod, form.in(kod), in.anvandare());
      redirect.addFlashAttribute("meddelande", "Ändringarna är sparade.");
      return "redirect:/admin/insatser/" + kod;
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
    }
    return formular(model, fore);
  }

  @GetMapping("/admin/insatser/{kod}/inaktivera")
  public String bekraftaInaktivering(
      @PathVariable String kod, @AuthenticationPrincipal Inloggning in, Model model) {
    Insats i = insatser.hamta(kod, in.anvandare());
    return Bekraftelse.sida(
        model,
        "Inaktivera " + i.installningar().namn() + "?",
        List.of(
            "Insatsen tar inte längre emot nya aktualiseringar. Ärenden som redan finns i den"
                + " fortsätter som vanligt, och insatsen kan aktiveras igen."),
        "/admin/insatser/" + kod + "/inaktivera",
        "Inaktivera insatsen",
        "/admin/insatser/" + kod);
  }

  @PostMapping("/admin/insatser/{kod}/inaktivera")
  public String inaktivera(
      @PathVariable String kod,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    insatser.inaktivera(kod, in.anvandare());
    redirect.addFlashAttribute("meddelande", "Insatsen är inaktiverad.");
    return "redirect:/admin/insatser/" + kod;
  }

  @PostMapping("/admin/insatser/{kod}/aktivera")
  public String aktivera(
      @PathVariable String kod,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      insatser.aktivera(kod, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Insatsen är aktiv igen.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("felmeddelande", String.join(" ", e.fel().values()));
    }
    return "redirect:/admin/insatser/" + kod;
  }

  @PostMapping("/admin/insatser/{kod}/beredningsgrupp")
  public String laggTillMedlem(
      @PathVariable String kod,
      @RequestParam(required = false) String anvandare,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      insatser.laggTillMedlem(kod, anvandare, in.anvandare());
      redirect.addFlashAttribute("meddelande", anvandare + " är med i beredningsgruppen.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute(
          "felmeddelande", "Ny medlem: " + String.join(" ", e.fel().values()));
    }
    return "redirect:/admin/insatser/" + kod + "#beredningsgrupp";
  }

  @GetMapping("/admin/insatser/{kod}/beredningsgrupp/{anvandare}/ta-bort")
  public String bekraftaBorttagning(
      @PathVariable String kod,
      @PathVariable String anvandare,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    Insats i = insatser.hamta(kod, in.anvandare());
    var medlem =
        i.beredningsgrupp().stream()
            .filter(k -> k.anvandare().id().equals(anvandare))
            .findFirst()
            .orElseThrow(() -> new EjFunnen(anvandare + " är inte med i beredningsgruppen."));
    return Bekraftelse.sida(
        model,
        "Ta bort " + medlem.anvandare().namn() + " ur beredningsgruppen?",
        List.of(
            medlem.anvandare().namn()
                + " får inte längre beredningsgruppens uppgifter för "
                + i.installningar().namn()
                + ". Uppgifter hen redan har tagit ligger kvar hos hen."),
        "/admin/insatser/" + kod + "/beredningsgrupp/" + anvandare + "/ta-bort",
        "Ta bort ur gruppen",
        "/admin/insatser/" + kod + "#beredningsgrupp");
  }

  @PostMapping("/admin/insatser/{kod}/beredningsgrupp/{anvandare}/ta-bort")
  public String taBortMedlem(
      @PathVariable String kod,
      @PathVariable String anvandare,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      insatser.taBortMedlem(kod, anvandare, in.anvandare());
      redirect.addFlashAttribute("meddelande", anvandare + " är borttagen ur beredningsgruppen.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("felmeddelande", String.join(" ", e.fel().values()));
    }
    return "redirect:/admin/insatser/" + kod + "#beredningsgrupp";
  }

  private String formular(Model model, Insats insats) {
    model.addAttribute("insats", insats);
    var mojliga = insatser.mojligaMedlemmar();
    model.addAttribute("mojligaMedlemmar", mojliga);
    if (insats != null) {
      var medlemmar =
          insats.beredningsgrupp().stream()
              .map(k -> k.anvandare().id())
              .collect(Collectors.toSet());
      model.addAttribute(
          "nyaMedlemmar", mojliga.stream().filter(a -> !medlemmar.contains(a.id())).toList());
    }
    model.addAttribute("etiketter", ETIKETTER);
    model.addAttribute("gallringStandard", gallring.efter().toString());
    return "admin/insats";
  }
}
