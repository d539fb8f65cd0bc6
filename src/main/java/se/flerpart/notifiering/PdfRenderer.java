package se.flerpart.notifiering;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders a Thymeleaf template under {@code pdf/} (strict XHTML) to a PDF: kallelser, plans,
 * reports.
 */
@Component
public class PdfRenderer {

  private final Mallar mallar = new Mallar("pdf", ".html", TemplateMode.HTML);

  public byte[] rendera(String mall, Map<String, Object> modell) {
    String html = mallar.rendera(mall, modell);
    try (ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(ut);
      builder.run();
      return ut.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Kunde inte skapa PDF av " + mall, e);
    }
  }
}
