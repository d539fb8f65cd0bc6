package se.flerpart.statistik;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

/**
 * The report tables as JSON, for the processledare and the administrator. Without {@code fran} and
 * {@code till} the period is the current year so far.
 */
@RestController
class RapportApiController {

  /** Every table of a period at once. */
  record Rapport(
      LocalDate fran,
      LocalDate till,
      @JsonInclude(JsonInclude.Include.ALWAYS) String insats,
      List<Tabell> tabeller) {}

  private final Statistikrapporter rapporter;
  private final Rapporturval urval;

  RapportApiController(Statistikrapporter rapporter, Rapporturval urval) {
    this.rapporter = rapporter;
    this.urval = urval;
  }

  @GetMapping("/api/rapporter")
  public Rapport alla(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @RequestParam(required = false) String insats,
      @RequestParam(defaultValue = "json") String format,
      @AuthenticationPrincipal Inloggning in) {
    Rapporturval.kravLasare(in.anvandare());
    Rapportfraga fraga = urval.tolka(fran, till, insats);
    if (!"json".equals(format)) {
      throw new ValideringsFel("format", "Formatet stöds inte – välj json, xlsx eller pdf");
    }
    return new Rapport(fraga.fran(), fraga.till(), fraga.insats(), rapporter.alla(fraga));
  }

  @GetMapping("/api/rapporter/{tabell}")
  public Tabell tabell(
      @PathVariable String tabell,
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @RequestParam(required = false) String insats,
      @AuthenticationPrincipal Inloggning in) {
    Rapporturval.kravLasare(in.anvandare());
    return rapporter.tabell(tabell, urval.tolka(fran, till, insats));
  }
}
