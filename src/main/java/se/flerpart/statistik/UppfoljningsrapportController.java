package se.flerpart.statistik;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.ValideringsFel;

/**
 * The quarterly uppföljningsrapport: asked for now by the processledare, and every compiled version
 * (drafts and approved ones) listed and downloaded as JSON, PDF or Excel.
 */
@RestController
class UppfoljningsrapportController {

  /** An optional period; both empty means the quarter just ended. */
  record Begaran(String fran, String till) {}

  private final Uppfoljningsrapporter rapporter;

  UppfoljningsrapportController(Uppfoljningsrapporter rapporter) {
    this.rapporter = rapporter;
  }

  @PostMapping("/api/rapporter/uppfoljningsrapport")
  ResponseEntity<Map<String, Object>> begar(
      @RequestBody(required = false) Begaran begaran, @AuthenticationPrincipal Inloggning in) {
    long instans =
        rapporter.begar(
            in.anvandare(),
            begaran == null ? null : begaran.fran(),
            begaran == null ? null : begaran.till());
    return ResponseEntity.accepted().body(Map.of("processinstans", String.valueOf(instans)));
  }

  @GetMapping("/api/rapporter/uppfoljningsrapporter")
  List<Map<String, Object>> lista(@AuthenticationPrincipal Inloggning in) {
    Rapporturval.kravLasare(in.anvandare());
    return rapporter.lista().stream().map(UppfoljningsrapportController::sammanfattning).toList();
  }

  @GetMapping("/api/rapporter/uppfoljningsrapporter/{id}")
  ResponseEntity<?> hamta(
      @PathVariable long id,
      @RequestParam(defaultValue = "json") String format,
      @AuthenticationPrincipal Inloggning in) {
    Rapporturval.kravLasare(in.anvandare());
    Uppfoljningsrapporter.Version v = rapporter.version(id);
    return switch (format) {
      case "pdf" ->
          RapportExportController.fil(
              rapporter.pdf(id), RapportPdf.MEDIATYP, Uppfoljningsrapporter.filnamn(v, "pdf"));
      case "xlsx" ->
          RapportExportController.fil(
              rapporter.xlsx(id), RapportExcel.MEDIATYP, Uppfoljningsrapporter.filnamn(v, "xlsx"));
      case "json" -> {
        Uppfoljningsrapporter.Innehall innehall = rapporter.innehall(id);
        Map<String, Object> svar = sammanfattning(v);
        svar.put("kommentarer", innehall.kommentarer());
        svar.put("delar", innehall.delar());
        yield ResponseEntity.ok(svar);
      }
      default -> throw new ValideringsFel("format", "Välj format json, pdf eller xlsx");
    };
  }

  private static Map<String, Object> sammanfattning(Uppfoljningsrapporter.Version v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("fran", v.fran().toString());
    m.put("till", v.till().toString());
    m.put("skapad", v.skapad().toString());
    m.put("status", v.status());
    m.put("statusText", v.statusText());
    if (v.granskadAv() != null) {
      m.put("granskadAv", v.granskadAv());
      m.put("granskadTid", v.granskadTid().toString());
    }
    String bas = "/api/rapporter/uppfoljningsrapporter/" + v.id();
    m.put("pdf", bas + "?format=pdf");
    m.put("xlsx", bas + "?format=xlsx");
    return m;
  }
}
