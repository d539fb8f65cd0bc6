package se.flerpart.uppgift;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the task list page needs besides the tasks: links that keep the selection while they change
 * the sort or the page, the state of each column's sort for {@code aria-sort}, and overdue marks.
 */
public record Uppgiftslista(
    Uppgiftsurval urval,
    List<Uppgift> uppgifter,
    long totalt,
    Map<UppgiftService.Vy, Long> antal,
    Map<Long, Kommentar> kommentarer,
    Instant nu) {

  private static final Pattern TILLBAKA =
      Pattern.compile("^/uppgifter(\\?[A-Za-z0-9_.~%&=+\\-]*)?$");

  public long sidor() {
    return Math.max(1, (totalt + urval.storlek() - 1) / urval.storlek());
  }

  public int sida() {
    return urval.sida() == null ? 1 : urval.sida();
  }

  public boolean forsenad(Uppgift u) {
    return u.forfallodatum() != null && u.forfallodatum().isBefore(nu);
  }

  public long antal(String vy) {
    return antal.getOrDefault(Uppgiftsurval.vy(vy), 0L);
  }

  /** {@code ascending}, {@code descending} or null (no {@code aria-sort}) for the column. */
  public String ariaSort(String kolumn) {
    if (!urval.kolumn().equals(kolumn)) {
      return null;
    }
    return urval.fallande() ? "descending" : "ascending";
  }

  /** The list sorted by the column: ascending first, descending when it already is ascending. */
  public String sortera(String kolumn) {
    String ny = urval.kolumn().equals(kolumn) && !urval.fallande() ? "-" + kolumn : kolumn;
    return lank(ny, 1);
  }

  public String sidlank(int nySida) {
    return lank(urval.sortering(), nySida);
  }

  /** This very list, for a form on it to come back to. */
  public String har() {
    return lank(urval.sortering(), sida());
  }

  private String lank(String sortering, int nySida) {
    UriComponentsBuilder b =
        UriComponentsBuilder.fromPath("/uppgifter")
            .queryParam("vy", urval.vy().name().toLowerCase(java.util.Locale.ROOT));
    lagg(b, "sortering", sortering.equals(Uppgiftsurval.STANDARDSORTERING) ? null : sortering);
    lagg(b, "typ", urval.typ());
    lagg(b, "forfallen", urval.forfallen());
    lagg(b, "sok", urval.sok());
    lagg(b, "arende", urval.arende());
    lagg(b, "insats", urval.insats());
    lagg(b, "tilldelad", urval.tilldelad());
    lagg(b, "sida", nySida == 1 ? null : String.valueOf(nySida));
    lagg(
        b,
        "storlek",
        urval.storlek() == Uppgiftsurval.STANDARDSTORLEK ? null : String.valueOf(urval.storlek()));
    return b.encode().build().toUriString();
  }

  /**
   * The same page of the same selection in {@code GET /api/uppgifter}, every parameter spelt out
   * (the API gives every task without {@code sida}), for the page to wait for it to change; null
   * with a search, which the API does not wait for.
   */
  public String apiAdress() {
    if (urval.sok() != null) {
      return null;
    }
    UriComponentsBuilder b =
        UriComponentsBuilder.fromPath("/api/uppgifter")
            .queryParam("vy", urval.vy().name().toLowerCase(java.util.Locale.ROOT))
            .queryParam("sortering", urval.sortering());
    lagg(b, "typ", urval.typ());
    lagg(b, "forfallen", urval.forfallen());
    lagg(b, "arende", urval.arende());
    lagg(b, "insats", urval.insats());
    lagg(b, "tilldelad", urval.tilldelad());
    b.queryParam("sida", sida()).queryParam("storlek", urval.storlek());
    return b.encode().build().toUriString();
  }

  private static void lagg(UriComponentsBuilder b, String namn, String varde) {
    if (varde != null) {
      b.queryParam(namn, varde);
    }
  }

  /** Where a form posted from the list goes back to: only a task list address, never elsewhere. */
  public static String tillbaka(String adress, String annars) {
    return adress != null && TILLBAKA.matcher(adress).matches() ? adress : annars;
  }
}
