package se.flerpart.statistik;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

/**
 * The statistics definitions per year: {@code GET /api/rapporter/definitioner} (every year's own),
 * {@code GET} and {@code PUT /api/rapporter/definitioner/{ar}}. Reading for processledare and
 * administrators, changing for administrators.
 */
@RestController
class DefinitionApiController {

  private final DefinitionAdministration administration;

  DefinitionApiController(DefinitionAdministration administration) {
    this.administration = administration;
  }

  @GetMapping("/api/rapporter/definitioner")
  List<DefinitionAdministration.SparadDefinition> alla(@AuthenticationPrincipal Inloggning in) {
    return administration.alla(in.anvandare());
  }

  @GetMapping("/api/rapporter/definitioner/{ar}")
  DefinitionAdministration.Galler ar(
      @PathVariable String ar, @AuthenticationPrincipal Inloggning in) {
    return administration.galler(ar(ar), in.anvandare());
  }

  @PutMapping("/api/rapporter/definitioner/{ar}")
  DefinitionAdministration.Galler spara(
      @PathVariable String ar,
      @RequestBody(required = false) DefinitionAdministration.Andring andring,
      @AuthenticationPrincipal Inloggning in) {
    return administration.spara(ar(ar), andring, in.anvandare());
  }

  static int ar(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new ValideringsFel("ar", "Året ska vara ett årtal som 2025.");
    }
  }
}
