package se.flerpart.oversikt;

import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Inloggning;

/**
 * The case's path as JSON ({@code GET /api/arenden/{id}/vag}) and the BPMN models the case page
 * draws it on. Whoever may see the case at all may see its path — the processledare any case — as
 * it holds no personal data (see {@link Arendevag}); anyone else gets 403, an unknown or malformed
 * id 404.
 */
@RestController
class ArendevagController {

  private final Arendevag vag;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;

  ArendevagController(Arendevag vag, ArendeService arenden, ArendeAtkomst atkomst) {
    this.vag = vag;
    this.arenden = arenden;
    this.atkomst = atkomst;
  }

  @GetMapping("/api/arenden/{id}/vag")
  Arendevag.Vag vag(@PathVariable String id, @AuthenticationPrincipal Inloggning in) {
    Arende a = synligt(id, in);
    return vag.vag(a.id(), a.status().avslutad());
  }

  @GetMapping("/arenden/{id}/vag/bpmn/{process}")
  ResponseEntity<byte[]> bpmn(
      @PathVariable String id, @PathVariable String process, @AuthenticationPrincipal Inloggning in)
      throws IOException {
    synligt(id, in);
    return OversiktController.bpmnSvar(process);
  }

  private Arende synligt(String id, Inloggning in) {
    Arende a = arenden.hamta(id);
    atkomst.kravSe(in.anvandare(), a);
    return a;
  }
}
