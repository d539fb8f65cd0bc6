package se.flerpart.avvikelse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The deviation pages: the processledare's overview (everyone else's own list), the report form, a
 * deviation's history and the Excel export.
 */
@Controller
class AvvikelseController {

  private final AvvikelseService avvikelser;
  private final AvvikelseVisning visning;
  private final AvvikelseUppgifter uppgifter;
  private final AvvikelsetypService typer;
  private final Avvikelserapport rapport;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final PartRepository parter;
  private final InsatsRepository insatser;
  private final ObjectMapper json;

  private final Clock klocka;

  AvvikelseController(
      AvvikelseService avvikelser,
      AvvikelseVisning visning,
      AvvikelseUppgifter uppgifter,
      AvvikelsetypService typer,
      Avvikelserapport rapport,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      PartRepository parter,
      InsatsRepository insatser,
      ObjectMapper json,
      Clock klocka) {
    this.klocka = klocka;
    this.avvikelser = avvikelser;
    this.visning = visning;
    this.uppgifter = uppgifter;
    this.typer = typer;
    this.rapport = rapport;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.parter = parter;
    this.insatser = insatser;
    this.json = json;
  }

  // ------------------------------------------------------------------ översikt

  @GetMapping("/avvikelser")
  public String lista(
      @RequestParam(defaultValue = AvvikelseFilter.OPPNA) String status,
      @RequestParam(required = false) String part,
      @RequestParam(required = false) String typ,
      @AuthenticationPrincipal Inloggning in,
      Model model)
      throws JsonProcessingException {
    Anvandare vem = in.anvandare();
    AvvikelseFilter filter = filter(status, part, typ);
    List<AvvikelseVy> synliga = visning.lista(avvikelser.synligaFor(vem));
    model.addAttribute("filter", filter);
    model.addAttribute("avvikelser", synliga.stream().filter(filter::matchar).toList());
    model.addAttribute("processledare", vem.harRoll(Anvandare.PROCESSLEDARE));
    model.addAttribute("statusar", AvvikelseStatus.values());
    model.addAttribute("parter", parter.alla());
    model.addAttribute("typer", typer.alla());
    model.addAttribute("exportLank", exportLank(filter));
    if (vem.harRoll(Anvandare.PROCESSLEDARE)) {
      AvvikelseStatistik.Oversikt oversikt =
          AvvikelseStatistik.oversikt(
              synliga.stream().filter(filter::matcharPartOchTyp).toList(), klocka.instant());
      model.addAttribute("oversikt", oversikt);
      model.addAttribute(
          "trendJson",
          json.writeValueAsString(
              Map.of("manad", oversikt.perManad(), "kvartal", oversikt.perKvartal())));
    }
    return "avvikelse/lista";
  }

  /** An unknown status in the address shows the open ones rather than an error page. */
  private static AvvikelseFilter filter(String status, String part, String typ) {
    try {
      return new AvvikelseFilter(status, part, typ);
    } catch (ValideringsFel e) {
      return new AvvikelseFilter(AvvikelseFilter.OPPNA, part, typ);
    }
  }

  private static String exportLank(AvvikelseFilter f) {
    StringBuilder lank = new StringBuilder("/avvikelser/export.xlsx?status=").append(f.status());
    if (f.part() != null) {
      lank.append("&part=").append(f.part());
    }
    if (f.typ() != null) {
      lank.append("&typ=").append(f.typ());
    }
    return lank.toString();
  }

  @GetMapping("/avvikelser/export.xlsx")
  public ResponseEntity<byte[]> export(
      @RequestParam(defaultValue = AvvikelseFilter.ALLA) String status,
      @RequestParam(required = false) String part,
      @RequestParam(required = false) String typ,
      @AuthenticationPrincipal Inloggning in) {
    AvvikelseFilter filter = new AvvikelseFilter(status, part, typ);
    return AvvikelseApiController.excel(
        visning.lista(avvikelser.synligaFor(in.anvandare())).stream()
            .filter(filter::matchar)
            .toList());
  }

  @PostMapping("/avvikelser/rapport")
  public String begarRapport(@AuthenticationPrincipal Inloggning in, RedirectAttributes redirect) {
    rapport.begar(in.anvandare());
    redirect.addFlashAttribute(
        "meddelande", "Avvikelserapporten skickas till arbetsgruppen inom en liten stund.");
    return "redirect:/avvikelser";
  }

  // ------------------------------------------------------------------ rapportera

  /** The web form's fields; the amount arrives as text so that "12,5" can be read. */
  public record AvvikelseForm(
      String typ,
      String beskrivning,
      String berordPart,
      String arendeId,
      String insats,
      String beloppTkr) {}

