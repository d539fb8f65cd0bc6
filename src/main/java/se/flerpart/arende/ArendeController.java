package se.flerpart.arende;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.KategoriRepository;
import se.flerpart.referens.KategoriRepository.Kategori;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

@Controller
class ArendeController {

  private final ArendeService arenden;
  private final ArendeLasning lasning;
  private final ArendeAtkomst atkomst;
  private final InsatsRepository insatser;
  private final PartRepository parter;
  private final KategoriRepository kategorier;
  private final List<ArendeSektion> sektioner;

  ArendeController(
      ArendeService arenden,
      ArendeLasning lasning,
      ArendeAtkomst atkomst,
      InsatsRepository insatser,
      PartRepository parter,
      KategoriRepository kategorier,
      List<ArendeSektion> sektioner) {
    this.arenden = arenden;
    this.lasning = lasning;
    this.atkomst = atkomst;
    this.insatser = insatser;
    this.parter = parter;
    this.kategorier = kategorier;
    this.sektioner =
        sektioner.stream().sorted(Comparator.comparingInt(ArendeSektion::ordning)).toList();
  }

  @GetMapping("/arenden")
  public String lista(@AuthenticationPrincipal Inloggning in, Model model) {
    model.addAttribute("arenden", lasning.lista(in.anvandare()));
    return "arende/lista";
  }

  @GetMapping("/arenden/{id}")
  public String visa(@PathVariable String id, @AuthenticationPrincipal Inloggning in, Model model) {
    Arende a = arenden.hamta(id);
    ArendeVy arende = lasning.vy(a, in.anvandare());
    model.addAttribute("arende", arende);
    model.addAttribute("kanAndraIndivid", arenden.kanAndraIndivid(a, in.anvandare(), atkomst));
    model.addAttribute(
        "arAgare",
        !arende.avslutad()
            && in.anvandare()
                .id()
                .equals(
                    arende.arendebarare() != null
                        ? arende.arendebarare()
                        : arende.aktualiseradAv()));
    for (ArendeSektion sektion : sektioner) {
      model.addAllAttributes(sektion.modell(arende, in.anvandare()));
    }
    model.addAttribute("sektioner", sektioner.stream().map(ArendeSektion::fragment).toList());
    return "arende/visa";
  }

  @PostMapping("/arenden/{id}/aterkalla-samtycke")
  public String aterkalla(
      @PathVariable String id,
      @RequestParam(required = false) String datum,
      @RequestParam(required = false) String hur,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    Arende a = arenden.hamta(id);
    try {
      arenden.aterkallaSamtycke(a.id(), datum, hur, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Samtycket är återkallat och ärendet avbrutet.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("fel", String.join(" ", e.fel().values()));
    }
    return "redirect:/arenden/" + a.id();
  }

  @PostMapping("/arenden/{id}/individ")
  public String andraIndivid(
      @PathVariable String id,
      @ModelAttribute IndividForm form,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    Arende a = arenden.hamta(id);
    atkomst.kravSe(in.anvandare(), a);
    Individ individ = form.individ();
    try {
      arenden.andraIndivid(a.id(), individ, in.anvandare(), atkomst);
      redirect.addFlashAttribute("meddelande", "Uppgifterna om personen är sparade.");
    } catch (ValideringsFel e) {
      // What was typed comes back with the errors, through the session and never the URL.
      redirect.addFlashAttribute("individFel", e.fel());
      redirect.addFlashAttribute("individForm", individ);
    }
    return "redirect:/arenden/" + a.id();
  }

  /** The person's fields as the case page's form posts them. */
  public record IndividForm(
      String namn,
      String adress,
      String telefon,
      String epost,
      String sprak,
      Boolean tolk,
      List<Individ.Narstaende> narstaende,
      Individ.GodMan godMan) {

    Individ individ() {
      return new Individ(namn, adress, telefon, epost, sprak, tolk, narstaende, godMan);
    }
  }

  @PostMapping("/arenden/{id}/avbryt")
  public String avbryt(
      @PathVariable String id,
      @RequestParam(required = false) String orsak,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    Arende a = arenden.hamta(id);
    try {
      arenden.avbryt(a.id(), orsak, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Ärendet är avbrutet.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("fel", String.join(" ", e.fel().values()));
    }
    return "redirect:/arenden/" + a.id();
  }

  @GetMapping("/arenden/ny")
  public String ny(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form",
          new Aktualisering(
              "",
              false,
              "",
              "flerpartssamverkan",
              "",
              List.of(),
              false,
              null,
              null,
              null,
              null,
              null,
              false,
              List.of(),
              null,
              null,
              null,
              List.of()));
    }
    model.addAttribute("insatser", insatser.aktiva());
    model.addAttribute("parter", parter.alla());
    model.addAttribute("utbildningsnivaer", kategorier.aktiva(Kategori.UTBILDNINGSNIVA));
    model.addAttribute("forsorjningstider", kategorier.aktiva(Kategori.TID_I_FORSORJNING));
    model.addAttribute("forsorjningar", kategorier.aktiva(Kategori.FORSORJNING));
    return "arende/ny";
  }

  @PostMapping("/arenden")
  public String registrera(
      @ModelAttribute("form") Aktualisering form,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    try {
      Arende a = arenden.registrera(form, in.anvandare());
      return "redirect:/arenden/" + a.id() + "?registrerat";
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
      return ny(model);
    }
  }
}
