package se.flerpart.arende;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns when free text (skäl, anteckningar, a deviation's description) looks like it holds a
 * personnummer or a person's name where none belongs. A warning, never a refusal: the one refusal,
 * a personnummer in a deviation, stays with {@link PersonnummerIText} where the text is saved.
 *
 * <p>The name heuristic is deliberately simple and errs on the side of warning:
 *
 * <ul>
 *   <li>a word from a short list of common Swedish first names ({@link #FORNAMN}), written with a
 *       capital initial, anywhere in the text; or
 *   <li>two or more capitalised words in a row (hyphenated names count as one word) that do not
 *       start a sentence; a run that starts a sentence needs a third capitalised word, since the
 *       first is capitalised anyway.
 * </ul>
 *
 * Words naming organisations and places that the texts name all the time ({@link #INTE_NAMN}: the
 * parties, "Region", "Kommun", the month and weekday names) never make a run. Everything else that
 * looks like "Förnamn Efternamn" is warned about.
 */
public final class Fritextvarning {

  /** One warning: its kind ({@code PERSONNUMMER} or {@code NAMN}) and what the page shows. */
  public record Varning(String typ, String meddelande) {}

  /** Common Swedish first names; kept small on purpose. Lower case. */
  static final Set<String> FORNAMN =
      Set.of(
          "anna",
          "eva",
          "maria",
          "karin",
          "sara",
          "lena",
          "kerstin",
          "emma",
          "ingrid",
          "marie",
          "johanna",
          "elin",
          "linnea",
          "fatima",
          "erik",
          "lars",
          "karl",
          "anders",
          "johan",
          "nils",
          "mikael",
          "hans",
          "peter",
          "olof",
          "lennart",
          "oskar",
          "mohammed",
          "ahmed",
          "ali",
          "magnus");

  /** Capitalised words that are organisations, places or dates, not persons. Lower case. */
  static final Set<String> INTE_NAMN =
      Set.of(
          "region",
          "kommun",
          "uppsala",
          "stockholm",
          "försäkringskassan",
          "arbetsförmedlingen",
          "samordningsförbundet",
          "förbundet",
          "socialtjänsten",
          "vårdcentralen",
          "psykiatrin",
          "sus",
          "fk",
          "af",
          "januari",
          "februari",
          "mars",
          "april",
          "maj",
          "juni",
          "juli",
          "augusti",
          "september",
          "oktober",
          "november",
          "december",
          "måndag",
          "tisdag",
          "onsdag",
          "torsdag",
          "fredag",
          "lördag",
          "söndag",
          "jag",
          "vi",
          "hon",
          "han",
          "hen",
          "de",
          "den",
          "det");

  private static final Pattern ORD = Pattern.compile("[\\p{L}]+(?:-[\\p{L}]+)*");

  private Fritextvarning() {}

  /**
   * The warnings for a text; {@code avvikelse} when it is a deviation's description, where a
   * personnummer is refused on save (the message says so).
   */
  public static List<Varning> varningar(String text, LocalDate idag, boolean avvikelse) {
    List<Varning> varningar = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return varningar;
    }
    if (PersonnummerIText.innehaller(text, idag)) {
      varningar.add(
          new Varning(
              "PERSONNUMMER",
              avvikelse
                  ? "Texten ser ut att innehålla ett personnummer. En avvikelse får inte innehålla"
                      + " personnummer – ta bort det, annars kan avvikelsen inte sparas."
                  : "Texten ser ut att innehålla ett personnummer. Skriv inte personnummer här –"
                      + " ärendet har redan personens uppgifter."));
    }
    namn(text)
        .ifPresent(
            n ->
                varningar.add(
                    new Varning(
                        "NAMN",
                        "Texten ser ut att innehålla ett namn på en person (”"
                            + n
                            + "”). Skriv inte ut namn här om det inte behövs – hänvisa till"
                            + " ärendet eller personens roll i stället.")));
    return varningar;
  }

  /** The first thing in the text that looks like a person's name, if any. */
  static Optional<String> namn(String text) {
    Matcher m = ORD.matcher(text);
    List<String> rad = new ArrayList<>();
    boolean radenBorjarMening = false;
    boolean meningsstart = true;
    int slut = 0;
    while (m.find()) {
      String mellan = text.substring(slut, m.start());
      boolean nyMening = meningsstart || mellan.matches("(?s).*[.!?:\\n].*");
      if (!mellan.isBlank() && !mellan.matches("[ \\t]+")) {
        // Anything but plain spaces between two words ends a run ("Anna, Eva" are two).
        Optional<String> fynd = avsluta(rad, radenBorjarMening);
        if (fynd.isPresent()) {
          return fynd;
        }
      }
      String ord = m.group();
      slut = m.end();
      meningsstart = false;
      if (FORNAMN.contains(ord.toLowerCase(Locale.ROOT)) && versal(ord)) {
        return Optional.of(ord);
      }
      if (versal(ord) && !INTE_NAMN.contains(ord.toLowerCase(Locale.ROOT))) {
        if (rad.isEmpty()) {
          radenBorjarMening = nyMening;
        }
        rad.add(ord);
      } else {
        Optional<String> fynd = avsluta(rad, radenBorjarMening);
        if (fynd.isPresent()) {
          return fynd;
        }
      }
    }
    return avsluta(rad, radenBorjarMening);
  }

  private static Optional<String> avsluta(List<String> rad, boolean borjarMening) {
    List<String> kandidat = borjarMening && !rad.isEmpty() ? rad.subList(1, rad.size()) : rad;
    Optional<String> fynd =
        kandidat.size() >= 2 ? Optional.of(String.join(" ", kandidat)) : Optional.empty();
    rad.clear();
    return fynd;
  }

  private static boolean versal(String ord) {
    return ord.length() > 1
        && Character.isUpperCase(ord.charAt(0))
        && ord.chars().skip(1).anyMatch(Character::isLowerCase);
  }
}