  @GetMapping("/avvikelser/ny")
  public String ny(
      @RequestParam(required = false) String arendeId,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    if (!model.containsAttribute("form")) {
      Arende arende = arende(arendeId, in.anvandare());
      model.addAttribute(
          "form",
          new AvvikelseForm(
              "",
              "",
              arende == null ? "" : arende.aktualiserandePart(),
              arende == null ? "" : arende.id().toString(),
              "",
              ""));
    }
    AvvikelseForm form = (AvvikelseForm) model.getAttribute("form");
    Arende arende = arende(form.arendeId(), in.anvandare());
    model.addAttribute("arendenummer", arende == null ? null : arende.arendenummer());
    List<Avvikelsetyp> aktiva = typer.alla().stream().filter(Avvikelsetyp::aktiv).toList();
    model.addAttribute("arendetyper", aktiva.stream().filter(t -> !t.arInsatstyp()).toList());
    model.addAttribute("insatstyper", aktiva.stream().filter(Avvikelsetyp::arInsatstyp).toList());
    model.addAttribute("parter", parter.alla());
    model.addAttribute("insatser", insatser.aktiva());
    return "avvikelse/ny";
  }

  /** The case the form refers to, if the user may see it; anything else is left out. */
  private Arende arende(String arendeId, Anvandare vem) {
    if (arendeId == null || arendeId.isBlank()) {
      return null;
    }
    try {
      Arende a = arenden.hamta(arendeId);
      return atkomst.kanSe(vem, a) ? a : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  @PostMapping("/avvikelser")
  public String rapportera(
      @ModelAttribute("form") AvvikelseForm form,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    try {
      boolean insatstyp =
          typer.alla().stream().anyMatch(t -> t.kod().equals(form.typ()) && t.arInsatstyp());
      Avvikelse a =
          avvikelser.rapportera(
              new NyAvvikelse(
                  form.typ(),
                  form.beskrivning(),
                  form.berordPart(),
                  insatstyp ? null : form.arendeId(),
                  insatstyp ? form.insats() : null,
                  insatstyp ? belopp(form.beloppTkr()) : null),
              in.anvandare(),
              "WEBB");
      return "redirect:/avvikelser/" + a.id() + "?rapporterad";
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
      model.addAttribute("etiketter", ETIKETTER);
      return ny(form.arendeId(), in, model);
    }
  }

  /** The form's labels, which begin each line of the error summary. */
  private static final Map<String, String> ETIKETTER =
      Map.of(
          "typ", "Typ av avvikelse",
          "berordPart", "Berörd part",
          "arendeId", "Ärende",
          "insats", "Insats",
          "beloppTkr", "Belopp i tkr",
          "beskrivning", "Beskrivning");

  private static BigDecimal belopp(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new ValideringsFel(
          "beloppTkr", "Ange beloppet som ett tal i tkr, till exempel 250 eller 12,5");
    }
  }

  // ------------------------------------------------------------------ en avvikelse

  @GetMapping("/avvikelser/{id}")
  public String visa(@PathVariable String id, @AuthenticationPrincipal Inloggning in, Model model) {
    Avvikelse a = avvikelser.hamta(id, in.anvandare());
    model.addAttribute("avvikelse", visning.detalj(a, uppgifter.oppnaVy(a, in.anvandare())));
    model.addAttribute(
        "kanPaborja",
        in.anvandare().harRoll(Anvandare.PROCESSLEDARE) && a.status() == AvvikelseStatus.NY);
    return "avvikelse/visa";
  }

  @PostMapping("/avvikelser/{id}/paborja-bedomning")
  public String paborjaBedomning(
      @PathVariable String id,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    Avvikelse a = avvikelser.hamta(id, in.anvandare());
    try {
      var uppgift = uppgifter.paborjaBedomning(a.id(), in.anvandare());
      if (uppgift.isPresent()) {
        return "redirect:/uppgifter/" + uppgift.get().id();
      }
      redirect.addFlashAttribute("meddelande", "Bedömningen är påbörjad.");
    } catch (Konflikt | AtkomstNekad e) {
      redirect.addFlashAttribute("fel", e.getMessage());
    }
    return "redirect:/avvikelser/" + a.id();
  }

  // ------------------------------------------------------------------ typer (administratör)

  /** The administrator edits the types among the other administration pages. */
  @GetMapping("/avvikelser/typer")
  public String typer() {
    return "redirect:/admin/avvikelsetyper";
  }
}
