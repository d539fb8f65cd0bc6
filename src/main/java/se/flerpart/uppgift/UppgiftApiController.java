package se.flerpart.uppgift;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;

@RestController
@RequestMapping("/api/uppgifter")
public class UppgiftApiController {

  private final UppgiftService uppgifter;

  public UppgiftApiController(UppgiftService uppgifter) {
    this.uppgifter = uppgifter;
  }

  /** A task as the API shows it. */
  public record UppgiftDto(
      long id,
      String namn,
      String elementId,
      UUID arendeId,
      String arendenummer,
      String formularId,
      String tilldelad,
      List<String> kandidatgrupper,
      Instant forfallodatum,
      Instant skapad,
      String status,
      String individ) {

    public static UppgiftDto av(Uppgift u) {
      return av(u, null);
    }

    /**
     * @param individ the person's name, only for a caller inside the case's consent scope
     */
    public static UppgiftDto av(Uppgift u, String individ) {
      Object nummer = u.variabler().get("arendenummer");
      return new UppgiftDto(
          u.id(),
          u.namn(),
          u.elementId(),
          u.arendeId(),
          nummer == null ? null : nummer.toString(),
          u.formularId(),
          u.tilldelad(),
          u.kandidatgrupper(),
          u.forfallodatum(),
          u.skapad(),
          u.status().name(),
          individ);
    }
  }

  /**
   * The open tasks of a view, filtered, sorted and, with {@code sida}, paged; the number of
   * matching tasks in all is in the header {@code X-Totalt-Antal}. See {@link Uppgiftsurval}.
   */
  @GetMapping
  public ResponseEntity<List<UppgiftDto>> lista(
      @RequestParam(required = false) String vy,
      @RequestParam(required = false) String sortering,
      @RequestParam(required = false) String typ,
      @RequestParam(required = false) String forfallen,
      @RequestParam(required = false) String sok,
      @RequestParam(required = false) String arende,
      @RequestParam(required = false) String insats,
      @RequestParam(required = false) String tilldelad,
      @RequestParam(required = false) String sida,
      @RequestParam(required = false) String storlek,
      @AuthenticationPrincipal Inloggning in) {
    Uppgiftsurval urval =
        Uppgiftsurval.tolka(
            vy, sortering, typ, forfallen, sok, arende, insats, tilldelad, sida, storlek);
    UppgiftRepository.Sida svar = uppgifter.lista(urval, in.anvandare());
    Map<UUID, String> individ = uppgifter.individnamn(svar.uppgifter(), in.anvandare());
    return ResponseEntity.ok()
        .header(TOTALT_ANTAL, String.valueOf(svar.totalt()))
        .body(
            svar.uppgifter().stream()
                .map(u -> UppgiftDto.av(u, u.arendeId() == null ? null : individ.get(u.arendeId())))
                .toList());
  }

  /** The header that carries how many tasks match in all, whatever page the answer holds. */
  public static final String TOTALT_ANTAL = "X-Totalt-Antal";

  public record Forfallodatum(String forfallodatum) {}

  @PutMapping("/{id}/forfallodatum")
  public UppgiftDto andraForfallodatum(
      @PathVariable long id,
      @RequestBody(required = false) Forfallodatum body,
      @AuthenticationPrincipal Inloggning in) {
    return UppgiftDto.av(
        uppgifter.andraForfallodatum(
            id, body == null ? null : body.forfallodatum(), in.anvandare()));
  }

  public record NyKommentar(String text) {}

  @GetMapping("/{id}/kommentarer")
  public List<Kommentar> kommentarer(
      @PathVariable long id, @AuthenticationPrincipal Inloggning in) {
    return uppgifter.kommentarer(id, in.anvandare());
  }

  @PostMapping("/{id}/kommentarer")
  public ResponseEntity<Kommentar> kommentera(
      @PathVariable long id,
      @RequestBody(required = false) NyKommentar body,
      @AuthenticationPrincipal Inloggning in) {
    return ResponseEntity.status(201)
        .body(uppgifter.kommentera(id, body == null ? null : body.text(), in.anvandare()));
  }

  @GetMapping("/{id}")
  public UppgiftDto hamta(@PathVariable long id, @AuthenticationPrincipal Inloggning in) {
    return UppgiftDto.av(uppgifter.hamta(id, in.anvandare()));
  }

  @GetMapping("/{id}/formular")
  public UppgiftService.FormularMedData formular(
      @PathVariable long id, @AuthenticationPrincipal Inloggning in) {
    return uppgifter.formular(id, in.anvandare());
  }

  public record Tilldelning(String anvandare) {}

  @PostMapping("/{id}/tilldela")
  public UppgiftDto tilldela(
      @PathVariable long id,
      @RequestBody(required = false) Tilldelning body,
      @AuthenticationPrincipal Inloggning in) {
    String till = body == null || body.anvandare() == null ? in.anvandare().id() : body.anvandare();
    return UppgiftDto.av(uppgifter.tilldela(id, till, in.anvandare()));
  }

  @PostMapping("/{id}/slapp")
  public UppgiftDto slapp(@PathVariable long id, @AuthenticationPrincipal Inloggning in) {
    return UppgiftDto.av(uppgifter.slapp(id, in.anvandare()));
  }

  @PostMapping("/{id}/slutfor")
  public Map<String, Object> slutfor(
      @PathVariable long id,
      @RequestBody(required = false) Map<String, Object> variabler,
      @AuthenticationPrincipal Inloggning in) {
    Uppgift u = uppgifter.slutfor(id, variabler == null ? Map.of() : variabler, in.anvandare());
    boolean iMotorn = uppgifter.skickaTillMotorn(id);
    return Map.of(
        "id",
        id,
        "status",
        iMotorn ? UppgiftStatus.SLUTFORD.name() : UppgiftStatus.INSKICKAD.name(),
        "meddelande",
        iMotorn
            ? uppgifter.bekraftelse(u)
            : "Uppgiften är sparad och skickas till processmotorn så snart den svarar.");
  }

  static UppgiftService.Vy vy(String vy) {
    return Uppgiftsurval.vy(vy);
  }
}
