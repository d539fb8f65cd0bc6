package se.flerpart.statistik;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/**
 * {@code POST /api/rapporter/import}: a file of history as the body ({@code text/csv} or .xlsx) or
 * as the multipart field {@code fil}. Answers {@code {"importerade": N}}, N being the rows added or
 * changed (0 when the same file comes again).
 */
@RestController
class ImportApiController {

  private final Historikimport importen;

  ImportApiController(Historikimport importen) {
    this.importen = importen;
  }

  @PostMapping("/api/rapporter/import")
  Map<String, Integer> importera(HttpServletRequest request, @AuthenticationPrincipal Inloggning in)
      throws IOException {
    if (!in.anvandare().harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara administratörer kan importera historik.");
    }
    String typ = request.getContentType() == null ? "" : request.getContentType();
    byte[] fil;
    String format;
    String filnamn = null;
    if (typ.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      Part del = del(request);
      if (del == null) {
        throw new ValideringsFel("fil", "Bifoga filen i fältet fil.");
      }
      filnamn = del.getSubmittedFileName();
      format = Importfil.format(del.getContentType(), filnamn);
      try (InputStream in2 = del.getInputStream()) {
        fil = lasHogst(in2);
      }
    } else {
      format = Importfil.format(typ, null);
      if (format == null) {
        throw new ValideringsFel("fil", Importfil.FEL_FORMAT);
      }
      try (InputStream in2 = request.getInputStream()) {
        fil = lasHogst(in2);
      }
    }
    return Map.of(
        "importerade", importen.importera(fil, format, filnamn, in.anvandare()).importerade());
  }

  private static Part del(HttpServletRequest request) throws IOException {
    try {
      return request.getPart("fil");
    } catch (jakarta.servlet.ServletException | IllegalStateException e) {
      throw new ValideringsFel("fil", "Filen kunde inte tas emot. " + Importfil.FEL_FORMAT);
    }
  }

  /** Reads at most one byte more than a file may have, so a larger one is told, not read. */
  static byte[] lasHogst(InputStream in) throws IOException {
    byte[] fil = in.readNBytes(Importfil.MAX_BYTE + 1);
    if (fil.length > Importfil.MAX_BYTE) {
      throw new ValideringsFel("fil", "Filen är större än 10 MB. Dela upp den i flera filer.");
    }
    return fil;
  }
}
