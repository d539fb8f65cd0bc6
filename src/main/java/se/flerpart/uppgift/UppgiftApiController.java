package se.flerpart.uppgift;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

@RestController
@RequestMapping("/api/uppgifter")
public class UppgiftApiController {

  /** The longest a list request may wait for the list to change ({@code vanta}), in seconds. */
  public static final int MAX_VANTA = 30;

  /**
   * The header in which a client names its wait ({@code vanta}), so that it can end the wait when
   * it no longer needs the answer ({@link #avslutaVantan}).
   */
  public static final String VANTAN_ID = "X-Vantan-Id";

  private static final Pattern VANTANS_NAMN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final UppgiftService uppgifter;
  private final UppgiftSignal signal;
  private final ObjectMapper json;

  public UppgiftApiController(UppgiftService uppgifter, UppgiftSignal signal, ObjectMapper json) {
    this.uppgifter = uppgifter;
    this.signal = signal;
    this.json = json;
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

  /**
   * The open tasks of a view, filtered, sorted and, with {@code sida}, paged; the number of
   * matching tasks in all is in the header {@code X-Totalt-Antal}. See {@link Uppgiftsurval}.
   *
   * <p>Instead of asking again and again for a change, a client may wait for it: with {@code vanta}
   * (seconds, at most {@link #MAX_VANTA}) and {@code If-None-Match} holding the {@code ETag} of its
   * last answer, the answer comes as soon as the list differs from that one (200), or when the time
   * is up with {@code 304 Not Modified}. With {@code vanta} and no {@code If-None-Match}, it comes
   * as soon as the list holds a task. The {@code ETag} follows the tasks, the total and the page,
   * not the person's name. {@code If-None-Match} without {@code vanta} is an ordinary conditional
   * request. Not together with {@code sok}, whose every search of personal data is logged. {@code
   * HEAD} answers the same without the body, and so reads no person's name: for a client that only
   * needs to know that the list changed, such as the task list page.
   */
  @GetMapping
  public ResponseEntity<List<UppgiftDto>> lista(
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
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String omInteSamma,
      HttpMethod metod,
      @AuthenticationPrincipal Inloggning in) {
    Uppgiftsurval urval =
        Uppgiftsurval.tolka(
            vy, sortering, typ, forfallen, sok, arende, insats, tilldelad, sida, storlek);
    return genast(urval, omInteSamma, metod, in);
  }

  /** The list as it is now; with {@code If-None-Match}, 304 when it is the client's. */
  private ResponseEntity<List<UppgiftDto>> genast(
      Uppgiftsurval urval, String omInteSamma, HttpMethod metod, Inloggning in) {
    UppgiftRepository.Sida svar = uppgifter.lista(urval, in.anvandare());
    return svar(
        svar, omInteSamma == null ? null : UppgiftEtag.av(json, svar), omInteSamma, metod, in);
  }

  /**
   * The list with {@code vanta}: as {@link #lista}, answered when the list changes or the time is
   * up. The request waits without holding a thread of the server: the list is read again on the
   * waiting requests' own threads, when a change it waits for comes and at each check for changes
   * another instance's notice did not bring. The user's rights are those of the request: each
   * reading is made as the user who asked. A handler of its own, since only a request that waits is
   * asynchronous: the plain list keeps the cheaper, synchronous way (an asynchronous answer passes
   * the filters a second time). Tomcat 10.1 does not tell an asynchronous request that its
   * connection closed, so a client that goes away ends its wait by the name it gave it ({@code
   * X-Vantan-Id}, {@link #avslutaVantan}); a wait not ended so keeps its place until its answer is
   * due, or until its login session starts more waits than it may keep ({@link UppgiftSignal}).
   */
  @GetMapping(params = "vanta")
  public DeferredResult<ResponseEntity<List<UppgiftDto>>> listaNarDenAndras(
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
      @RequestParam(required = false) String vanta,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String omInteSamma,
      @RequestHeader(value = VANTAN_ID, required = false) String vantanId,
      HttpMethod metod,
      HttpServletRequest forfragan,
      @AuthenticationPrincipal Inloggning in) {
    String namn = vantanId == null ? null : vantansNamn(vantanId);
    Uppgiftsurval urval =
        Uppgiftsurval.tolka(
            vy, sortering, typ, forfallen, sok, arende, insats, tilldelad, sida, storlek);
    Duration vantetid = vantetid(vanta, urval);
    if (vantetid == null) {
      // vanta= with no value: no wait.
      DeferredResult<ResponseEntity<List<UppgiftDto>>> nu = new DeferredResult<>();
      nu.setResult(genast(urval, omInteSamma, metod, in));
      return nu;
    }
    // The server's own time limit is a safety net only: the wait answers itself when its time is
    // up.
    DeferredResult<ResponseEntity<List<UppgiftDto>>> resultat =
        new DeferredResult<>(vantetid.plusSeconds(MAX_VANTA).toMillis());
    // A login session's waits are limited (a browser's pages: those it left keep no place); a
    // client without one (a system's token) is not.
    HttpSession session = forfragan.getSession(false);
    UppgiftSignal.Vantan vantan =
        signal.vanta(
            session == null ? null : session.getId(),
            in.anvandare().id(),
            namn,
            urval.arende(),
            System.nanoTime() + vantetid.toNanos(),
            new UppgiftSignal.Fraga() {
              // Read and answered in turn, never at once (see UppgiftSignal.Vantan).
              private UppgiftRepository.Sida svar;
              private String etag;

              @Override
              public boolean las() {
                svar = uppgifter.lista(urval, in.anvandare());
                etag = UppgiftEtag.av(json, svar);
                return andrad(svar, etag, omInteSamma);
              }

              @Override
              public void svara() {
                resultat.setResult(svar(svar, etag, omInteSamma, metod, in));
              }

              @Override
              public void fel(RuntimeException e) {
                resultat.setErrorResult(e);
              }

              @Override
              public void avbruten() {
                // The client ended its wait: no list, so no person's name is read for it.
                resultat.setResult(ResponseEntity.noContent().build());
              }
            });
    // The request ended otherwise (an error, the server's time limit): the wait ends with it.
    resultat.onCompletion(vantan::avsluta);
    resultat.onError(e -> vantan.avsluta());
    resultat.onTimeout(vantan::svaraNu);
    return resultat;
  }

  /**
   * The answer for {@code svar}: 304 when the client's {@code If-None-Match} names its {@code
   * ETag}; for {@code HEAD} without a body, so that no person's name is read (nor logged).
   */
  private ResponseEntity<List<UppgiftDto>> svar(
      UppgiftRepository.Sida svar,
      String etag,
      String omInteSamma,
      HttpMethod metod,
      Inloggning in) {
    if (etag != null && samma(omInteSamma, etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(etag)
          .header(TOTALT_ANTAL, String.valueOf(svar.totalt()))
          .build();
    }
    var ok = ResponseEntity.ok().header(TOTALT_ANTAL, String.valueOf(svar.totalt()));
    if (etag != null) {
      ok.eTag(etag);
    }
    if (metod == HttpMethod.HEAD) {
      return ok.build();
    }
    Map<UUID, String> individ = uppgifter.individnamn(svar.uppgifter(), in.anvandare());
    return ok.body(
        svar.uppgifter().stream()
            .map(u -> UppgiftDto.av(u, u.arendeId() == null ? null : individ.get(u.arendeId())))
            .toList());
  }

  /**
   * Ends the user's wait named {@code namn} ({@code X-Vantan-Id} of a list request with {@code
   * vanta}), when its client no longer needs the answer: the task list page when it is left. The
   * waiting request ends now with 204 and no list (to a client that has gone, nothing), and its
   * place is free for other waits, on whichever instance it waits. 204 whether or not there was one
   * (it may have been answered already, or wait on another instance); another user's wait of that
   * name is left alone.
   */
  @DeleteMapping("/vantan/{namn}")
  public ResponseEntity<Void> avslutaVantan(
      @PathVariable String namn, @AuthenticationPrincipal Inloggning in) {
    uppgifter.avslutaVantan(in.anvandare(), vantansNamn(namn));
    return ResponseEntity.noContent().build();
  }

  private static String vantansNamn(String namn) {
    if (!VANTANS_NAMN.matcher(namn).matches()) {
      throw new ValideringsFel(
          VANTAN_ID, "Väntans id ska vara 1–64 tecken: bokstäverna a–z och A–Z, siffror, - och _");
    }
    return namn;
  }

  private static Duration vantetid(String vanta, Uppgiftsurval urval) {
    if (vanta == null || vanta.isBlank()) {
      return null;
    }
    int sekunder;
    try {
      sekunder = Integer.parseInt(vanta.strip());
    } catch (NumberFormatException e) {
      sekunder = -1;
    }
    if (sekunder < 1 || sekunder > MAX_VANTA) {
      throw new ValideringsFel(
          "vanta", "Vänta ska vara ett helt antal sekunder från 1 till " + MAX_VANTA);
    }
    if (urval.sok() != null) {
      throw new ValideringsFel("vanta", "Vänta kan inte användas tillsammans med sökning (sok)");
    }
    return Duration.ofSeconds(sekunder);
  }

  /** Whether the answer is one to give now: it differs from the client's, or holds a task. */
  private static boolean andrad(UppgiftRepository.Sida svar, String etag, String omInteSamma) {
    return omInteSamma == null ? !svar.uppgifter().isEmpty() : !samma(omInteSamma, etag);
  }

  /** Whether {@code If-None-Match} names this {@code ETag} (compared weakly, as RFC 9110 says). */
  static boolean samma(String omInteSamma, String etag) {
    if (omInteSamma == null || etag == null) {
      return false;
    }
    String var = svag(etag);
    for (String del : omInteSamma.split(",")) {
      String namnd = del.strip();
      if (namnd.equals("*") || svag(namnd).equals(var)) {
        return true;
      }
    }
    return false;
  }

  private static String svag(String etag) {
    return etag.startsWith("W/") ? etag.substring(2) : etag;
  }

  /** The header that carries how many tasks match in all, whatever page the answer holds. */
  public static final String TOTALT_ANTAL = "X-Totalt-Antal";

  public record Forfallodatum(String forfallodatum) {}

  @PutMapping("/{id}/forfallodatum")
  public UppgiftDto andraForfallodatum(
      @PathVariable long id,
      @RequestBody(required = false) Forfallodatum body,
      @AuthenticationPrincipal Inloggning in) {
    return UppgiftDto.av(
        uppgifter.andraForfallodatum(
            id, body == null ? null : body.forfallodatum(), in.anvandare()));
  }

  public record NyKommentar(String text) {}

  @GetMapping("/{id}/kommentarer")
  public List<Kommentar> kommentarer(
      @PathVariable long id, @AuthenticationPrincipal Inloggning in) {
    return uppgifter.kommentarer(id, in.anvandare());
  }

  @PostMapping("/{id}/kommentarer")
  public ResponseEntity<Kommentar> kommentera(
      @PathVariable long id,
      @RequestBody(required = false) NyKommentar body,
      @AuthenticationPrincipal Inloggning in) {
    return ResponseEntity.status(201)
        .body(uppgifter.kommentera(id, body == null ? null : body.text(), in.anvandare()));
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
    Uppgift u = uppgifter.slutfor(id, variabler == null ? Map.of() : variabler, in.anvandare());
    UppgiftService.Skickad skickad = uppgifter.skickaForstaGangen(id);
    Map<String, Object> svar = new LinkedHashMap<>();
    svar.put("id", id);
    svar.put(
        "status",
        (skickad == UppgiftService.Skickad.VANTAR
                ? UppgiftStatus.INSKICKAD
                : UppgiftStatus.SLUTFORD)
            .name());
    svar.put(
        "meddelande",
        switch (skickad) {
          case I_MOTORN -> uppgifter.bekraftelse(u);
          case VANTAR -> "Uppgiften är sparad och skickas till processmotorn så snart den svarar.";
          case SAKNAS_I_MOTORN -> SAKNAS_I_MOTORN;
        });
    if (skickad == UppgiftService.Skickad.SAKNAS_I_MOTORN) {
      svar.put("varning", SAKNAS_I_MOTORN);
    }
    return svar;
  }

  /**
   * What the user is told when the engine no longer had the task's job: the answer is kept, but the
   * case does not go on from it.
   */
  static final String SAKNAS_I_MOTORN =
      "Svaret är sparat, men processmotorn väntade inte längre på uppgiften, så ärendet går inte"
          + " vidare av det. Kontakta den som förvaltar Flerpart.";

  static UppgiftService.Vy vy(String vy) {
    return Uppgiftsurval.vy(vy);
  }
}
