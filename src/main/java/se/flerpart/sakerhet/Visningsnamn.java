package se.flerpart.sakerhet;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names people read in place of codes: a part's name for its code ("Försäkringskassan" for
 * {@code FK}) and a user's name for the user id ("Anna Lind" for {@code anna}). Pages reach it as
 * {@code @visningsnamn}; the API keeps the codes.
 */
@Component("visningsnamn")
public class Visningsnamn {

  private final JdbcClient jdbc;
  private final AnvandareRepository anvandarna;

  public Visningsnamn(JdbcClient jdbc, AnvandareRepository anvandare) {
    this.jdbc = jdbc;
    this.anvandarna = anvandare;
  }

  /** The part's name, or its code if the part is unknown. */
  public String part(String kod) {
    if (kod == null || kod.isBlank()) {
      return kod;
    }
    return anvandarna.partnamn(kod);
  }

  /** The parts' names joined with commas, in the given order. */
  public String parter(Collection<String> koder) {
    return koder == null ? "" : koder.stream().map(this::part).collect(Collectors.joining(", "));
  }

  /** The user's name (also of an inactive user), or the id if there is no such user. */
  public String anvandare(String id) {
    if (id == null || id.isBlank()) {
      return id;
    }
    return jdbc.sql("select namn from anvandare where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(id);
  }

  /** "Anna Lind (Försäkringskassan)": the user and the part the user works for. */
  public String anvandareMedPart(String id) {
    return jdbc.sql("select namn, part from anvandare where id = ?")
        .param(id)
        .query((rs, n) -> medPart(rs.getString(1), rs.getString(2)))
        .optional()
        .orElse(id);
  }

  /** "Anna Lind (Försäkringskassan)" for a user already at hand. */
  public String medPart(Anvandare anvandare) {
    return medPart(anvandare.namn(), anvandare.part());
  }

  private String medPart(String namn, String part) {
    return part == null ? namn : namn + " (" + part(part) + ")";
  }
}
