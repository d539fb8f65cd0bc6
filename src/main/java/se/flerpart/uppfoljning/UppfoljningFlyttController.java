package se.flerpart.uppfoljning;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.uppgift.Uppgiftslista;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * Moving the next follow-up: {@code PUT /api/arenden/{id}/nasta-uppfoljning} with {@code {"datum":
 * "ÅÅÅÅ-MM-DD"}}, the form in a {@code folj-upp-plan} row of the task list, and on the case page
 * while the plan waits for its next follow-up.
 */
@Controller
class UppfoljningFlyttController {

  record Datum(String datum) {}

  private final UppfoljningFlytt flytt;

  UppfoljningFlyttController(UppfoljningFlytt flytt) {
    this.flytt = flytt;
  }

  @PutMapping("/api/arenden/{id}/nasta-uppfoljning")
  @ResponseBody
  public Map<String, String> flytta(
      @PathVariable String id,
      @RequestBody(required = false) Datum body,
      @AuthenticationPrincipal Inloggning in) {
    LocalDate dag = flytt.flytta(id, body == null ? null : body.datum(), in.anvandare());
    return Map.of("nastaUppfoljning", dag.toString());
  }

  @PostMapping("/arenden/{id}/nasta-uppfoljning")
  public String flyttaFranArendet(
      @PathVariable String id,
      @RequestParam(required = false) String datum,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      LocalDate dag = flytt.flytta(id, datum, in.anvandare());
      redirect.addFlashAttribute("meddelande", "Nästa uppföljning är flyttad till " + dag + ".");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("fel", "Nästa uppföljning: " + String.join(" ", e.fel().values()));
    } catch (Konflikt e) {
      redirect.addFlashAttribute("fel", e.getMessage());
    }
    return "redirect:/arenden/" + id;
  }

  @PostMapping("/uppgifter/{id}/nasta-uppfoljning")
  public String flyttaFranListan(
      @PathVariable long id,
      @RequestParam(required = false) String datum,
      @RequestParam(required = false) String tillbaka,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      LocalDate dag = flytt.flytta(id, datum, in.anvandare());
      redirect.addFlashAttribute(
          "meddelande", "Uppföljningen är flyttad till " + dag + " och kommer tillbaka då.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("fel", String.join(" ", e.fel().values()));
    } catch (AtkomstNekad | Konflikt e) {
      redirect.addFlashAttribute("fel", e.getMessage());
    }
    return "redirect:" + Uppgiftslista.tillbaka(tillbaka, "/uppgifter");
  }
}
