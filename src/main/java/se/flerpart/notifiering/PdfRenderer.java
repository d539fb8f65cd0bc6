package se.flerpart.notifiering;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import javax.xml.parsers.SAXParserFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Renders a Thymeleaf template under {@code pdf/} (strict XHTML) to a PDF: kallelser, plans,
 * reports.
 */
@Component
public class PdfRenderer {

  /**
   * The PDF library asks JAXP for a new SAX parser factory for every document it reads, and JAXP
   * looks for one through the service loader unless this system property names it: a scan of every
   * jar on the class path per PDF (a few per cent of the job workers' time under load). When
   * neither the property, the JDK's {@code jaxp.properties} nor any jar names a factory, JAXP ends
   * with the JDK's own; the property names that one, so nothing changes but the scan. One set
   * outside is kept.
   */
  static final String SAX_FABRIK = "javax.xml.parsers.SAXParserFactory";

  static {
    if (System.getProperty(SAX_FABRIK) == null
        && !iJaxpProperties(SAX_FABRIK)
        && ServiceLoader.load(SAXParserFactory.class).findFirst().isEmpty()) {
      System.setProperty(SAX_FABRIK, SAXParserFactory.newDefaultInstance().getClass().getName());
    }
  }

  private static boolean iJaxpProperties(String nyckel) {
    Path fil = Path.of(System.getProperty("java.home"), "conf", "jaxp.properties");
    try {
      return Files.isReadable(fil) && Files.readString(fil).contains(nyckel);
    } catch (IOException e) {
      return false;
    }
  }

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
