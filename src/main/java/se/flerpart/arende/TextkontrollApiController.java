package se.flerpart.arende;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.flerpart.web.ValideringsFel;

/**
 * {@code POST /api/textkontroll}: does a free text look like it holds a personnummer or a person's
 * name? Non-blocking: the pages ask it as the user leaves a free-text field and show the warnings
 * next to it. Any signed-in user may ask; nothing is stored, and the text is never logged.
 */
@RestController
class TextkontrollApiController {

  /** The text, and whether it is a deviation's description (a personnummer there is refused). */
  record Fraga(String text, Boolean avvikelse) {}

  static final int MAX_LANGD = 20_000;

  private final Clock klocka;

  TextkontrollApiController(Clock klocka) {
    this.klocka = klocka;
  }

  @PostMapping("/api/textkontroll")
  public Map<String, List<Fritextvarning.Varning>> kontrollera(
      @RequestBody(required = false) Fraga fraga) {
    if (fraga == null || fraga.text() == null) {
      throw new ValideringsFel("text", "Texten att kontrollera saknas");
    }
    if (fraga.text().length() > MAX_LANGD) {
      throw new ValideringsFel(
          "text", "Texten är för lång att kontrollera (högst " + MAX_LANGD + " tecken)");
    }
    LocalDate idag = LocalDate.now(klocka.withZone(ArendeService.SVERIGE));
    return Map.of(
        "varningar",
        Fritextvarning.varningar(fraga.text(), idag, Boolean.TRUE.equals(fraga.avvikelse())));
  }
}
