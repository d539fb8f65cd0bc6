package se.flerpart.uppgift;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/** The task list pages; the form itself is rendered in the browser by form-js. */
@Controller
class UppgiftController {

  private final UppgiftService uppgifter;
  private final AnvandareRepository anvandare;
  private final Clock klocka;
  private final ObjectMapper json;

  UppgiftController(
      UppgiftService uppgifter, AnvandareRepository anvandare, Clock klocka, ObjectMapper json) {
    this.uppgifter = uppgifter;
    this.anvandare = anvandare;
    this.klocka = klocka;
    this.json = json;
  }

  /**
   * The task list: a view's open tasks, filtered, sorted and paged as the query says, with the
   * confirmation of a task the user just completed ({@code klar}).
   */
  @GetMapping("/uppgifter")
  public String lista(
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
      @RequestParam(required = false) Long klar,
      @AuthenticationPrincipal Inloggning in,
      Model model) {
    Anvandare jag = in.anvandare();
    Uppgiftsurval urval =
        Uppgiftsurval.tolka(
            vy,
            sortering,
            typ,
            forfallen,
            sok,
            arende,
            insats,
            tilldelad,
            sida == null || sida.isBlank() ? "1" : sida,
            storlek);
    UppgiftRepository.Sida svar = uppgifter.lista(urval, jag);
    UppgiftRepository.Sammanfattning sammanfattning = uppgifter.sammanfattning(jag);
    model.addAttribute("vy", urval.vy().name().toLowerCase(Locale.ROOT));
    model.addAttribute("uppgifter", svar.uppgifter());
    Uppgiftslista lista =
        new Uppgiftslista(
            urval,
            svar.uppgifter(),
            svar.totalt(),
            sammanfattning.antal(),
            uppgifter.senasteKommentarer(svar.uppgifter(), jag),
            klocka.instant());
    model.addAttribute("lista", lista);
    // The page waits for its list to change (uppgiftslista.js) with the list's ETag, as the API.
    if (lista.apiAdress() != null) {
      model.addAttribute("listversion", UppgiftEtag.av(json, svar));
    }
    // The person's name under the case number, for those inside each case's consent scope.
    model.addAttribute("individ", uppgifter.individnamn(svar.uppgifter(), jag));
    model.addAttribute("typer", sammanfattning.typer());
    model.addAttribute("insatser", sammanfattning.insatser());
    List<Anvandare> handlaggare = anvandare.medRoll(Anvandare.HANDLAGGARE);
    model.addAttribute("handlaggare", handlaggare);
    Map<String, String> namn = new HashMap<>();
    handlaggare.forEach(a -> namn.put(a.id(), a.namn()));
    // The holders and the latest comments' writers who are not handläggare: one query for all.
    List<String> ovriga =
        java.util.stream.Stream.concat(
                svar.uppgifter().stream().map(Uppgift::tilldelad),
                lista.kommentarer().values().stream().map(Kommentar::skrivenAv))
            .filter(id -> id != null && !namn.containsKey(id))
            .distinct()
            .toList();
    namn.putAll(anvandare.namn(ovriga));
    ovriga.forEach(id -> namn.putIfAbsent(id, id));
    model.addAttribute("namn", namn);
    // Who a row's task may be handed to: checked again, with the consent scope, on submit.
    Map<Long, List<Anvandare>> mottagare = new HashMap<>();
    for (Uppgift u : svar.uppgifter()) {
      boolean far =
          jag.id().equals(u.tilldelad()) || (u.tilldelad() == null && uppgifter.arKandidat(u, jag));
      mottagare.put(
          u.id(),
          !far
              ? List.of()
              : handlaggare.stream()
                  .filter(a -> !a.id().equals(u.tilldelad()))
                  .filter(a -> u.kandidatgrupper().isEmpty() || uppgifter.arKandidat(u, a))
                  .toList());
    }
    model.addAttribute("mottagare", mottagare);
    model.addAttribute(
        "kanTa",
        svar.uppgifter().stream()
            .filter(u -> u.tilldelad() == null && uppgifter.arKandidat(u, jag))
            .map(Uppgift::id)
            .collect(Collectors.toSet()));
    if (klar != null) {
      uppgifter
          .slutfordAv(klar, jag)
          .ifPresent(u -> model.addAttribute("bekraftelse", uppgifter.bekraftelse(u)));
    }
    return "uppgift/lista";
  }

