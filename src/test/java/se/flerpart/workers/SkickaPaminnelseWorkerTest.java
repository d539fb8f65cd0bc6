package se.flerpart.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Job {@code skicka-paminnelse}: every late task the BPMN can name in the header {@code avser} has
 * its mail template, and an {@code avser} nobody knows fails the job instead of mailing nothing.
 */
class SkickaPaminnelseWorkerTest {

  private static final Map<String, String> TEXT =
      Map.of(
          "samtycke",
          "Samtycket har inte registrerats inom fristen. Inhämta samtycke eller registrera att"
              + " det inte lämnas.",
          "forbered-kallelse",
          "Beredningen beslutade Ja: kalla individen och parterna till flerpartsmöte. Ange mötets"
              + " syfte, så kommer rätt personer med rätt underlag.",
          "genomfor-mote",
          "Mötestiden har passerat. Registrera närvaro, den gemensamma planen och"
              + " minnesanteckningarna, så skickas planen till alla deltagare.",
          "uppfoljning",
          "Planens uppföljningsdag har passerat. Följ upp åtgärderna med individen och parterna;"
              + " utan uppföljning blir planen sällan genomförd.");

  @Test
  @DisplayName("Varje försenad uppgift har en mall med påminnelsens ämne och text")
  void enMallPerForsenadUppgift() {
    assertThat(SkickaPaminnelseWorker.FORSENAD_UPPGIFT).containsOnlyKeys(TEXT.keySet());
    SpringTemplateEngine mallar = mailmallar();
    TEXT.forEach(
        (avser, text) ->
            assertThat(
                    mallar.process(
                        "paminnelse-" + avser,
                        new Context(
                            Locale.forLanguageTag("sv"),
                            Map.of(
                                "arendenummer", "2026-0001",
                                "uppgift", "Inhämta samtycke",
                                "mottagare", "Anna Andersson",
                                "lank", "https://flerpart.example/uppgifter/1"))))
                .as(avser)
                .isEqualTo(
                    """
                    Påminnelse: Inhämta samtycke för ärende 2026-0001
                    Hej Anna Andersson,

                    Uppgiften "Inhämta samtycke" för ärende 2026-0001 väntar fortfarande på dig.
                    %s

                    Öppna uppgiften i Flerpart: https://flerpart.example/uppgifter/1

                    Vänliga hälsningar
                    Flerpart – samordningsförbundet
                    """
                        .formatted(text)));
  }

  @Test
  @DisplayName("En okänd eller saknad påminnelse fäller jobbet")
  void okandPaminnelse() {
    SkickaPaminnelseWorker worker = new SkickaPaminnelseWorker(null, null);
    UUID arendeId = UUID.randomUUID();
    assertThatThrownBy(() -> worker.skicka(arendeId, null, Map.of("avser", "okand"), "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Okänd påminnelse: okand");
    assertThatThrownBy(() -> worker.skicka(arendeId, null, Map.of(), "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Okänd påminnelse: null");
  }

  /** As the mail outbox reads them: a template under {@code mail/}, plain text. */
  private static SpringTemplateEngine mailmallar() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine motor = new SpringTemplateEngine();
    motor.setTemplateResolver(resolver);
    return motor;
  }
}
