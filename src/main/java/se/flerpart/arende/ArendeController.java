package se.flerpart.arende;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.flerpart.beredning.InsatsRepository;
import se.flerpart.mote.MoteOversikt;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.sakerhet.PartRepository;
import se.flerpart.web.ValideringsFel;

@Controller
public class ArendeController {

  private final ArendeService arenden;
  private final ArendeLasning lasning;
  private final InsatsRepository insatser;
  private final PartRepository parter;
  private final MoteOversikt moten;

  public ArendeController(
      ArendeService arenden,
      ArendeLasning lasning,
      InsatsRepository insatser,
      PartRepository parter,
      MoteOversikt moten) {
    this.arenden = arenden;
    this.lasning = lasning;
    this.insatser = insatser;
    this.parter = parter;
    this.moten = moten;
  }

  @GetMapping("/arenden")
  public String lista(@AuthenticationPrincipal Inloggning in, Model model) {
    model.addAttribute("arenden", lasning.lista(in.anvandare()));
    return "arende/lista";
  }

  @GetMapping("/arenden/{id}")
  public String visa(@PathVariable String id, @AuthenticationPrincipal Inloggning in, Model model) {
    ArendeVy arende = lasning.vy(arenden.hamta(id), in.anvandare());
    model.addAttribute("arende", arende);
    model.addAttribute("moten", moten.forArende(arende.id(), in.anvandare()));
    return "arende/visa";
  }

  /** The web form's fields; the checkboxes arrive as a list of part codes. */
  public record AktualiseringForm(
      String personnummer,
      Boolean skyddadIdentitet,
      String kon,
      String insats,
      String skal,
      List<String> behov,
      Boolean bradskande) {}

  @GetMapping("/arenden/ny")
  public String ny(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form", new AktualiseringForm("", false, "", "flerpartssamverkan", "", List.of(), false));
    }
    model.addAttribute("insatser", insatser.aktiva());
    model.addAttribute("parter", parter.alla());
    return "arende/ny";
  }

  @PostMapping("/arenden")
  public String registrera(
      @ModelAttribute("form") AktualiseringForm form,
      @RequestParam(required = false) List<String> behov,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    try {
      Arende a =
          arenden.registrera(
              new Aktualisering(
                  form.personnummer(),
                  form.skyddadIdentitet(),
                  form.kon(),
                  form.insats(),
                  form.skal(),
                  behov == null ? List.of() : behov,
                  form.bradskande()),
              in.anvandare());
      return "redirect:/arenden/" + a.id() + "?registrerat";
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
      return ny(model);
    }
  }
}
