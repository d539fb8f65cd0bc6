package se.flerpart.referens;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The categories avslut and aktualisering record (avslutsorsak, försörjning, sysselsättning,
 * utbildningsnivå, tid i offentlig försörjning), kept as data. An administrator adds, renames and
 * retires them; a code in use is never deleted.
 */
@Repository
public class KategoriRepository {

  /** The category tables an administrator may edit, with their Swedish names. */
  public enum Kategori {
    AVSLUTSORSAK("avslutsorsak", "Avslutsorsaker"),
    FORSORJNING("forsorjning", "Försörjning"),
    SYSSELSATTNING("sysselsattning", "Sysselsättning"),
    UTBILDNINGSNIVA("utbildningsniva", "Utbildningsnivå"),
    TID_I_FORSORJNING("tid_i_forsorjning", "Tid i offentlig försörjning");

    private final String tabell;
    private final String namn;

    Kategori(String tabell, String namn) {
      this.tabell = tabell;
      this.namn = namn;
    }

    public String namn() {
      return namn;
    }

    public static Kategori av(String text) {
      for (Kategori k : values()) {
        if (k.name().equalsIgnoreCase(text) || k.tabell.equals(text)) {
          return k;
        }
      }
      throw new ValideringsFel("kategori", "Okänd kategori: " + text);
    }
  }

  public record Post(String kod, String namn, boolean aktiv, int ordning) {}

  private static final Map<Kategori, String> ANVANDS_I =
      Map.of(
          Kategori.AVSLUTSORSAK, "select count(*) from arende where avslutsorsak = ?",
          Kategori.FORSORJNING, "select count(*) from avslut where ? = any(forsorjning_efter)",
          Kategori.SYSSELSATTNING, "select count(*) from avslut where sysselsattning_efter = ?",
          Kategori.UTBILDNINGSNIVA, "select count(*) from arende where utbildningsniva = ?",
          Kategori.TID_I_FORSORJNING, "select count(*) from arende where tid_i_forsorjning = ?");

  static final int MAX_NAMN = 200;

  private final JdbcClient jdbc;

  public KategoriRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Post> alla(Kategori k) {
    return jdbc.sql("select kod, namn, aktiv, ordning from " + k.tabell + " order by ordning, namn")
        .query(
            (rs, n) -> new Post(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)))
        .list();
  }

  public List<Post> aktiva(Kategori k) {
    return alla(k).stream().filter(Post::aktiv).toList();
  }

  public Optional<Post> hitta(Kategori k, String kod) {
    return alla(k).stream().filter(p -> p.kod().equals(kod)).findFirst();
  }

  public void lagg(Kategori k, String kod, String namn) {
    if (kod == null || !kod.matches("[A-Z0-9_]{2,64}")) {
      throw new ValideringsFel("kod", "Koden ska vara 2–64 versaler, siffror eller understreck");
    }
    if (namn == null || namn.isBlank()) {
      throw new ValideringsFel("namn", "Ange ett namn");
    }
    if (namn.strip().length() > MAX_NAMN) {
      throw new ValideringsFel("namn", "Namnet får vara högst " + MAX_NAMN + " tecken");
    }
    if (hitta(k, kod).isPresent()) {
      throw new Konflikt("Koden " + kod + " finns redan.");
    }
    int ordning =
        jdbc.sql("select coalesce(max(ordning), 0) + 10 from " + k.tabell)
            .query(Integer.class)
            .single();
    jdbc.sql("insert into " + k.tabell + " (kod, namn, ordning) values (?, ?, ?)")
        .params(kod, namn.strip(), ordning)
        .update();
  }

  public void bytNamn(Kategori k, String kod, String namn) {
    if (namn == null || namn.isBlank()) {
      throw new ValideringsFel("namn", "Ange ett namn");
    }
    if (namn.strip().length() > MAX_NAMN) {
      throw new ValideringsFel("namn", "Namnet får vara högst " + MAX_NAMN + " tecken");
    }
    krav(k, kod);
    jdbc.sql("update " + k.tabell + " set namn = ? where kod = ?")
        .params(namn.strip(), kod)
        .update();
  }

  public void sattAktiv(Kategori k, String kod, boolean aktiv) {
    krav(k, kod);
    jdbc.sql("update " + k.tabell + " set aktiv = ? where kod = ?").params(aktiv, kod).update();
  }

  /** Deletes a code nobody has used; one in use can only be retired. */
  public void tabort(Kategori k, String kod) {
    krav(k, kod);
    int anvandningar = jdbc.sql(ANVANDS_I.get(k)).param(kod).query(Integer.class).single();
    if (anvandningar > 0) {
      throw new Konflikt(
          "Koden " + kod + " används i " + anvandningar + " ärenden och kan bara avaktiveras.");
    }
    jdbc.sql("delete from " + k.tabell + " where kod = ?").param(kod).update();
  }

  private void krav(Kategori k, String kod) {
    if (hitta(k, kod).isEmpty()) {
      throw new EjFunnen("Koden " + kod + " finns inte.");
    }
  }
}
