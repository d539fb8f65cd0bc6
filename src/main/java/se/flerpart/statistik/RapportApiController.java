package se.flerpart.statistik;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
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
  private final Clock klocka;

  RapportApiController(Statistikrapporter rapporter, Clock klocka) {
    this.rapporter = rapporter;
    this.klocka = klocka;
  }

  @GetMapping("/api/rapporter")
  public Rapport alla(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @RequestParam(required = false) String insats,
      @RequestParam(defaultValue = "json") String format,
      @AuthenticationPrincipal Inloggning in) {
    krav(in.anvandare());
    Rapportfraga fraga = fraga(fran, till, insats);
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
    krav(in.anvandare());
    return rapporter.tabell(tabell, fraga(fran, till, insats));
  }

  static void krav(Anvandare vem) {
    if (!vem.harRoll(Anvandare.PROCESSLEDARE) && !vem.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara processledare och administratör kan ta ut statistiken.");
    }
  }

  /**
   * The period as asked; a missing {@code fran} is the first of January of {@code till}'s year, a
   * missing {@code till} is today.
   */
  Rapportfraga fraga(String fran, String till, String insats) {
    Map<String, String> fel = new LinkedHashMap<>();
    LocalDate f = datum(fel, "fran", fran);
    LocalDate t = datum(fel, "till", till);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    LocalDate idag = LocalDate.now(klocka.withZone(ArendeService.SVERIGE));
    if (t == null) {
      t = idag;
    }
    if (f == null) {
      f = t.withDayOfYear(1);
    }
    return new Rapportfraga(f, t, insats == null || insats.isBlank() ? null : insats.strip());
  }

  private static LocalDate datum(Map<String, String> fel, String falt, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      fel.put(falt, "Ange datum som ÅÅÅÅ-MM-DD");
      return null;
    }
  }
}
