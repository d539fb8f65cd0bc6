package se.flerpart.avvikelse;

import java.util.Arrays;
import se.flerpart.web.ValideringsFel;

/**
 * The list's filters: {@code status} a status code, {@code OPPNA} (every status but AVSLUTAD) or
 * {@code ALLA}; {@code part} and {@code typ} codes. A blank filter lets everything through.
 */
public record AvvikelseFilter(String status, String part, String typ) {

  public static final String OPPNA = "OPPNA";
  public static final String ALLA = "ALLA";

  public AvvikelseFilter {
    status = blank(status) ? ALLA : status.strip().toUpperCase();
    part = blank(part) ? null : part.strip();
    typ = blank(typ) ? null : typ.strip();
    if (!giltigStatus(status)) {
      throw new ValideringsFel(
          "status",
          "Status ska vara OPPNA, ALLA eller en av "
              + String.join(
                  ", ", Arrays.stream(AvvikelseStatus.values()).map(Enum::name).toList()));
    }
  }

  private static boolean giltigStatus(String status) {
    return OPPNA.equals(status)
        || ALLA.equals(status)
        || Arrays.stream(AvvikelseStatus.values()).anyMatch(s -> s.name().equals(status));
  }

  /** Status aside: the trend counts every deviation of the chosen part and type. */
  public boolean matcharPartOchTyp(AvvikelseVy a) {
    return (part == null || part.equals(a.berordPart())) && (typ == null || typ.equals(a.typ()));
  }

  public boolean matchar(AvvikelseVy a) {
    return matcharPartOchTyp(a)
        && switch (status) {
          case ALLA -> true;
          case OPPNA -> a.oppen();
          default -> status.equals(a.status());
        };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
