package se.flerpart.statistik;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A row of a report table. Kön rows carry {@code kvinnor}, {@code man}, {@code annat} and {@code
 * totalt} and, where the table has one, {@code andel} (percent, one decimal); the rows of {@code
 * ledtider} carry {@code antal}, {@code medianDagar}, {@code p80Dagar}, {@code maxDagar} and {@code
 * vantande} instead. {@code overordnad} names the row a sub-row belongs to (e.g. {@code arbete}
 * under {@code positiv-losning}). Absent fields are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rad(
    String id,
    String namn,
    String overordnad,
    Integer kvinnor,
    Integer man,
    Integer annat,
    Integer totalt,
    BigDecimal andel,
    Integer antal,
    BigDecimal medianDagar,
    BigDecimal p80Dagar,
    Integer maxDagar,
    Integer vantande) {

  /** A row split by kön. */
  public static Rad kon(
      String id,
      String namn,
      String overordnad,
      int kvinnor,
      int man,
      int annat,
      BigDecimal andel) {
    return new Rad(
        id,
        namn,
        overordnad,
        kvinnor,
        man,
        annat,
        kvinnor + man + annat,
        andel,
        null,
        null,
        null,
        null,
        null);
  }

  /** A lead-time row of {@code ledtider}. */
  public static Rad ledtid(
      String id,
      String namn,
      int antal,
      BigDecimal medianDagar,
      BigDecimal p80Dagar,
      Integer maxDagar,
      int vantande) {
    return new Rad(
        id,
        namn,
        null,
        null,
        null,
        null,
        null,
        null,
        antal,
        medianDagar,
        p80Dagar,
        maxDagar,
        vantande);
  }
}
