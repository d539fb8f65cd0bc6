package se.flerpart.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as a Swedish user writes them: ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD, and TT:MM, TT.MM, TTMM or
 * TT. One reading for every field a person types into, with one message for what cannot be read.
 */
public final class Datum {

  /** What a date field says when it cannot read the text (its example a quarter's last day). */
  public static final String MEDDELANDE = meddelande(LocalDate.of(2026, 3, 31));

  /**
   * What a date field says when it cannot read the text, with a day the field accepts as its
   * example (for a field that refuses passed days, a day ahead).
   */
  public static String meddelande(LocalDate exempel) {
    return "Datumet kunde inte läsas. Skriv det som ÅÅÅÅ-MM-DD, till exempel " + exempel + ".";
  }

  /** What a time field says when it cannot read the text. */
  public static final String TIDSMEDDELANDE =
      "Tiden kunde inte läsas. Skriv den som TT:MM, till exempel 10:00.";

  private static final Pattern TID = Pattern.compile("(\\d{1,2})(?:[:.]?(\\d{2}))?");

  private Datum() {}

  /** The date in {@code text}, a real day in the calendar; empty when it cannot be read. */
  public static Optional<LocalDate> tolka(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    try {
      return Optional.of(
          t.matches("\\d{8}")
              ? LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE)
              : LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The time of day in {@code text}; empty when it cannot be read. */
  public static Optional<LocalTime> tolkaTid(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TID.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int timme = Integer.parseInt(m.group(1));
    int minut = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return timme > 23 || minut > 59 ? Optional.empty() : Optional.of(LocalTime.of(timme, minut));
  }
}
