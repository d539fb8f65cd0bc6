package se.flerpart.uppgift;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.flerpart.web.ValideringsFel;

/**
 * Which open tasks a list shows, in what order and which page: the task list page's filter form and
 * the query parameters of {@code GET /api/uppgifter}, read and checked in one place so that both
 * refuse the same bad input with the same Swedish message.
 *
 * @param sortering a column, with a leading {@code -} for descending order
 * @param forfallen {@code forsenade} (due date passed) or {@code veckan} (due later this week)
 * @param tilldelad a user id, or {@code ingen} for tasks nobody has taken
 * @param sida 1-based page, or null for every matching task
 */
public record Uppgiftsurval(
    UppgiftService.Vy vy,
    String sortering,
    String typ,
    String forfallen,
    String sok,
    String arende,
    String insats,
    String tilldelad,
    Integer sida,
    int storlek) {

  public static final int STANDARDSTORLEK = 50;
  public static final int MAX_STORLEK = 500;
  public static final String STANDARDSORTERING = "forfaller";

  /** The columns a list sorts by. */
  public static final Set<String> KOLUMNER =
      Set.of("uppgift", "arende", "insats", "tilldelad", "grupp", "forfaller", "skapad");

  public static final Set<String> FORFALLEN = Set.of("forsenade", "veckan");

  public static final String INGEN = "ingen";

  private static final int MAX_SOK = 100;

  public String kolumn() {
    return sortering.startsWith("-") ? sortering.substring(1) : sortering;
  }

  public boolean fallande() {
    return sortering.startsWith("-");
  }

  public boolean sidindelad() {
    return sida != null;
  }

  /** How many matching tasks come before the page: 0 when the whole list is asked for. */
  public long forePaSidan() {
    return sidindelad() ? (long) (sida - 1) * storlek : 0;
  }

  /** The same selection on another page, for paging links. */
  public Uppgiftsurval medSida(int nySida) {
    return new Uppgiftsurval(
        vy, sortering, typ, forfallen, sok, arende, insats, tilldelad, nySida, storlek);
  }

  /**
   * Reads the parameters as a client sent them (any may be null or blank); a {@link ValideringsFel}
   * names every bad one.
   */
  public static Uppgiftsurval tolka(
      String vy,
      String sortering,
      String typ,
      String forfallen,
      String sok,
      String arende,
      String insats,
      String tilldelad,
      String sida,
      String storlek) {
    Map<String, String> fel = new LinkedHashMap<>();
    UppgiftService.Vy tolkadVy = null;
    try {
      tolkadVy = vy(tom(vy) ? "mina" : vy.strip());
    } catch (ValideringsFel e) {
      fel.putAll(e.fel());
    }
    String sortera =
        tom(sortering) ? STANDARDSORTERING : sortering.strip().toLowerCase(Locale.ROOT);
    if (!KOLUMNER.contains(sortera.startsWith("-") ? sortera.substring(1) : sortera)) {
      fel.put(
          "sortering",
          "Sorteringen ska vara en av uppgift, arende, insats, tilldelad, grupp, forfaller och"
              + " skapad, med ett minustecken före för fallande ordning");
    }
    String forfall = tom(forfallen) ? null : forfallen.strip().toLowerCase(Locale.ROOT);
    if (forfall != null && !FORFALLEN.contains(forfall)) {
      fel.put("forfallen", "Förfallen ska vara forsenade eller veckan");
    }
    String sokord = tom(sok) ? null : sok.strip();
    if (sokord != null && sokord.length() > MAX_SOK) {
      fel.put("sok", "Sökningen får vara högst " + MAX_SOK + " tecken");
    }
    Integer tolkadSida = null;
    if (!tom(sida)) {
      tolkadSida = heltal(sida);
      if (tolkadSida == null || tolkadSida < 1) {
        fel.put("sida", "Sidan ska vara ett heltal från 1 och uppåt");
      }
    }
    int tolkadStorlek = STANDARDSTORLEK;
    if (!tom(storlek)) {
      Integer s = heltal(storlek);
      if (s == null || s < 1 || s > MAX_STORLEK) {
        fel.put("storlek", "Storleken ska vara ett heltal från 1 till " + MAX_STORLEK);
      } else {
        tolkadStorlek = s;
      }
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    return new Uppgiftsurval(
        tolkadVy,
        sortera,
        text(typ),
        forfall,
        sokord,
        text(arende),
        text(insats),
        text(tilldelad),
        tolkadSida,
        tolkadStorlek);
  }

  static UppgiftService.Vy vy(String vy) {
    return switch (vy.toLowerCase(Locale.ROOT)) {
      case "mina" -> UppgiftService.Vy.MINA;
      case "grupp", "gruppens" -> UppgiftService.Vy.GRUPP;
      case "alla" -> UppgiftService.Vy.ALLA;
      default -> throw new ValideringsFel("vy", "Vyn ska vara mina, grupp eller alla");
    };
  }

  private static Integer heltal(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean tom(String s) {
    return s == null || s.isBlank();
  }

  private static String text(String s) {
    return tom(s) ? null : s.strip();
  }
}
