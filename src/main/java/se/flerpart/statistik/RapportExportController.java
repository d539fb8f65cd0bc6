package se.flerpart.statistik;

import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Inloggning;

/**
 * Every table of a report as one file: {@code GET
 * /api/rapporter?format=pdf|xlsx&fran=&till=&insats=} (the JSON of the same address is answered
 * elsewhere). For the processledare and the administrator.
 */
@RestController
class RapportExportController {

  private final Statistikrapporter rapporter;
  private final Rapporturval urval;
  private final RapportPdf pdf;
  private final RapportExcel excel;
  private final InsatsRepository insatser;

  RapportExportController(
      Statistikrapporter rapporter,
      Rapporturval urval,
      RapportPdf pdf,
      RapportExcel excel,
      InsatsRepository insatser) {
    this.rapporter = rapporter;
    this.urval = urval;
    this.pdf = pdf;
    this.excel = excel;
    this.insatser = insatser;
  }

  @GetMapping(path = "/api/rapporter", params = "format=pdf")
  ResponseEntity<byte[]> pdf(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @RequestParam(required = false) String insats,
      @AuthenticationPrincipal Inloggning in) {
    Rapporturval.kravLasare(in.anvandare());
    Rapportfraga fraga = urval.tolka(fran, till, insats);
    Rapportdel del = del(fraga);
    return fil(
        pdf.rendera(titel(del), List.of(del), Map.of(), null),
        RapportPdf.MEDIATYP,
        Rapporturval.filnamn(fraga.fran(), fraga.till(), fraga.insats(), "pdf"));
  }

  @GetMapping(path = "/api/rapporter", params = "format=xlsx")
  ResponseEntity<byte[]> xlsx(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @RequestParam(required = false) String insats,
      @AuthenticationPrincipal Inloggning in) {
    Rapporturval.kravLasare(in.anvandare());
    Rapportfraga fraga = urval.tolka(fran, till, insats);
    Rapportdel del = del(fraga);
    return fil(
        excel.skapa(titel(del), List.of(del), Map.of(), null),
        RapportExcel.MEDIATYP,
        Rapporturval.filnamn(fraga.fran(), fraga.till(), fraga.insats(), "xlsx"));
  }

  private Rapportdel del(Rapportfraga fraga) {
    String namn =
        fraga.insats() == null
            ? null
            : insatser.namn().getOrDefault(fraga.insats(), fraga.insats());
    return new Rapportdel(
        namn == null ? "Hela förbundet" : namn,
        fraga.fran(),
        fraga.till(),
        fraga.insats(),
        namn,
        rapporter.alla(fraga));
  }

  private static String titel(Rapportdel del) {
    return "Statistik "
        + Rapportvy.period(del)
        + ", "
        + (del.insatsNamn() == null ? "hela förbundet" : del.insatsNamn());
  }

  static ResponseEntity<byte[]> fil(byte[] innehall, String typ, String filnamn) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(typ))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filnamn).build().toString())
        .body(innehall);
  }
}
