package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every field a person can type in, on every page, has its label for the answer that refuses the
 * form before the page's controller sees it: a new field without one fails here.
 */
class FaltetiketterTest {

  private static final Pattern FALT = Pattern.compile("<(input|textarea)\\b([^>]*)>");
  private static final Pattern NAMN = Pattern.compile("\\sname=\"([^\"]+)\"");
  private static final Pattern EJ_TEXT =
      Pattern.compile("\\stype=\"(hidden|checkbox|radio|submit|file)\"");
  // The person's fields are written by a fragment: textfalt('namn', ...) or textfalt(${f + 'namn'}.
  private static final Pattern FRAGMENT =
      Pattern.compile("textfalt\\((?:'([^']+)'|\\$\\{f \\+ '([^']+)'})");
  // The insats page's times are named in a list: th:each="t : ${ {'maxTid', ...} }".
  private static final Pattern LISTA = Pattern.compile("th:each=\"t : \\$\\{ \\{([^}]+)} }\"");

  @Test
  void varjeTextfaltHarSinEtikett() throws IOException {
    Set<String> namn = new TreeSet<>();
    Resource[] mallar =
        new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
    assertThat(mallar).hasSizeGreaterThan(30);
    for (Resource mall : mallar) {
      String html = mall.getContentAsString(StandardCharsets.UTF_8);
      Matcher falt = FALT.matcher(html);
      while (falt.find()) {
        Matcher n = NAMN.matcher(falt.group(2));
        if (n.find() && !EJ_TEXT.matcher(falt.group(2)).find()) {
          namn.add(n.group(1));
        }
      }
      Matcher fragment = FRAGMENT.matcher(html);
      while (fragment.find()) {
        namn.add(
            fragment.group(1) != null ? fragment.group(1) : "narstaende[0]." + fragment.group(2));
      }
      Matcher lista = LISTA.matcher(html);
      while (lista.find()) {
        for (String t : lista.group(1).split(",")) {
          namn.add(t.strip().replace("'", ""));
        }
      }
    }
    assertThat(namn)
        .as("fälten som hittades")
        .contains("personnummer", "skal", "kommentar", "godMan.epost", "narstaende[0].relation")
        .contains("maxTid", "text", "orsak", "sok");
    assertThat(namn)
        .filteredOn(n -> Faltetiketter.etikett(n).isEmpty())
        .as("fält utan etikett för felsidan")
        .isEmpty();
  }

  @Test
  void enNarstaendesOchGodMansFaltSagerVems() {
    assertThat(Faltetiketter.etikett("narstaende[0].telefon")).contains("Närstående 1, telefon");
    assertThat(Faltetiketter.etikett("godMan.epost")).contains("God man, e-post");
    assertThat(Faltetiketter.etikett("sortering")).isEmpty();
    assertThat(Faltetiketter.etikett("narstaende[0].sortering")).isEmpty();
  }
}
