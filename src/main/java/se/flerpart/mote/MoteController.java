package se.flerpart.mote;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/** The case page's meeting buttons (move, cancel) and downloads. */
@Controller
class MoteController {

  private final MoteService moten;
  private final MoteRepository repository;
  private final MoteOversikt oversikt;
  private final KallelseUtskick utskick;
  private final PlanUtskick planer;

  MoteController(
      MoteService moten,
      MoteRepository repository,
      MoteOversikt oversikt,
      KallelseUtskick utskick,
      PlanUtskick planer) {
    this.moten = moten;
    this.repository = repository;
    this.oversikt = oversikt;
    this.utskick = utskick;
    this.planer = planer;
  }

  /**
   * The new time as the form gives it, Swedish time: {@code datum} (ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD) and
   * {@code tid} (TT:MM), or {@code motesTid} as ÅÅÅÅ-MM-DDTTT:MM.
   */
  @PostMapping("/moten/{id}/flytta")
  public String flytta(
      @PathVariable String id,
      @RequestParam(required = false) String datum,
      @RequestParam(required = false) String tid,
      @RequestParam(required = false) String motesTid,
      @RequestParam(required = false) String plats,
      @RequestParam(required = false) String videolank,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    UUID moteId = MoteApiController.uuid(id, "Mötet finns inte.");
    return utfor(
        moteId,
        redirect,
        () ->
            moten.flytta(
                moteId,
                new MoteService.Flytt(
                    datum != null || tid != null ? lokalTid(datum, tid) : lokalTid(motesTid),
                    plats,
                    videolank),
                in.anvandare()),
        "Mötet är flyttat. En ändrad kallelse skickas till alla kallade.");
  }

  @PostMapping("/moten/{id}/installa")
  public String installa(
      @PathVariable String id,
      @RequestParam(required = false) String orsak,
      @AuthenticationPrincipal Inloggning in,
      RedirectAttributes redirect) {
    UUID moteId = MoteApiController.uuid(id, "Mötet finns inte.");
    return utfor(
        moteId,
        redirect,
        () -> moten.installa(moteId, orsak, in.anvandare()),
        "Mötet är inställt. Avbokning skickas, och uppgiften Förbered kallelse kommer tillbaka.");
  }

  @GetMapping("/moten/{id}/kallelser/{kallelseId}/kallelse.pdf")
  public ResponseEntity<byte[]> kallelsePdf(
      @PathVariable String id,
      @PathVariable String kallelseId,
      @AuthenticationPrincipal Inloggning in) {
    UUID moteId = MoteApiController.uuid(id, "Mötet finns inte.");
    Kallelse k =
        oversikt.kallelseForUtskrift(
            moteId, MoteApiController.uuid(kallelseId, "Kallelsen finns inte."), in.anvandare());
    return MoteApiController.pdf(
        utskick.kallelsePdf(repository.hitta(moteId).orElseThrow(), k),
        "kallelse-flerpartsmote.pdf");
  }

  @GetMapping("/planer/{id}/plan.pdf")
  public ResponseEntity<byte[]> planPdf(
      @PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    Plan plan =
        oversikt.planForUtskrift(MoteApiController.uuid(id, "Planen finns inte."), in.anvandare());
    return MoteApiController.pdf(planer.pdf(plan), "gemensam-plan-v" + plan.version() + ".pdf");
  }

  private String utfor(UUID moteId, RedirectAttributes redirect, Runnable handling, String ok) {
    UUID arendeId =
        repository.hitta(moteId).orElseThrow(() -> new EjFunnen("Mötet finns inte.")).arendeId();
    try {
      handling.run();
      redirect.addFlashAttribute("moteMeddelande", ok);
    } catch (ValideringsFel e) {
      redirect.addFlashAttribute("moteFel", String.join(" ", e.fel().values()));
    } catch (AtkomstNekad | Konflikt e) {
      redirect.addFlashAttribute("moteFel", e.getMessage());
    }
    return "redirect:/arenden/" + arendeId + "#mote";
  }

  private static Instant lokalTid(String datum, String tid) {
    Map<String, String> fel = new LinkedHashMap<>();
    LocalDate dag = Datum.tolka(datum).orElse(null);
    if (dag == null) {
      fel.put("datum", "Ny dag: " + Datum.MEDDELANDE);
    }
    LocalTime klockslag = Datum.tolkaTid(tid).orElse(null);
    if (klockslag == null) {
      fel.put("tid", "Ny tid: " + Datum.TIDSMEDDELANDE);
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    return dag.atTime(klockslag).atZone(ArendeService.SVERIGE).toInstant();
  }

  private static Instant lokalTid(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text).atZone(ArendeService.SVERIGE).toInstant();
    } catch (DateTimeParseException e) {
      throw new ValideringsFel("motesTid", "Ange datum och klockslag för mötet");
    }
  }
}
