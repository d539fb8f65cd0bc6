package se.flerpart.notifiering;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a Thymeleaf template under {@code pdf/} (strict XHTML) to a PDF: kallelser, plans,
 * reports.
 */
@Component
public class PdfRenderer {

  private final SpringTemplateEngine mallar = new SpringTemplateEngine();

  public PdfRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("pdf/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    mallar.setTemplateResolver(resolver);
  }

  public byte[] rendera(String mall, Map<String, Object> modell) {
    String html = mallar.process(mall, new Context(Locale.forLanguageTag("sv"), modell));
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
