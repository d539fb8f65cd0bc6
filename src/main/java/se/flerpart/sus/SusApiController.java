package se.flerpart.sus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.Datum;
import se.flerpart.web.ValideringsFel;

/**
 * SUS registrations of a period, as JSON, CSV or Excel, in the column order of the SUS form so that
 * they can be entered without retyping.
 */
@RestController
class SusApiController {

  static final List<String> KOLUMNER =
      List.of(
          "Typ",
          "Datum",
          "Ärende",
          "Personnummer",
          "Anonym",
          "Kön",
          "Födelseår",
          "Insats",
          "Aktualiserande part",
          "Avslutsorsak",
          "SUS-grupp",
          "Försörjning",
          "Sysselsättning",
          "Omfattning (%)",
          "Subventionerad");

  private final SusService sus;

  SusApiController(SusService sus) {
    this.sus = sus;
  }

  @GetMapping("/api/sus/registreringar")
  public ResponseEntity<?> registreringar(
      @RequestParam(required = false) String fran,
      @RequestParam(required = false) String till,
      @RequestParam(defaultValue = "json") String format,
      @AuthenticationPrincipal Inloggning in)
      throws IOException {
    List<SusRegistrering> rader =
        sus.registreringar(datum("fran", fran), datum("till", till), in.anvandare());
    return switch (format) {
      case "json" -> ResponseEntity.ok(rader);
      case "csv" ->
          ResponseEntity.ok()
              .header(
                  HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=sus-registreringar.csv")
              .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
              .body(csv(rader));
      case "xlsx" ->
          ResponseEntity.ok()
              .header(
                  HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=sus-registreringar.xlsx")
              .contentType(
                  MediaType.parseMediaType(
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
              .body(excel(rader));
      default -> throw new ValideringsFel("format", "Formatet ska vara json, csv eller xlsx");
    };
  }

  private static LocalDate datum(String falt, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Datum.tolka(text)
        .orElseThrow(() -> new ValideringsFel(falt, "Ange datum som ÅÅÅÅ-MM-DD"));
  }

  static List<String> varden(SusRegistrering r) {
    return List.of(
        r.typ().equals("INREGISTRERING") ? "Inregistrering" : "Utregistrering",
        r.datum().toString(),
        r.arendenummer(),
        r.personnummer() == null ? "" : r.personnummer(),
        r.anonym() ? "Ja" : "Nej",
        r.kon(),
        r.fodelsear() == null ? "" : r.fodelsear().toString(),
        r.insats(),
        r.aktualiserandePart(),
        r.avslutsorsak() == null ? "" : r.avslutsorsak(),
        r.susGrupp() == null ? "" : r.susGrupp().toString(),
        String.join(", ", r.forsorjning()),
        r.sysselsattning() == null ? "" : r.sysselsattning(),
        r.sysselsattningOmfattning() == null ? "" : r.sysselsattningOmfattning().toString(),
        r.sysselsattningSubventionerad() == null
            ? ""
            : (r.sysselsattningSubventionerad() ? "Ja" : "Nej"));
  }

  /** Semicolon-separated, as Swedish Excel opens it, with a BOM so å, ä and ö survive. */
  static String csv(List<SusRegistrering> rader) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append(String.join(";", KOLUMNER)).append("\r\n");
    for (SusRegistrering r : rader) {
      sb.append(String.join(";", varden(r).stream().map(SusApiController::falt).toList()))
          .append("\r\n");
    }
    return sb.toString();
  }

  private static String falt(String v) {
    return v.contains(";") || v.contains("\"") || v.contains("\n")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }

  static byte[] excel(List<SusRegistrering> rader) throws IOException {
    ByteArrayOutputStream ut = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(ut, "Flerpart", "1.0")) {
      Worksheet ark = wb.newWorksheet("SUS-registreringar");
      for (int c = 0; c < KOLUMNER.size(); c++) {
        ark.value(0, c, KOLUMNER.get(c));
        ark.style(0, c).bold().set();
      }
      for (int r = 0; r < rader.size(); r++) {
        List<String> v = varden(rader.get(r));
        for (int c = 0; c < v.size(); c++) {
          ark.value(r + 1, c, v.get(c));
        }
      }
    }
    return ut.toByteArray();
  }
}
