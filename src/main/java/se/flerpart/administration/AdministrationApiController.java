package se.flerpart.administration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.administration.AnvandarAdministration.AnvandareIn;
import se.flerpart.administration.InsatsAdministration.Insats;
import se.flerpart.administration.InsatsAdministration.InsatsIn;
import se.flerpart.administration.PartAdministration.PartIn;
import se.flerpart.referens.InsatsRepository.Installningar;
import se.flerpart.referens.PartRepository.Part;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository.Konto;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.web.ValideringsFel;

/**
 * The same administration as the pages, as JSON (ADMIN only): users, parter, insatser with their
 * beredningsgrupper, an inactive user's tasks, and the admin log. Deviation types have their own
 * API under {@code /api/avvikelser/typer}, logged the same way.
 */
@RestController
@RequestMapping("/api/admin")
class AdministrationApiController {

  private final AnvandarAdministration anvandare;
  private final PartAdministration parter;
  private final InsatsAdministration insatser;
  private final Adminlogg logg;

  AdministrationApiController(
      AnvandarAdministration anvandare,
      PartAdministration parter,
      InsatsAdministration insatser,
      Adminlogg logg) {
    this.anvandare = anvandare;
    this.parter = parter;
    this.insatser = insatser;
    this.logg = logg;
  }

  // ------------------------------------------------------------------ användare

  record AnvandareDto(
      String id,
      String namn,
      String epost,
      String part,
      List<String> roller,
      List<String> beredningsgrupper,
      boolean aktiv,
      boolean lokaltLosenord) {

    static AnvandareDto av(Konto k) {
      Anvandare a = k.anvandare();
      return new AnvandareDto(
          a.id(),
          a.namn(),
          a.epost(),
          a.part(),
          a.roller().stream().sorted().toList(),
          a.grupper().stream()
              .filter(g -> g.startsWith("beredning-"))
              .map(g -> g.substring("beredning-".length()))
              .sorted()
              .toList(),
          k.aktiv(),
          k.lokaltLosenord());
    }
  }

  @GetMapping("/anvandare")
  public List<AnvandareDto> anvandare(@AuthenticationPrincipal Inloggning in) {
    return anvandare.lista(in.anvandare()).stream().map(AnvandareDto::av).toList();
  }

  @PostMapping("/anvandare")
  public ResponseEntity<AnvandareDto> skapaAnvandare(
      @RequestBody AnvandareIn ny, @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    Konto k = anvandare.skapa(ny, in.anvandare());
    return ResponseEntity.created(URI.create("/api/admin/anvandare/" + k.anvandare().id()))
        .body(AnvandareDto.av(k));
  }

  @GetMapping("/anvandare/{id}")
  public AnvandareDto anvandare(@PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    return AnvandareDto.av(anvandare.hamta(id, in.anvandare()));
  }

  @PutMapping("/anvandare/{id}")
  public AnvandareDto andraAnvandare(
      @PathVariable String id,
      @RequestBody AnvandareIn andring,
      @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    return AnvandareDto.av(
        anvandare.andra(
            id,
            new AnvandareIn(
                id,
                andring.namn(),
                andring.epost(),
                andring.part(),
                andring.roller(),
                andring.telefon()),
            in.anvandare()));
  }

  @PostMapping("/anvandare/{id}/inaktivera")
  public AnvandareDto inaktivera(@PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    return AnvandareDto.av(anvandare.inaktivera(id, in.anvandare()));
  }

  @PostMapping("/anvandare/{id}/aktivera")
  public AnvandareDto aktivera(@PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    return AnvandareDto.av(anvandare.aktivera(id, in.anvandare()));
  }

  /** An open task of a user, and who may take it over (when the user is inactive). */
  record UppgiftDto(
      long id,
      String namn,
      String elementId,
      UUID arendeId,
      String tilldelad,
      List<String> kandidatgrupper,
      Instant skapad,
      Instant forfallodatum,
      List<String> mojligaMottagare) {

    static UppgiftDto av(Uppgift u, List<String> mottagare) {
      return new UppgiftDto(
          u.id(),
          u.namn(),
          u.elementId(),
          u.arendeId(),
          u.tilldelad(),
          u.kandidatgrupper(),
          u.skapad(),
          u.forfallodatum(),
          mottagare);
    }
  }

  @GetMapping("/anvandare/{id}/uppgifter")
  public List<UppgiftDto> uppgifter(
      @PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    Konto k = anvandare.hamta(id, in.anvandare());
    return anvandare.oppnaUppgifter(id).stream()
        .map(
            u ->
                UppgiftDto.av(
                    u,
                    k.aktiv()
                        ? List.of()
                        : anvandare.mottagare(u, k).stream().map(Anvandare::id).toList()))
        .toList();
  }

  record Tilldelning(String anvandare) {}

  @PostMapping("/uppgifter/{id}/tilldela")
  public UppgiftDto tilldela(
      @PathVariable long id,
      @RequestBody(required = false) Tilldelning till,
      @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    return UppgiftDto.av(
        anvandare.tilldela(id, till == null ? null : till.anvandare(), in.anvandare()), List.of());
  }

  // ------------------------------------------------------------------ parter

  @GetMapping("/parter")
  public List<Part> parter(@AuthenticationPrincipal Inloggning in) {
    return parter.lista(in.anvandare());
  }

  @PostMapping("/parter")
  public ResponseEntity<Part> skapaPart(
      @RequestBody PartIn ny, @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    Part p = parter.skapa(ny, in.anvandare());
    return ResponseEntity.created(URI.create("/api/admin/parter/" + p.kod())).body(p);
  }

