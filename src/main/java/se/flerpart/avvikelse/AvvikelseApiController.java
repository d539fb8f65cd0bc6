package se.flerpart.avvikelse;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.Idempotens;
import se.flerpart.web.ValideringsFel;

@RestController
@RequestMapping("/api/avvikelser")
class AvvikelseApiController {

  private final AvvikelseService avvikelser;
  private final AvvikelseVisning visning;
  private final AvvikelseUppgifter uppgifter;
  private final AvvikelsetypService typer;
  private final Avvikelserapport rapport;
  private final Idempotens idempotens;

  private final Clock klocka;

  AvvikelseApiController(
      AvvikelseService avvikelser,
      AvvikelseVisning visning,
      AvvikelseUppgifter uppgifter,
      AvvikelsetypService typer,
      Avvikelserapport rapport,
      Idempotens idempotens,
      Clock klocka) {
    this.klocka = klocka;
    this.idempotens = idempotens;
    this.avvikelser = avvikelser;
    this.visning = visning;
    this.uppgifter = uppgifter;
    this.typer = typer;
    this.rapport = rapport;
  }

  /** Reports a deviation; {@code 201 {"id": …}}, or 400 with a Swedish message per field. */
  @PostMapping
  public ResponseEntity<Map<String, Object>> rapportera(
      @RequestBody NyAvvikelse avvikelse,
      @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel,
      @AuthenticationPrincipal Inloggning in) {
    Idempotens.Resultat r =
        idempotens.skapa(
            in.anvandare().id(),
            "avvikelse",
            nyckel,
            avvikelse,
            () -> avvikelser.rapportera(avvikelse, in.anvandare(), "API").id());
    Avvikelse a = avvikelser.hamta(r.id());
    return ResponseEntity.status(r.upprepad() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/avvikelser/" + a.id()))
        .body(Map.of("id", a.id(), "nummer", a.nummer(), "status", a.status().name()));
  }

  /**
   * The deviations the caller may see, oldest first: the processledare every one, others those they
   * reported or investigate. {@code format=xlsx} gives the same list as an Excel file.
   */
  @GetMapping
  public ResponseEntity<?> lista(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String part,
      @RequestParam(required = false) String typ,
      @RequestParam(defaultValue = "json") String format,
      @AuthenticationPrincipal Inloggning in) {
    AvvikelseFilter filter = new AvvikelseFilter(status, part, typ);
    List<AvvikelseVy> lista =
        visning.lista(avvikelser.synligaFor(in.anvandare())).stream()
            .filter(filter::matchar)
            .toList();
    return switch (format.toLowerCase()) {
      case "json" -> ResponseEntity.ok(lista);
      case "xlsx" -> excel(lista);
      default -> throw new ValideringsFel("format", "Formatet ska vara json eller xlsx");
    };
  }

  static ResponseEntity<byte[]> excel(List<AvvikelseVy> lista) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(AvvikelseExcel.MEDIATYP))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"avvikelser-"
                + LocalDate.now(AvvikelseService.SVERIGE)
                + ".xlsx\"")
        .body(AvvikelseExcel.skapa(lista));
  }

  /** One deviation with its history and the open tasks the caller may see. */
  @GetMapping("/{id}")
  public AvvikelseVy hamta(@PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    Avvikelse a = avvikelser.hamta(id, in.anvandare());
    return visning.detalj(a, uppgifter.oppnaVy(a, in.anvandare()));
  }

  /** The processledare starts the assessment and takes its task. */
  @PostMapping("/{id}/paborja-bedomning")
  public AvvikelseVy paborjaBedomning(
      @PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    Avvikelse a = avvikelser.hamta(id, in.anvandare());
    uppgifter.paborjaBedomning(a.id(), in.anvandare());
    return hamta(id, in);
  }

  /** The type codes with their Swedish names, whether they concern a case or an insats. */
  @GetMapping("/typer")
  public List<TypDto> typer() {
    return typer.alla().stream().map(TypDto::av).toList();
  }

  public record TypDto(
      String kod,
      String namn,
      String kategori,
      boolean arendetyp,
      boolean insatstyp,
      boolean aktiv,
      boolean fast,
      String standardtext) {
    static TypDto av(Avvikelsetyp t) {
      return new TypDto(
          t.kod(),
          t.namn(),
          t.kategori(),
          !t.arInsatstyp(),
          t.arInsatstyp(),
          t.aktiv(),
          t.fast(),
          t.standardtext());
    }
  }

  @PostMapping("/typer")
  public ResponseEntity<TypDto> skapaTyp(
      @RequestBody AvvikelsetypService.Typ typ, @AuthenticationPrincipal Inloggning in) {
    Avvikelsetyp t = typer.skapa(typ, in.anvandare());
    return ResponseEntity.created(URI.create("/api/avvikelser/typer/" + t.kod()))
        .body(TypDto.av(t));
  }

  /** Renames, retires ({@code "aktiv": false}) or brings back a type. */
  @PutMapping("/typer/{kod}")
  public TypDto andraTyp(
      @PathVariable String kod,
      @RequestBody AvvikelsetypService.Typ typ,
      @AuthenticationPrincipal Inloggning in) {
    return TypDto.av(typer.andra(kod, typ, in.anvandare()));
  }

  @DeleteMapping("/typer/{kod}")
  public ResponseEntity<Void> taBortTyp(
      @PathVariable String kod, @AuthenticationPrincipal Inloggning in) {
    typer.taBort(kod, in.anvandare());
    return ResponseEntity.noContent().build();
  }

  /** The processledare asks for the avvikelserapport now, outside its monthly schedule. */
  @PostMapping("/rapport")
  public ResponseEntity<Map<String, Object>> begarRapport(@AuthenticationPrincipal Inloggning in) {
    long instans = rapport.begar(in.anvandare());
    Map<String, Object> svar = new LinkedHashMap<>();
    svar.put("processInstans", instans);
    svar.put("meddelande", "Avvikelserapporten skickas till arbetsgruppen.");
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(svar);
  }
}