  @PostMapping("/uppgifter/{id}/forfallodatum")
  public String forfallodatum(
      @PathVariable long id,
      @RequestParam(required = false) String forfallodatum,
      @RequestParam(required = false) String tillbaka,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    return utfor(
        id,
        tillbaka,
        redirect,
        () -> uppgifter.andraForfallodatum(id, forfallodatum, in.anvandare()),
        "Förfallodatumet är ändrat.");
  }

  @PostMapping("/uppgifter/{id}/kommentar")
  public String kommentar(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String tillbaka,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    return utfor(
        id,
        tillbaka,
        redirect,
        () -> uppgifter.kommentera(id, text, in.anvandare()),
        "Kommentaren är sparad.");
  }

  @GetMapping("/uppgifter/{id}")
  public String visa(@PathVariable long id, @AuthenticationPrincipal Inloggning in, Model model) {
    Uppgift u = uppgifter.hamta(id, in.anvandare());
    model.addAttribute("uppgift", u);
    // Outside the case's consent scope the page says why, and neither loads the form nor offers
    // to take or hand on the task.
    String utanforOmfang = uppgifter.utanforOmfang(u, in.anvandare()).orElse(null);
    model.addAttribute("utanforOmfang", utanforOmfang);
    model.addAttribute("kanSlutfora", uppgifter.kanSlutfora(u, in.anvandare()));
    List<Kommentar> kommentarer =
        utanforOmfang == null ? uppgifter.kommentarer(id, in.anvandare()) : List.of();
    model.addAttribute("kommentarer", kommentarer);
    Map<String, String> kommentarNamn = new HashMap<>();
    kommentarer.forEach(
        k ->
            kommentarNamn.computeIfAbsent(
                k.skrivenAv(), v -> anvandare.hitta(v).map(Anvandare::namn).orElse(v)));
    model.addAttribute("kommentarNamn", kommentarNamn);
    model.addAttribute(
        "arKandidat", utanforOmfang == null && uppgifter.arKandidat(u, in.anvandare()));
    model.addAttribute(
        "mottagare",
        utanforOmfang != null
            ? List.of()
            : anvandare.medRoll(Anvandare.HANDLAGGARE).stream()
                .filter(a -> !a.id().equals(u.tilldelad()))
                .filter(a -> u.kandidatgrupper().isEmpty() || uppgifter.arKandidat(u, a))
                .filter(a -> uppgifter.utanforOmfang(u, a).isEmpty())
                .toList());
    model.addAttribute(
        "tilldeladNamn",
        u.tilldelad() == null
            ? null
            : anvandare.hitta(u.tilldelad()).map(a -> a.namn()).orElse(u.tilldelad()));
    return "uppgift/visa";
  }

  @PostMapping("/uppgifter/{id}/tilldela")
  public String tilldela(
      @PathVariable long id,
      @RequestParam(required = false) String anvandare,
      @RequestParam(required = false) String tillbaka,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    String till = anvandare == null || anvandare.isBlank() ? in.anvandare().id() : anvandare;
    return utfor(
        id,
        tillbaka,
        redirect,
        () -> uppgifter.tilldela(id, till, in.anvandare()),
        "Uppgiften är tilldelad.");
  }

  @PostMapping("/uppgifter/{id}/slapp")
  public String slapp(
      @PathVariable long id, @AuthenticationPrincipal Inloggning in, RedirectAttributes redirect) {
    return utfor(
        id,
        null,
        redirect,
        () -> uppgifter.slapp(id, in.anvandare()),
        "Uppgiften är tillbaka i gruppen.");
  }

  /** Does it and goes back to the task page, or to the list the form was on. */
  private static String utfor(
      long id, String tillbaka, RedirectAttributes redirect, Runnable handling, String ok) {
    try {
      handling.run();
      redirect.addFlashAttribute("meddelande", ok);
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("fel", String.join(" ", e.fel().values()));
    } catch (AtkomstNekad | Konflikt e) {
      redirect.addFlashAttribute("fel", e.getMessage());
    }
    return "redirect:" + Uppgiftslista.tillbaka(tillbaka, "/uppgifter/" + id);
  }
}
