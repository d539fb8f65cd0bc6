package se.flerpart.arende;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a personnummer or samordningsnummer in free text: 10 or 12 digits, with or
 * without '-', '+' or a space before the last four, that make a valid date (day + 60 for a
 * samordningsnummer) and pass the Luhn check. Free text that travels where personal data must not
 * (deviations, reasons, mails) is checked with it.
 */
public final class PersonnummerIText {

  /** Digit runs of the right shape; the look-arounds keep longer numbers from matching in part. */
  private static final Pattern KANDIDAT =
      Pattern.compile("(?<!\\d)(?:\\d{2})?\\d{6}[-+ ]?\\d{4}(?!\\d)");

  private static final String ERSATTNING = "[personnummer borttaget]";

  private PersonnummerIText() {}

  public static boolean innehaller(String text, LocalDate idag) {
    if (text == null) {
      return false;
    }
    Matcher m = KANDIDAT.matcher(text);
    while (m.find()) {
      if (Personnummer.forsok(m.group(), idag).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The text with every personnummer replaced, for text that must be kept but not refused. */
  public static String maskera(String text, LocalDate idag) {
    if (text == null) {
      return null;
    }
    Matcher m = KANDIDAT.matcher(text);
    StringBuilder ut = new StringBuilder();
    while (m.find()) {
      String ersatt = Personnummer.forsok(m.group(), idag).isPresent() ? ERSATTNING : m.group();
      m.appendReplacement(ut, Matcher.quoteReplacement(ersatt));
    }
    m.appendTail(ut);
    return ut.toString();
  }
}
