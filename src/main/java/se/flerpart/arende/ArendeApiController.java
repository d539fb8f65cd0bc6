package se.flerpart.arende;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.Idempotens;

@RestController
@RequestMapping("/api/arenden")
class ArendeApiController {

  private final ArendeService arenden;
  private final ArendeLasning lasning;
  private final ArendeAtkomst atkomst;
  private final Idempotens idempotens;

  ArendeApiController(
      ArendeService arenden, ArendeLasning lasning, ArendeAtkomst atkomst, Idempotens idempotens) {
    this.arenden = arenden;
    this.idempotens = idempotens;
    this.lasning = lasning;
    this.atkomst = atkomst;
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> registrera(
      @RequestBody Aktualisering aktualisering,
      @RequestHeader(name = Idempotens.RUBRIK, required = false) String nyckel,
      @AuthenticationPrincipal Inloggning in) {
    Idempotens.Resultat r =
        idempotens.skapa(
            in.anvandare().id(),
            "arende",
            nyckel,
            aktualisering,
            () -> arenden.registrera(aktualisering, in.anvandare()).id());
    Arende a = arenden.hamta(r.id());
    return ResponseEntity.status(r.upprepad() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/arenden/" + a.id()))
        .body(Map.of("id", a.id(), "arendenummer", a.arendenummer(), "status", a.status().name()));
  }

  @GetMapping("/{id}")
  public ArendeVy hamta(@PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    return lasning.vy(arenden.hamta(id), in.anvandare());
  }

  /** Replaces what is known about the person: a field left out is emptied. */
  @PutMapping("/{id}/individ")
  public ArendeVy andraIndivid(
      @PathVariable String id,
      @RequestBody(required = false) Individ body,
      @AuthenticationPrincipal Inloggning in) {
    Arende a = arenden.hamta(id);
    atkomst.kravSe(in.anvandare(), a);
    return lasning.vy(arenden.andraIndivid(a.id(), body, in.anvandare(), atkomst), in.anvandare());
  }

  public record Aterkallelse(String datum, String hur) {}

  @PostMapping("/{id}/aterkalla-samtycke")
  public ArendeVy aterkallaSamtycke(
      @PathVariable String id,
      @RequestBody(required = false) Aterkallelse body,
      @AuthenticationPrincipal Inloggning in) {
    Arende a = arenden.hamta(id);
    return lasning.vy(
        arenden.aterkallaSamtycke(
            a.id(),
            body == null ? null : body.datum(),
            body == null ? null : body.hur(),
            in.anvandare()),
        in.anvandare());
  }

  public record Avbrytande(String orsak) {}

  @PostMapping("/{id}/avbryt")
  public ArendeVy avbryt(
      @PathVariable String id,
      @RequestBody(required = false) Avbrytande body,
      @AuthenticationPrincipal Inloggning in) {
    Arende a = arenden.hamta(id);
    return lasning.vy(
        arenden.avbryt(a.id(), body == null ? null : body.orsak(), in.anvandare()), in.anvandare());
  }

  @GetMapping
  public List<ArendeVy> lista(@AuthenticationPrincipal Inloggning in) {
    return lasning.lista(in.anvandare());
  }
}
