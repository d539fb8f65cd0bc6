package se.flerpart.statistik;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/** The administrator's page for importing history: a file field, the result, earlier imports. */
@Controller
class ImportController {

  /** An earlier import, as the page lists it; no personal data. */
  record TidigareImport(
      java.time.Instant importerad,
      String importeradAv,
      String filnamn,
      int rader,
      int importerade) {}

  private final Historikimport importen;
  private final JdbcClient jdbc;

  ImportController(Historikimport importen, JdbcClient jdbc) {
    this.importen = importen;
    this.jdbc = jdbc;
  }

  @GetMapping("/statistik/import")
  String sida(@AuthenticationPrincipal Inloggning in, Model model) {
    kravAdmin(in);
    return visa(model);
  }

  @PostMapping("/statistik/import")
  String importera(
      @RequestParam(name = "fil", required = false) MultipartFile fil,
      @AuthenticationPrincipal Inloggning in,
      Model model,
      HttpServletResponse response)
      throws IOException {
    kravAdmin(in);
    try {
      if (fil == null || fil.isEmpty()) {
        throw new ValideringsFel("fil", "Välj en fil att importera.");
      }
      byte[] innehall;
      try (InputStream strom = fil.getInputStream()) {
        innehall = ImportApiController.lasHogst(strom);
      }
      int antal =
          importen
              .importera(
                  innehall,
                  Importfil.format(fil.getContentType(), fil.getOriginalFilename()),
                  fil.getOriginalFilename(),
                  in.anvandare())
              .importerade();
      model.addAttribute("importerade", antal);
    } catch (ValideringsFel e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("fel", e.fel());
    }
    return visa(model);
  }

  private String visa(Model model) {
    model.addAttribute("kolumner", Historikimport.KOLUMNER);
    model.addAttribute("tidigare", tidigare());
    return "statistik/import";
  }

  private List<TidigareImport> tidigare() {
    return jdbc.sql(
            "select importerad, importerad_av, filnamn, rader, importerade from statistik_import"
                + " order by importerad desc, id desc limit 20")
        .query(
            (rs, n) ->
                new TidigareImport(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getInt(5)))
        .list();
  }

  private static void kravAdmin(Inloggning in) {
    if (!in.anvandare().harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara administratörer kan importera historik.");
    }
  }
}
