package se.flerpart.mote;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: an invitee answers with the token of the personal link. 404 for a link that is not
 * Flerpart's, 409 when already answered, 410 when the link has expired or the kallelse changed.
 */
@RestController
@RequestMapping("/api/kallelsesvar")
class KallelsesvarApiController {

  private final KallelsesvarService svar;

  KallelsesvarApiController(KallelsesvarService svar) {
    this.svar = svar;
  }

  @GetMapping("/{token}")
  public KallelsesvarService.Inbjudan inbjudan(@PathVariable String token) {
    return svar.inbjudan(token);
  }

  @PostMapping("/{token}")
  public Map<String, Object> svara(
      @PathVariable String token,
      @RequestBody(required = false) KallelsesvarService.Svarsbegaran begaran) {
    KallelsesvarService.Inbjudan inbjudan =
        svar.svara(
            token,
            begaran == null ? new KallelsesvarService.Svarsbegaran(null, null, null) : begaran);
    Map<String, Object> kropp = new LinkedHashMap<>();
    kropp.put("svar", inbjudan.svar());
    kropp.put("meddelande", SvarController.tack(inbjudan.svar()));
    return kropp;
  }

  @ExceptionHandler(SvarslankFel.class)
  ResponseEntity<Map<String, Object>> lankFel(SvarslankFel e) {
    Map<String, Object> kropp = new LinkedHashMap<>();
    kropp.put("status", e.status().value());
    kropp.put("meddelande", e.getMessage());
    return ResponseEntity.status(e.status()).body(kropp);
  }
}
