package se.flerpart.beredning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.uppgift.UppgiftService;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.ValideringsFel;

/**
 * The Beredningsmöte view — the agenda's cases in order, the current one with its {@code
 * bered-arende} form, on to the next after each decision — and the administrator's schedule form on
 * the insats page.
 */
@Controller
class BeredningsmoteController {

  /** A row of the agenda as the view shows it; {@code varfor} why the user cannot decide it. */
  record Rad(Beredningsmoten.Punkt punkt, String varfor) {}

  private final Beredningsmoten moten;
  private final InsatsRepository insatser;
  private final UppgiftService uppgifter;
  private final Clock klocka;

  BeredningsmoteController(
      Beredningsmoten moten, InsatsRepository insatser, UppgiftService uppgifter, Clock klocka) {
    this.moten = moten;
    this.insatser = insatser;
    this.uppgifter = uppgifter;
    this.klocka = klocka;
  }

  @PostMapping("/admin/insatser/{kod}/beredningsmote")
  public String sparaSchema(
      @PathVariable String kod,
      @RequestParam(required = false) String forstaDatum,
      @RequestParam(required = false) String tid,
      @RequestParam(required = false) String intervallVeckor,
      @RequestParam(required = false) String plats,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    try {
      moten.spara(
          kod,
          new Beredningsmoten.SchemaIn(forstaDatum, tid, intervallVeckor, plats),
          in.anvandare());
      redirect.addFlashAttribute("meddelande", "Beredningsgruppens mötesdagar är sparade.");
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute(
          "felmeddelande", "Mötesdagarna är inte sparade. " + String.join(" ", e.fel().values()));
      redirect.addFlashAttribute(
          "schemaForm", new Beredningsmoten.SchemaIn(forstaDatum, tid, intervallVeckor, plats));
    }
    return "redirect:/admin/insatser/" + kod + "#beredningsmote";
  }

  /** The insatser whose beredningsgrupp the user is in; with one, straight to its meeting. */
  @GetMapping("/beredningsmote")
  public String valj(@AuthenticationPrincipal Inloggning in, Model model) {
    Anvandare jag = in.anvandare();
    List<InsatsRepository.Insats> mina =
        insatser.aktiva().stream().filter(i -> jag.arMedlemI(i.beredningsgrupp())).toList();
    if (mina.size() == 1) {
      return "redirect:/beredningsmote/" + mina.get(0).kod();
    }
    model.addAttribute("insatser", mina);
    return "beredning/valj";
  }

  @GetMapping("/beredningsmote/{insats}")
  public String visa(
      @PathVariable String insats,
      @RequestParam(required = false) Long klar,
      @RequestParam(required = false) String hoppa,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    Anvandare jag = in.anvandare();
    InsatsRepository.Insats i =
        insatser.hitta(insats).orElseThrow(() -> new EjFunnen("Insatsen finns inte."));
    if (!jag.arMedlemI(i.beredningsgrupp())) {
      throw new AtkomstNekad(
          "Bara medlemmar i beredningsgruppen för " + i.namn() + " kan öppna beredningsmötet.");
    }
    Optional<Motesschema> schema = moten.schema(insats);
    LocalDate mote = schema.map(s -> s.aktuellt(klocka.instant())).orElse(null);
    List<Beredningsmoten.Punkt> punkter = moten.dagordning(insats, schema.orElse(null), mote);
    Set<Long> hoppade = new LinkedHashSet<>();
    for (String del : hoppa == null ? new String[0] : hoppa.split(",")) {
      try {
        hoppade.add(Long.parseLong(del.strip()));
      } catch (NumberFormatException e) {
        // A hand-edited address: what cannot be read is simply not skipped.
      }
    }
    List<Rad> rader = new ArrayList<>();
    Beredningsmoten.Punkt aktuell = null;
    for (Beredningsmoten.Punkt p : punkter) {
      String varfor = varfor(p, jag);
      rader.add(new Rad(p, varfor));
      if (aktuell == null && varfor == null && !hoppade.contains(p.uppgift().id())) {
        aktuell = p;
      }
    }
    model.addAttribute("insats", i);
    model.addAttribute("schema", schema.orElse(null));
    model.addAttribute("mote", mote);
    model.addAttribute("dag", mote == null ? null : Beredningsmoten.DAG.format(mote));
    model.addAttribute("rader", rader);
    model.addAttribute("aktuell", aktuell);
    model.addAttribute("hoppa", hoppade);
    String bas = "/beredningsmote/" + insats;
    if (aktuell != null) {
      long id = aktuell.uppgift().id();
      model.addAttribute("efter", bas + "?klar=" + id + hoppaParam(hoppade, "&hoppa="));
      Set<Long> nasta = new LinkedHashSet<>(hoppade);
      nasta.add(id);
      model.addAttribute("hoppaOver", bas + hoppaParam(nasta, "?hoppa="));
    }
    if (klar != null) {
      uppgifter
          .slutfordAv(klar, jag)
          .ifPresent(u -> model.addAttribute("bekraftelse", uppgifter.bekraftelse(u)));
    }
    return "beredning/mote";
  }

  private static String hoppaParam(Set<Long> ids, String prefix) {
    return ids.isEmpty()
        ? ""
        : prefix + String.join(",", ids.stream().map(String::valueOf).toList());
  }

  private String varfor(Beredningsmoten.Punkt p, Anvandare jag) {
    var u = p.uppgift();
    Optional<String> utanfor = uppgifter.utanforOmfang(u, jag);
    if (utanfor.isPresent()) {
      return "Du kan inte besluta: " + utanfor.get() + ".";
    }
    if (u.tilldelad() != null && !u.tilldelad().equals(jag.id())) {
      return "Uppgiften har tagits av en annan medlem.";
    }
    return null;
  }
}
