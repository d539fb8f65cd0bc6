package se.flerpart.oversikt;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;

/** {@code GET /api/oversikt}: per BPMN step where open cases stand, how many and how long. */
@RestController
class OversiktApiController {

  private final Processoversikt oversikt;

  OversiktApiController(Processoversikt oversikt) {
    this.oversikt = oversikt;
  }

  /** One step; days have one decimal. */
  record StegSvar(
      String process,
      String elementId,
      String namn,
      int antal,
      double medianDagar,
      double langstDagar) {}

  @GetMapping("/api/oversikt")
  List<StegSvar> oversikt(
      @RequestParam(required = false) String insats,
      @RequestParam(required = false) String part,
      @AuthenticationPrincipal Inloggning in) {
    Processoversikt.kravLasare(in.anvandare());
    return oversikt.steg(oversikt.tolka(insats, part)).stream()
        .map(
            s ->
                new StegSvar(
                    s.process(),
                    s.elementId(),
                    s.namn(),
                    s.antal(),
                    s.medianDagar(),
                    s.langstDagar()))
        .toList();
  }
}
