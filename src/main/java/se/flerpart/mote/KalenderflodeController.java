package se.flerpart.mote;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.Inloggning;

/**
 * The personal calendar feed: its URL for the logged-in user, revoking it, and the feed itself,
 * which a calendar service fetches without login by the secret token in its path.
 */
@RestController
class KalenderflodeController {

  private static final MediaType TEXT = MediaType.parseMediaType("text/plain; charset=UTF-8");
  private static final byte[] EJ_FUNNEN =
      "Kalenderflödet finns inte.".getBytes(StandardCharsets.UTF_8);
  private static final MediaType ICS = MediaType.parseMediaType("text/calendar; charset=UTF-8");

  private final Kalenderflode floden;
  private final MinaMoten minaMoten;
  private final KalenderflodeIcs ics;
  private final AnvandareRepository anvandare;
  private final java.time.Clock klocka;

  KalenderflodeController(
      Kalenderflode floden,
      MinaMoten minaMoten,
      KalenderflodeIcs ics,
      AnvandareRepository anvandare,
      java.time.Clock klocka) {
    this.floden = floden;
    this.minaMoten = minaMoten;
    this.ics = ics;
    this.anvandare = anvandare;
    this.klocka = klocka;
  }

  /** The caller's feed URL; the secret token is created on the first call. */
  @GetMapping("/api/moten/kalenderflode")
  public Map<String, String> url(@AuthenticationPrincipal Inloggning in) {
    return Map.of("url", floden.url(in.anvandare().id()));
  }

  /** Revokes the caller's feed: its URL answers 404, and the next GET gives a new one. */
  @DeleteMapping("/api/moten/kalenderflode")
  public ResponseEntity<Void> aterkalla(@AuthenticationPrincipal Inloggning in) {
    floden.aterkalla(in.anvandare().id());
    return ResponseEntity.noContent().build();
  }

  /**
   * The feed. A wrong or revoked token gets the same short 404, which says nothing about which (no
   * error page, no session).
   */
  @GetMapping("/kalender/{token}.ics")
  public ResponseEntity<byte[]> flode(@PathVariable String token) {
    Optional<Anvandare> agare = floden.agare(token).flatMap(anvandare::hitta);
    if (agare.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(TEXT)
          .cacheControl(CacheControl.noStore())
          .body(EJ_FUNNEN);
    }
    MinaMoten.Flode flode = minaMoten.flode(agare.get());
    String text =
        ics.skriv(flode.moten(), flode.arendenummer(), flode.beredningsmoten(), klocka.instant());
    return ResponseEntity.ok()
        .contentType(ICS)
        .cacheControl(CacheControl.noStore())
        .body(text.getBytes(StandardCharsets.UTF_8));
  }
}
