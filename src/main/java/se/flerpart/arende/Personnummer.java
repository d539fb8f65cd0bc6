package se.flerpart.arende;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personnummer or samordningsnummer (day + 60), always kept as 12 digits. Accepts
 * YYYYMMDD-NNNN, YYYYMMDDNNNN and the 10-digit forms (with "-" or, for those over 100, "+").
 */
public record Personnummer(String tolvSiffror) {

  private static final Pattern FORMAT = Pattern.compile("^(\\d{2})?(\\d{6})([-+]?)(\\d{4})$");

  public enum Kon {
    KVINNA,
    MAN
  }

  /** Parses and checks date and checksum; the Swedish message names what is wrong. */
  public static Personnummer tolka(String text, LocalDate idag) {
    return forsok(text, idag)
        .orElseThrow(() -> new IllegalArgumentException(felmeddelande(text, idag)));
  }

  public static Optional<Personnummer> forsok(String text, LocalDate idag) {
    return felmeddelande(text, idag) == null ? Optional.of(bygg(text, idag)) : Optional.empty();
  }

  /**
   * Null when the text is a valid personnummer or samordningsnummer, else the reason in Swedish.
   */
  public static String felmeddelande(String text, LocalDate idag) {
    if (text == null || text.isBlank()) {
      return "Ange personnummer";
    }
    Matcher m = FORMAT.matcher(text.strip().replace(" ", ""));
    if (!m.matches()) {
      return "Personnumret ska ha 12 siffror (ÅÅÅÅMMDD-NNNN)";
    }
    String tolv = tolvSiffror(m, idag);
    int dag = Integer.parseInt(tolv.substring(6, 8));
    try {
      LocalDate fodd =
          LocalDate.of(
              Integer.parseInt(tolv.substring(0, 4)),
              Integer.parseInt(tolv.substring(4, 6)),
              dag > 60 ? dag - 60 : dag);
      if (fodd.isAfter(idag)) {
        return "Födelsedatumet i personnumret ligger i framtiden";
      }
    } catch (DateTimeException e) {
      return "Personnumret innehåller inget giltigt datum";
    }
    if (!luhn(tolv.substring(2))) {
      return "Personnumrets kontrollsiffra stämmer inte";
    }
    return null;
  }

  private static Personnummer bygg(String text, LocalDate idag) {
    Matcher m = FORMAT.matcher(text.strip().replace(" ", ""));
    if (!m.matches()) {
      throw new IllegalArgumentException(text);
    }
    return new Personnummer(tolvSiffror(m, idag));
  }

  /**
   * A 10-digit number says the century by its sign: '-' under 100 years old, '+' 100 or older,
   * counted by the full birth date.
   */
  private static String tolvSiffror(Matcher m, LocalDate idag) {
    String sekel = m.group(1);
    String datum = m.group(2);
    if (sekel == null) {
      int ar = idag.getYear() - (idag.getYear() % 100) + Integer.parseInt(datum.substring(0, 2));
      if (fodd(ar, datum).map(d -> d.isAfter(idag)).orElse(ar > idag.getYear())) {
        ar -= 100;
      }
      if ("+".equals(m.group(3))) {
        ar -= 100;
      }
      sekel = String.valueOf(ar / 100);
    }
    return sekel + datum + m.group(4);
  }

  private static Optional<LocalDate> fodd(int ar, String datum) {
    int dag = Integer.parseInt(datum.substring(4, 6));
    try {
      return Optional.of(
          LocalDate.of(ar, Integer.parseInt(datum.substring(2, 4)), dag > 60 ? dag - 60 : dag));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static boolean luhn(String tioSiffror) {
    int summa = 0;
    for (int i = 0; i < tioSiffror.length(); i++) {
      int siffra = tioSiffror.charAt(i) - '0';
      if (i % 2 == 0) {
        siffra *= 2;
        if (siffra > 9) {
          siffra -= 9;
        }
      }
      summa += siffra;
    }
    return summa % 10 == 0;
  }

  public boolean arSamordningsnummer() {
    return Integer.parseInt(tolvSiffror.substring(6, 8)) > 60;
  }

  public Kon kon() {
    return (tolvSiffror.charAt(10) - '0') % 2 == 0 ? Kon.KVINNA : Kon.MAN;
  }

  public Year fodelsear() {
    return Year.of(Integer.parseInt(tolvSiffror.substring(0, 4)));
  }

  /** YYYYMMDD-NNNN, the form people read. */
  public String formaterat() {
    return tolvSiffror.substring(0, 8) + "-" + tolvSiffror.substring(8);
  }

  @Override
  public String toString() {
    return "Personnummer[****]";
  }
}
