package se.flerpart.oversikt;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.ValideringsFel;

/**
 * The page {@code /oversikt}: the processes drawn with a heat map, and the same figures as a table.
 */
@Controller
class OversiktController {

  private final Processoversikt oversikt;
  private final Partsvantan vantan;

  OversiktController(Processoversikt oversikt, Partsvantan vantan) {
    this.oversikt = oversikt;
    this.vantan = vantan;
  }

  @GetMapping("/oversikt")
  String sida(
      @RequestParam(required = false) String insats,
      @RequestParam(required = false) String part,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    Processoversikt.kravLasare(in.anvandare());
    Map<String, String> parter = oversikt.parter();
    model.addAttribute("insatser", oversikt.insatser());
    model.addAttribute("parter", parter);
    model.addAttribute("insats", insats);
    model.addAttribute("part", part);
    model.addAttribute("processer", Processoversikt.PROCESSER);
    model.addAttribute("processnamn", PROCESSNAMN);
    model.addAttribute("vantanSlag", Partsvantan.SLAG);
    try {
      Processoversikt.Urval urval = oversikt.tolka(insats, part);
      model.addAttribute("steg", oversikt.steg(urval));
      model.addAttribute("utanSteg", oversikt.utanSteg(urval));
      List<Partsvantan.Part> perPart = vantan.perPart(urval);
      model.addAttribute("vantan", perPart);
      model.addAttribute(
          "vantanMax", perPart.stream().mapToDouble(p -> p.totalt().summaDagar()).max().orElse(0));
    } catch (ValideringsFel e) {
      model.addAttribute("fel", e.fel());
      model.addAttribute("steg", List.of());
      model.addAttribute("utanSteg", List.of());
      model.addAttribute("vantan", List.of());
    }
    return "oversikt/sida";
  }

  static final Map<String, String> PROCESSNAMN =
      Map.of(
          "arende", "Ärendet",
          "flerpartsmote", "Flerpartsmöte",
          "uppfoljning", "Uppföljning");

  /** The BPMN model bpmn-js draws; only the three processes of the page. */
  @GetMapping("/oversikt/bpmn/{process}")
  ResponseEntity<byte[]> bpmn(@PathVariable String process, @AuthenticationPrincipal Inloggning in)
      throws IOException {
    Processoversikt.kravLasare(in.anvandare());
    return bpmnSvar(process);
  }

  /** One of {@link Processoversikt#PROCESSER}'s BPMN XML for bpmn-js; 404 for any other. */
  static ResponseEntity<byte[]> bpmnSvar(String process) throws IOException {
    if (!Processoversikt.PROCESSER.contains(process)) {
      throw new EjFunnen("Processen finns inte.");
    }
    Resource r = Processoversikt.bpmn(process);
    try (var s = r.getInputStream()) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(s.readAllBytes());
    }
  }
}
