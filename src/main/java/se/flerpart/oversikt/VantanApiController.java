package se.flerpart.oversikt;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;

/**
 * {@code GET /api/oversikt/vantan}: per part and kind of wait ({@code kallelsesvar}, {@code
 * atgard}, {@code komplettering}), how many open cases wait for that part and how long. Same
 * filters and access as {@code GET /api/oversikt}; only figures, no case numbers.
 */
@RestController
class VantanApiController {

  private final Processoversikt oversikt;
  private final Partsvantan vantan;

  VantanApiController(Processoversikt oversikt, Partsvantan vantan) {
    this.oversikt = oversikt;
    this.vantan = vantan;
  }

  /** One part and kind of wait; days have one decimal. */
  record VantanSvar(
      String part,
      String partNamn,
      String slag,
      int antal,
      double medianDagar,
      double langstDagar,
      double summaDagar) {}

  @GetMapping("/api/oversikt/vantan")
  List<VantanSvar> vantan(
      @RequestParam(required = false) String insats,
      @RequestParam(required = false) String part,
      @AuthenticationPrincipal Inloggning in) {
    Processoversikt.kravLasare(in.anvandare());
    return vantan.perPartOchSlag(oversikt.tolka(insats, part)).stream()
        .map(
            s ->
                new VantanSvar(
                    s.part(),
                    s.partNamn(),
                    s.slag(),
                    s.antal(),
                    s.medianDagar(),
                    s.langstDagar(),
                    s.summaDagar()))
        .toList();
  }
}
