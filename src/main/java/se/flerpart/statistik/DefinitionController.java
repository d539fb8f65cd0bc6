package se.flerpart.statistik;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/**
 * The administrator's page for the statistics definitions: choose a year, and for each avslutsorsak
 * what it counts as that year; the description, the anonymous participants and the sub-rows'
 * denominator. Posts to the same service as the API.
 */
@Controller
class DefinitionController {

  static final String SIDA = "/admin/statistikdefinitioner";
  static final String OVRIGT = "OVRIGT";
  static final String HALSOSKAL = "HALSOSKAL";

  /** A sub-row of the choice per avslutsorsak, as the page names it. */
  record Val(String varde, String namn) {}

  static final List<Val> VAL =
      List.of(
          new Val("arbete", "Positiv lösning: arbete"),
          new Val("extratjanst", "Positiv lösning: extratjänst"),
          new Val("studier", "Positiv lösning: studier"),
          new Val(
              "fortsatt-rehab-eller-arbetssok",
              "Positiv lösning: fortsatt rehabilitering eller arbetssökande"),
          new Val("saknar-arbetsformaga", "Positiv lösning: klarlagt att arbetsförmåga saknas"),
          new Val(HALSOSKAL, "Avbrott av hälsoskäl"),
          new Val(OVRIGT, "Övriga avbrott"));

  private final DefinitionAdministration administration;
  private final Clock klocka;

  DefinitionController(DefinitionAdministration administration, Clock klocka) {
    this.administration = administration;
    this.klocka = klocka;
  }

  @GetMapping(SIDA)
  String sida(
      @RequestParam(required = false) String ar,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    kravAdmin(in);
    int valt =
        ar == null || ar.isBlank()
            ? LocalDate.now(klocka).getYear()
            : DefinitionApiController.ar(ar);
    DefinitionAdministration.Galler galler = administration.galler(valt, in.anvandare());
    return visa(model, in, galler, null, null);
  }

  @PostMapping(SIDA + "/{ar}")
  String spara(
      @PathVariable String ar,
      @RequestParam MultiValueMap<String, String> falt,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    kravAdmin(in);
    int aret = DefinitionApiController.ar(ar);
    Map<String, List<String>> positiv = new LinkedHashMap<>();
    StatistikDefinition.POSITIVA_DELRADER.forEach(d -> positiv.put(d, new ArrayList<>()));
    List<String> halsoskal = new ArrayList<>();
    for (DefinitionAdministration.Orsak o : administration.orsaker()) {
      String val = falt.getFirst("orsak_" + o.kod());
      if (val == null || val.equals(OVRIGT)) {
        continue;
      }
      if (val.equals(HALSOSKAL)) {
        halsoskal.add(o.kod());
      } else if (positiv.containsKey(val)) {
        positiv.get(val).add(o.kod());
      } else {
        positiv.put(val, new ArrayList<>(List.of(o.kod())));
      }
    }
    String anonyma = falt.getFirst("anonymaITotalen");
    DefinitionAdministration.Andring andring =
        new DefinitionAdministration.Andring(
            falt.getFirst("beskrivning"),
            positiv,
            halsoskal,
            anonyma == null ? null : Boolean.valueOf(anonyma),
            falt.getFirst("delradAndelAv"));
    try {
      administration.spara(aret, andring, in.anvandare());
    } catch (ValideringsFel e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      StatistikDefinition utkast =
          new StatistikDefinition(
              aret,
              andring.beskrivning(),
              positiv,
              halsoskal,
              andring.anonymaITotalen() == null || andring.anonymaITotalen(),
              andring.delradAndelAv());
      return visa(
          model, in, new DefinitionAdministration.Galler(aret, true, utkast), e.fel(), null);
    }
    redirect.addFlashAttribute("meddelande", "Definitionen för " + aret + " är sparad.");
    return "redirect:" + SIDA + "?ar=" + aret;
  }

  private String visa(
      Model model,
      Inloggning in,
      DefinitionAdministration.Galler galler,
      Map<String, String> fel,
      String meddelande) {
    StatistikDefinition d = galler.definition();
    Map<String, String> valPerOrsak = new LinkedHashMap<>();
    List<DefinitionAdministration.Orsak> orsaker =
        administration.orsaker().stream().filter(o -> !o.utanforStatistik()).toList();
    for (DefinitionAdministration.Orsak o : orsaker) {
      String delrad = d.positivDelrad(o.kod());
      valPerOrsak.put(
          o.kod(),
          delrad != null ? delrad : d.avbrottHalsoskal().contains(o.kod()) ? HALSOSKAL : OVRIGT);
    }
    model.addAttribute("galler", galler);
    model.addAttribute("definition", d);
    model.addAttribute("orsaker", orsaker);
    model.addAttribute("valPerOrsak", valPerOrsak);
    model.addAttribute("val", VAL);
    model.addAttribute("sparade", administration.alla(in.anvandare()));
    if (fel != null) {
      model.addAttribute("fel", fel);
    }
    if (meddelande != null) {
      model.addAttribute("meddelande", meddelande);
    }
    return "statistik/definitioner";
  }

  private static void kravAdmin(Inloggning in) {
    if (!in.anvandare().harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara administratörer kan ändra statistikens definitioner.");
    }
  }
}
