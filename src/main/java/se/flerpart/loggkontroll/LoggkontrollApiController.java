package se.flerpart.loggkontroll;

import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.loggkontroll.Loggkontroll.Urval;
import se.flerpart.sakerhet.Inloggning;

/**
 * The loggkontroll as JSON and Excel, for the logggranskare. A POST body carries the selection, so
 * a personnummer never appears in a URL.
 */
@RestController
@RequestMapping("/api/loggkontroll")
class LoggkontrollApiController {

  private final Loggkontroll loggkontroll;
  private final Clock klocka;

  LoggkontrollApiController(Loggkontroll loggkontroll, Clock klocka) {
    this.loggkontroll = loggkontroll;
    this.klocka = klocka;
  }

  /**
   * {@code {"personnummer", "anvandare", "fran", "till", "baraFlaggade"}}, every field optional;
   * dates as YYYY-MM-DD.
   */
  @PostMapping("/sok")
  public Loggkontroll.Resultat sok(
      @RequestBody(required = false) Urval urval, @AuthenticationPrincipal Inloggning in) {
    Loggkontroll.kravGranskare(in.anvandare());
    return loggkontroll.sok(
        urval == null ? Urval.TOMT : urval, in.anvandare(), Loggkontroll.SOKNING);
  }

  /** The same selection as an Excel workbook. */
  @PostMapping("/export")
  public ResponseEntity<byte[]> export(
      @RequestBody(required = false) Urval urval, @AuthenticationPrincipal Inloggning in) {
    Loggkontroll.kravGranskare(in.anvandare());
    return LoggkontrollController.excel(
        loggkontroll.sok(urval == null ? Urval.TOMT : urval, in.anvandare(), Loggkontroll.EXPORT),
        klocka);
  }
}
