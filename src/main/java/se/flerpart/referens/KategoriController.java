package se.flerpart.referens;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.referens.KategoriRepository.Kategori;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/** The administrator's editing of categories: add, rename, retire, and delete what is unused. */
@Controller
class KategoriController {

  private final KategoriRepository kategorier;
  private final KategoriAndringar andringar;

  KategoriController(KategoriRepository kategorier, KategoriAndringar andringar) {
    this.kategorier = kategorier;
    this.andringar = andringar;
  }

  @GetMapping("/admin/kategorier")
  public String sida(@AuthenticationPrincipal Inloggning in, Model model) {
    kravAdmin(in);
    model.addAttribute("kategorier", List.of(Kategori.values()));
    model.addAttribute(
        "poster",
        Arrays.stream(Kategori.values())
            .collect(Collectors.toMap(Kategori::name, kategorier::alla)));
    return "admin/kategorier";
  }

  @PostMapping("/admin/kategorier/{kategori}")
  public String andra(
      @PathVariable String kategori,
      @RequestParam String handling,
      @RequestParam(required = false) String kod,
      @RequestParam(required = false) String namn,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    kravAdmin(in);
    Kategori k = Kategori.av(kategori);
    try {
      switch (handling) {
        case "lagg" -> andringar.lagg(in.anvandare(), k, kod, namn);
        case "byt-namn" -> andringar.bytNamn(in.anvandare(), k, kod, namn);
        case "avaktivera" -> andringar.sattAktiv(in.anvandare(), k, kod, false);
        case "aktivera" -> andringar.sattAktiv(in.anvandare(), k, kod, true);
        case "ta-bort" -> andringar.tabort(in.anvandare(), k, kod);
        default -> throw new ValideringsFel("handling", "Okänd handling");
      }
      redirect.addFlashAttribute("meddelande", "Ändringen är sparad.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("fel", String.join(" ", e.fel().values()));
    } catch (Konflikt | EjFunnen e) {
      redirect.addFlashAttribute("fel", e.getMessage());
    }
    return "redirect:/admin/kategorier#" + k.name();
  }

  @GetMapping("/api/kategorier/{kategori}")
  @ResponseBody
  public List<KategoriRepository.Post> lista(@PathVariable String kategori) {
    return kategorier.alla(Kategori.av(kategori));
  }

  public record NyPost(String kod, String namn) {}

  @PostMapping("/api/kategorier/{kategori}")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  public KategoriRepository.Post skapa(
      @PathVariable String kategori,
      @RequestBody NyPost post,
      @AuthenticationPrincipal Inloggning in) {
    kravAdmin(in);
    Kategori k = Kategori.av(kategori);
    andringar.lagg(in.anvandare(), k, post.kod(), post.namn());
    return kategorier.hitta(k, post.kod()).orElseThrow();
  }

  @PutMapping("/api/kategorier/{kategori}/{kod}")
  @ResponseBody
  public KategoriRepository.Post uppdatera(
      @PathVariable String kategori,
      @PathVariable String kod,
      @RequestBody Map<String, Object> andring,
      @AuthenticationPrincipal Inloggning in) {
    kravAdmin(in);
    Kategori k = Kategori.av(kategori);
    if (andring.get("namn") instanceof String namn) {
      andringar.bytNamn(in.anvandare(), k, kod, namn);
    }
    if (andring.get("aktiv") instanceof Boolean aktiv) {
      andringar.sattAktiv(in.anvandare(), k, kod, aktiv);
    }
    return kategorier.hitta(k, kod).orElseThrow(() -> new EjFunnen("Koden finns inte."));
  }

  @DeleteMapping("/api/kategorier/{kategori}/{kod}")
  @ResponseBody
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void tabort(
      @PathVariable String kategori,
      @PathVariable String kod,
      @AuthenticationPrincipal Inloggning in) {
    kravAdmin(in);
    andringar.tabort(in.anvandare(), Kategori.av(kategori), kod);
  }

  private static void kravAdmin(Inloggning in) {
    if (!in.anvandare().harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara administratörer kan ändra kategorier.");
    }
  }
}
