package se.flerpart.notifiering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;

/**
 * The PDF renderer names JAXP's SAX parser factory, the JDK's own that JAXP would end with anyway,
 * so reading each PDF's document does not scan the class path for one (see {@link
 * PdfRenderer#SAX_FABRIK}).
 */
class PdfSaxFabrikTest {

  @Test
  void saxFabrikenArJdkensOchNamnd() throws Exception {
    Class.forName(PdfRenderer.class.getName(), true, getClass().getClassLoader());

    String jdkens = SAXParserFactory.newDefaultInstance().getClass().getName();
    assertThat(System.getProperty(PdfRenderer.SAX_FABRIK)).isEqualTo(jdkens);
    assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(jdkens);
  }

  @Test
  void enPdfRenderasMedDen() {
    byte[] pdf =
        new PdfRenderer()
            .rendera(
                "dagordning",
                Map.of(
                    "datum", "2026-12-10",
                    "insats", "Flerpartssamverkan",
                    "dag", "torsdag 10 december 2026",
                    "tid", "09:00",
                    "mottagare", "beredningsgruppen",
                    "arenden", List.of()));
    assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }
}
