package se.flerpart.mote;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.ValideringsFel;

/** Meetings through the API: read, move, cancel, and the printable kallelse and plan. */
@RestController
@RequestMapping("/api")
class MoteApiController {

  private final MoteOversikt oversikt;
  private final MoteService moten;
  private final MoteRepository repository;
  private final KallelseUtskick utskick;
  private final PlanUtskick planer;

  MoteApiController(
      MoteOversikt oversikt,
      MoteService moten,
      MoteRepository repository,
      KallelseUtskick utskick,
      PlanUtskick planer) {
    this.oversikt = oversikt;
    this.moten = moten;
    this.repository = repository;
    this.utskick = utskick;
    this.planer = planer;
  }

  /** A case's meetings with every invitee's answer, and its plan with the earlier versions. */
  @GetMapping("/moten")
  public MoteOversikt.Oversikt forArende(
      @RequestParam String arendeId, @AuthenticationPrincipal Inloggning in) {
    return oversikt.forArende(uuid(arendeId, "Ärendet finns inte."), in.anvandare());
  }

  @GetMapping("/moten/{id}")
  public MoteOversikt.MoteVy mote(@PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    return oversikt.mote(uuid(id, "Mötet finns inte."), in.anvandare());
  }

  /**
   * @param motesTid ISO date-time with offset, e.g. {@code 2026-12-01T10:00:00+01:00}
   * @param plats a new place, or null to keep it
   * @param videolank a new video link, or null to keep it
   */
  public record FlyttBegaran(String motesTid, String plats, String videolank) {}

  @PostMapping("/moten/{id}/flytta")
  public MoteOversikt.MoteVy flytta(
      @PathVariable String id,
      @RequestBody(required = false) FlyttBegaran begaran,
      @AuthenticationPrincipal Inloggning in) {
    UUID moteId = uuid(id, "Mötet finns inte.");
    moten.flytta(
        moteId,
        new MoteService.Flytt(
            begaran == null ? null : tid(begaran.motesTid()),
            begaran == null ? null : begaran.plats(),
            begaran == null ? null : begaran.videolank()),
        in.anvandare());
    return oversikt.mote(moteId, in.anvandare());
  }

  public record InstallBegaran(String orsak) {}

  @PostMapping("/moten/{id}/installa")
  public MoteOversikt.MoteVy installa(
      @PathVariable String id,
      @RequestBody(required = false) InstallBegaran begaran,
      @AuthenticationPrincipal Inloggning in) {
    UUID moteId = uuid(id, "Mötet finns inte.");
    moten.installa(moteId, begaran == null ? null : begaran.orsak(), in.anvandare());
    return oversikt.mote(moteId, in.anvandare());
  }

  @GetMapping("/moten/{id}/kallelser/{kallelseId}/pdf")
  public ResponseEntity<byte[]> kallelsePdf(
      @PathVariable String id,
      @PathVariable String kallelseId,
      @AuthenticationPrincipal Inloggning in) {
    UUID moteId = uuid(id, "Mötet finns inte.");
    Kallelse k =
        oversikt.kallelseForUtskrift(
            moteId, uuid(kallelseId, "Kallelsen finns inte."), in.anvandare());
    Mote mote = repository.hitta(moteId).orElseThrow();
    return pdf(utskick.kallelsePdf(mote, k), "kallelse-flerpartsmote.pdf");
  }

  @GetMapping("/planer/{id}/pdf")
  public ResponseEntity<byte[]> planPdf(
      @PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    Plan plan = oversikt.planForUtskrift(uuid(id, "Planen finns inte."), in.anvandare());
    return pdf(planer.pdf(plan), "gemensam-plan-v" + plan.version() + ".pdf");
  }

  static ResponseEntity<byte[]> pdf(byte[] innehall, String filnamn) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filnamn).build().toString())
        .body(innehall);
  }

  static UUID uuid(String id, String saknas) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new EjFunnen(saknas);
    }
  }

  private static Instant tid(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ValideringsFel(
          "motesTid", "Ange tiden som ISO-datum med tidszon, till exempel 2026-12-01T10:00+01:00");
    }
  }
}
