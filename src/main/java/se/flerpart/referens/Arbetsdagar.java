package se.flerpart.referens;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Swedish working days: Monday to Friday except the public holidays (allmänna helgdagar) and the
 * eves that workplaces keep closed (midsommarafton, julafton, nyårsafton). Used for every deadline
 * counted in working days: reminders before a meeting, the beredningsmöte's agenda.
 */
public final class Arbetsdagar {

  private static final Set<MonthDay> FASTA =
      Set.of(
          MonthDay.of(1, 1), // nyårsdagen
          MonthDay.of(1, 6), // trettondedag jul
          MonthDay.of(5, 1), // första maj
          MonthDay.of(6, 6), // Sveriges nationaldag
          MonthDay.of(12, 24), // julafton
          MonthDay.of(12, 25), // juldagen
          MonthDay.of(12, 26), // annandag jul
          MonthDay.of(12, 31)); // nyårsafton

  private Arbetsdagar() {}

  public static boolean arArbetsdag(LocalDate dag) {
    DayOfWeek veckodag = dag.getDayOfWeek();
    return veckodag != DayOfWeek.SATURDAY && veckodag != DayOfWeek.SUNDAY && !arHelgdag(dag);
  }

  /** A public holiday or a closed eve falling on a weekday or a weekend alike. */
  public static boolean arHelgdag(LocalDate dag) {
    if (FASTA.contains(MonthDay.from(dag))) {
      return true;
    }
    LocalDate pask = paskdagen(dag.getYear());
    if (dag.equals(pask.minusDays(2)) // långfredagen
        || dag.equals(pask.plusDays(1)) // annandag påsk
        || dag.equals(pask.plusDays(39))) { // Kristi himmelsfärds dag
      return true;
    }
    // Midsommarafton: the Friday between 19 and 25 June.
    if (dag.getMonthValue() == 6
        && dag.getDayOfWeek() == DayOfWeek.FRIDAY
        && dag.getDayOfMonth() >= 19
        && dag.getDayOfMonth() <= 25) {
      return true;
    }
    return false;
  }

  /** The day {@code antal} working days before {@code dag} (not counting {@code dag} itself). */
  public static LocalDate fore(LocalDate dag, int antal) {
    LocalDate d = dag;
    int kvar = antal;
    while (kvar > 0) {
      d = d.minusDays(1);
      if (arArbetsdag(d)) {
        kvar--;
      }
    }
    return d;
  }

  /** {@code dag} if it is a working day, else the next one. */
  public static LocalDate forstaFran(LocalDate dag) {
    LocalDate d = dag;
    while (!arArbetsdag(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
  static LocalDate paskdagen(int ar) {
    int a = ar % 19;
    int b = ar / 100;
    int c = ar % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int manad = (h + l - 7 * m + 114) / 31;
    int dagen = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(ar, manad, dagen);
  }
}
