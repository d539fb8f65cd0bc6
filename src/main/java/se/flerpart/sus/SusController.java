package se.flerpart.sus;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.KategoriRepository;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.sakerhet.Visningsnamn;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.ValideringsFel;

/**
 * The deltagaransvarig's SUS page: the registrations of a period (this month unless another is
 * chosen) with personnummer, each read audited as the export's, and the same period as CSV or Excel
 * through the API.
 */
@Controller
class SusController {

  private final SusService sus;
  private final Clock klocka;

  private final Visningsnamn visningsnamn;
  private final InsatsRepository insatser;
  private final KategoriRepository kategorier;

  SusController(
      SusService sus,
      Clock klocka,
      Visningsnamn visningsnamn,
      InsatsRepository insatser,
      KategoriRepository kategorier) {
    this.sus = sus;
    this.klocka = klocka;
    this.visningsnamn = visningsnamn;
    this.insatser = insatser;
    this.kategorier = kategorier;
  }

  @GetMapping("/sus")
  String sida(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      HttpServletResponse response) {
    if (!in.anvandare().harRoll(SusService.DELTAGARANSVARIG)) {
      throw new AtkomstNekad("Bara deltagaransvarig ser SUS-sidan.");
    }
    LocalDate idag = LocalDate.now(klocka);
    String franText = fran == null ? idag.withDayOfMonth(1).toString() : fran.strip();
    String tillText = till == null ? idag.toString() : till.strip();
    model.addAttribute("fran", franText);
    model.addAttribute("till", tillText);
    model.addAttribute("kolumner", SusApiController.KOLUMNER);
    Map<String, String> fel = new LinkedHashMap<>();
    LocalDate franDatum = datum("fran", franText, fel);
    LocalDate tillDatum = datum("till", tillText, fel);
    if (fel.isEmpty()) {
      try {
        List<SusRegistrering> rader = sus.registreringar(franDatum, tillDatum, in.anvandare());
        model.addAttribute("rader", rader.stream().map(this::visning).toList());
      } catch (ValideringsFel e) {
        fel.putAll(e.fel());
      }
    }
    if (!fel.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("fel", fel);
      model.addAttribute("rader", List.of());
    }
    return "sus/registreringar";
  }

  /**
   * A registration as the page shows it: the export's columns, with the names of parts, insatser
   * and categories instead of their codes.
   */
  private List<String> visning(SusRegistrering r) {
    List<String> v = new ArrayList<>(SusApiController.varden(r));
    v.set(5, KON.getOrDefault(r.kon(), r.kon()));
    v.set(7, insatser.hitta(r.insats()).map(InsatsRepository.Insats::namn).orElse(r.insats()));
    v.set(8, visningsnamn.part(r.aktualiserandePart()));
    v.set(9, namn(KategoriRepository.Kategori.AVSLUTSORSAK, r.avslutsorsak()));
    v.set(
        11,
        String.join(
            ", ",
            r.forsorjning().stream()
                .map(k -> namn(KategoriRepository.Kategori.FORSORJNING, k))
                .toList()));
    v.set(12, namn(KategoriRepository.Kategori.SYSSELSATTNING, r.sysselsattning()));
    return v;
  }

  private String namn(KategoriRepository.Kategori kategori, String kod) {
    return kod == null
        ? ""
        : kategorier.hitta(kategori, kod).map(KategoriRepository.Post::namn).orElse(kod);
  }

  private static final Map<String, String> KON =
      Map.of("KVINNA", "Kvinna", "MAN", "Man", "ANNAT_OKANT", "Annat/okänt");

  private static LocalDate datum(String falt, String text, Map<String, String> fel) {
    if (text.isEmpty()) {
      return null;
    }
    LocalDate dag = Datum.tolka(text).orElse(null);
    if (dag == null) {
      fel.put(falt, Datum.MEDDELANDE);
    }
    return dag;
  }
}
