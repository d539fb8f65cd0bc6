package se.flerpart.uppgift;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

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

  @GetMapping
  public List<UppgiftDto> lista(
      @RequestParam(defaultValue = "mina") String vy, @AuthenticationPrincipal Inloggning in) {
    List<Uppgift> lista = uppgifter.lista(vy(vy), in.anvandare());
    Map<UUID, String> individ = uppgifter.individnamn(lista, in.anvandare());
    return lista.stream()
        .map(u -> UppgiftDto.av(u, u.arendeId() == null ? null : individ.get(u.arendeId())))
        .toList();
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
    uppgifter.slutfor(id, variabler == null ? Map.of() : variabler, in.anvandare());
    boolean iMotorn = uppgifter.skickaTillMotorn(id);
    return Map.of(
        "id",
        id,
        "status",
        iMotorn ? UppgiftStatus.SLUTFORD.name() : UppgiftStatus.INSKICKAD.name(),
        "meddelande",
        iMotorn
            ? "Uppgiften är slutförd."
            : "Uppgiften är sparad och skickas till processmotorn så snart den svarar.");
  }

  static UppgiftService.Vy vy(String vy) {
    return switch (vy.toLowerCase()) {
      case "mina" -> UppgiftService.Vy.MINA;
      case "grupp", "gruppens" -> UppgiftService.Vy.GRUPP;
      case "alla" -> UppgiftService.Vy.ALLA;
      default -> throw new ValideringsFel("vy", "Vyn ska vara mina, grupp eller alla");
    };
  }
}
