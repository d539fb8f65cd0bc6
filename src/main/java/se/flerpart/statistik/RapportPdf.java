package se.flerpart.statistik;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.notifiering.PdfRenderer;

/**
 * A report as one PDF: its title with period and insats, per part the definition it was computed
 * with and its footnotes, every table with its kön or lead-time columns, the processledare's
 * comments, and the checks — a failed one as a warning framed in red at the top of its table.
 */
@Component
public class RapportPdf {

  static final String MEDIATYP = "application/pdf";

  private final PdfRenderer pdf;

  RapportPdf(PdfRenderer pdf) {
    this.pdf = pdf;
  }

  /**
   * @param titel the document's title, e.g. "Uppföljningsrapport 2026-01-01 – 2026-03-31"
   * @param kommentarer the processledare's comment per table id (may be empty)
   * @param status a line under the title, e.g. who approved it, or null
   */
  public byte[] rendera(
      String titel, List<Rapportdel> delar, Map<String, String> kommentarer, String status) {
    Map<String, Object> modell = new HashMap<>();
    modell.put("titel", titel);
    modell.put("status", status);
    modell.put("delar", Rapportvy.delar(delar, kommentarer));
    modell.put("underkanda", delar.stream().mapToLong(Rapportdel::underkandaKontroller).sum());
    return pdf.rendera("uppfoljningsrapport", modell);
  }
}
