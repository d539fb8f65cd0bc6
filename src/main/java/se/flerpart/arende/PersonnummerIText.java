package se.flerpart.arende;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what looks like a personnummer or samordningsnummer in free text: 10 or 12 digits that make
 * a valid date (day + 60 for a samordningsnummer) and pass the Luhn check. The digits may be
 * written any way a person or a copy-paste writes them: full-width digits, and between them short
 * runs of hyphens and dashes, spaces (also non-breaking), dots, slashes, underscores, plus signs,
 * line breaks and invisible zero-width characters. A run of more digits than that is some other
 * number. Free text that travels where personal data must not (deviations, reasons, mails) is
 * checked with it.
 */
public final class PersonnummerIText {

  private static final String ERSATTNING = "[personnummer borttaget]";

  /** The most separator characters allowed between two digits of one number. */
  private static final int MAX_SEPARATORER = 3;

  private PersonnummerIText() {}

  public static boolean innehaller(String text, LocalDate idag) {
    return !traffar(text, idag).isEmpty();
  }

  /** The text with every personnummer replaced, for text that must be kept but not refused. */
  public static String maskera(String text, LocalDate idag) {
    if (text == null) {
      return null;
    }
    StringBuilder ut = new StringBuilder();
    int fran = 0;
    for (int[] traff : traffar(text, idag)) {
      ut.append(text, fran, traff[0]).append(ERSATTNING);
      fran = traff[1];
    }
    return ut.append(text.substring(fran)).toString();
  }

  /** Start and end (exclusive) of each personnummer in the text, in order. */
  private static List<int[]> traffar(String text, LocalDate idag) {
    List<int[]> traffar = new ArrayList<>();
    if (text == null) {
      return traffar;
    }
    int i = 0;
    while (i < text.length()) {
      if (!Character.isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int slut = i;
      StringBuilder siffror = new StringBuilder();
      int separatorer = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isDigit(c)) {
          siffror.append(Character.forDigit(Character.digit(c, 10), 10));
          separatorer = 0;
          slut = i + 1;
        } else if (separator(c) && ++separatorer <= MAX_SEPARATORER) {
          // a separator inside the number; the number ends at its last digit
        } else {
          break;
        }
        i++;
      }
      if ((siffror.length() == 10 || siffror.length() == 12)
          && Personnummer.forsok(siffror.toString(), idag).isPresent()) {
        traffar.add(new int[] {start, slut});
      }
      i = slut;
    }
    return traffar;
  }

  private static boolean separator(char c) {
    return switch (c) {
      case '-',
          '+',
          '.',
          '/',
          '_',
          '\u2010',
          '\u2011',
          '\u2012',
          '\u2013',
          '\u2014',
          '\u2212',
          '\u00ad',
          '\u200b',
          '\u200c',
          '\u200d',
          '\u2060',
          '\ufeff' ->
          true;
      default -> Character.isWhitespace(c) || Character.isSpaceChar(c);
    };
  }
}
