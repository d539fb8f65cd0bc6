package se.flerpart.uppgift;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.EjFunnen;

/**
 * A task form's draft: {@code PUT} the form's values as a JSON object while typing, {@code GET}
 * them back when the task is opened again (404 when there is none).
 */
@RestController
@RequestMapping("/api/uppgifter/{id}/utkast")
class UtkastApiController {

  private static final DateTimeFormatter KLOCKSLAG =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Stockholm"));

  private final UtkastService utkast;

  UtkastApiController(UtkastService utkast) {
    this.utkast = utkast;
  }

  @PutMapping
  Map<String, Object> spara(
      @PathVariable long id,
      @RequestBody(required = false) String kropp,
      @AuthenticationPrincipal Inloggning in) {
    var sparat = utkast.spara(id, kropp, in.anvandare());
    String klockslag = KLOCKSLAG.format(sparat.sparad());
    return Map.of(
        "sparad",
        sparat.sparad().toString(),
        "klockslag",
        klockslag,
        "meddelande",
        "Utkast sparat " + klockslag);
  }

  @GetMapping
  ResponseEntity<String> hamta(@PathVariable long id, @AuthenticationPrincipal Inloggning in) {
    var sparat =
        utkast
            .hamta(id, in.anvandare())
            .orElseThrow(() -> new EjFunnen("Det finns inget utkast till uppgiften."));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .lastModified(sparat.sparad())
        .body(sparat.data());
  }
}