  @PutMapping("/parter/{kod}")
  public Part andraPart(
      @PathVariable String kod,
      @RequestBody PartIn andring,
      @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    return parter.bytNamn(kod, andring.namn(), in.anvandare());
  }

  // ------------------------------------------------------------------ insatser

  record InsatsDto(
      String kod,
      String namn,
      String beskrivning,
      String maxTid,
      String uppfoljningKort,
      String uppfoljningPlan,
      String uppfoljningPaminnelse,
      String uppfoljningFrist,
      String gallringEfter,
      List<String> styrgruppEpost,
      boolean aktiv,
      String kandidatgrupp,
      List<String> beredningsgrupp) {

    static InsatsDto av(Insats insats) {
      Installningar i = insats.installningar();
      return new InsatsDto(
          i.kod(),
          i.namn(),
          i.beskrivning(),
          i.maxTid(),
          i.uppfoljningKort(),
          i.uppfoljningPlan(),
          i.uppfoljningPaminnelse(),
          i.uppfoljningFrist(),
          i.gallringEfter(),
          i.styrgruppEpost(),
          i.aktiv(),
          "beredning-" + i.kod(),
          insats.beredningsgrupp().stream().map(k -> k.anvandare().id()).toList());
    }
  }

  @GetMapping("/insatser")
  public List<InsatsDto> insatser(@AuthenticationPrincipal Inloggning in) {
    return insatser.lista(in.anvandare()).stream().map(InsatsDto::av).toList();
  }

  @PostMapping("/insatser")
  public ResponseEntity<InsatsDto> skapaInsats(
      @RequestBody InsatsIn ny, @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    Insats i = insatser.skapa(ny, in.anvandare());
    return ResponseEntity.created(URI.create("/api/admin/insatser/" + i.installningar().kod()))
        .body(InsatsDto.av(i));
  }

  @GetMapping("/insatser/{kod}")
  public InsatsDto insats(@PathVariable String kod, @AuthenticationPrincipal Inloggning in) {
    return InsatsDto.av(insatser.hamta(kod, in.anvandare()));
  }

  /** Changes the given fields; the beredningsgrupp has its own calls below. */
  @PutMapping("/insatser/{kod}")
  public InsatsDto andraInsats(
      @PathVariable String kod,
      @RequestBody InsatsIn andring,
      @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    if (andring.beredningsgrupp() != null) {
      throw new ValideringsFel(
          "beredningsgrupp",
          "Ändra beredningsgruppen med POST och DELETE på /api/admin/insatser/"
              + kod
              + "/beredningsgrupp");
    }
    return InsatsDto.av(insatser.andra(kod, andring, in.anvandare()));
  }

  @PostMapping("/insatser/{kod}/inaktivera")
  public InsatsDto inaktiveraInsats(
      @PathVariable String kod, @AuthenticationPrincipal Inloggning in) {
    return InsatsDto.av(insatser.inaktivera(kod, in.anvandare()));
  }

  @PostMapping("/insatser/{kod}/aktivera")
  public InsatsDto aktiveraInsats(
      @PathVariable String kod, @AuthenticationPrincipal Inloggning in) {
    return InsatsDto.av(insatser.aktivera(kod, in.anvandare()));
  }

  record Medlem(String anvandare) {}

  @PostMapping("/insatser/{kod}/beredningsgrupp")
  public InsatsDto laggTillMedlem(
      @PathVariable String kod,
      @RequestBody(required = false) Medlem medlem,
      @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    return InsatsDto.av(
        insatser.laggTillMedlem(kod, medlem == null ? null : medlem.anvandare(), in.anvandare()));
  }

  @DeleteMapping("/insatser/{kod}/beredningsgrupp/{anvandare}")
  public InsatsDto taBortMedlem(
      @PathVariable String kod,
      @PathVariable String anvandare,
      @AuthenticationPrincipal Inloggning in) {
    return InsatsDto.av(insatser.taBortMedlem(kod, anvandare, in.anvandare()));
  }

  // ------------------------------------------------------------------ adminloggen

  record LoggDto(
      long id,
      Instant tid,
      String anvandare,
      String objekttyp,
      String objektId,
      String handling,
      Object fore,
      Object efter) {}

  @GetMapping("/logg")
  public List<LoggDto> logg(
      @RequestParam(required = false) String objekttyp,
      @RequestParam(required = false) String objektId,
      @RequestParam(defaultValue = "100") String max,
      @AuthenticationPrincipal Inloggning in) {
    Behorighet.kravAdmin(in.anvandare());
    if (objekttyp != null && !Adminlogg.OBJEKTTYPER.containsKey(objekttyp)) {
      throw new ValideringsFel(
          "objekttyp",
          "Okänd objekttyp; välj bland " + String.join(", ", Adminlogg.OBJEKTTYPER.keySet()));
    }
    int antal;
    try {
      antal = Integer.parseInt(max.strip());
    } catch (NumberFormatException e) {
      antal = 0;
    }
    if (antal < 1 || antal > 1000) {
      throw new ValideringsFel("max", "Ange ett antal mellan 1 och 1000");
    }
    return logg.poster(objekttyp, objektId, antal).stream()
        .map(
            p ->
                new LoggDto(
                    p.id(),
                    p.tid(),
                    p.anvandareId(),
                    p.objekttyp(),
                    p.objektId(),
                    p.handling(),
                    p.fore(),
                    p.efter()))
        .toList();
  }
}
