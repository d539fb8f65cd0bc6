package se.flerpart.referens;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Transaktionsminne;
import se.flerpart.web.ValideringsFel;

/** Insatser financed by the förbund, and the members of each one's beredningsgrupp. */
@Repository
public class InsatsRepository {

  public record Insats(String kod, String namn, String beskrivning, String maxTid, boolean aktiv) {
    /** The candidate group of the insats' {@code bered-arende} tasks. */
    public String beredningsgrupp() {
      return "beredning-" + kod;
    }
  }

  private final JdbcClient jdbc;

  public InsatsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Insats> hitta(String kod) {
    return Transaktionsminne.las(
        "insats",
        kod,
        () ->
            jdbc.sql("select kod, namn, beskrivning, max_tid, aktiv from insats where kod = ?")
                .param(kod)
                .query(InsatsRepository::rad)
                .optional());
  }

  /** Every insats' name by its code, in one query: for lists that name many rows' insatser. */
  public Map<String, String> namn() {
    Map<String, String> namn = new HashMap<>();
    jdbc.sql("select kod, namn from insats")
        .query((RowCallbackHandler) rs -> namn.put(rs.getString(1), rs.getString(2)));
    return namn;
  }

  public List<Insats> aktiva() {
    return jdbc.sql(
            "select kod, namn, beskrivning, max_tid, aktiv from insats where aktiv order by namn")
        .query(InsatsRepository::rad)
        .list();
  }

  /** When a plan is followed up by default, and how long an overdue follow-up may wait. */
  public record Uppfoljningstider(String kort, String plan, String paminnelse, String frist) {}

  public Uppfoljningstider uppfoljningstider(String kod) {
    return jdbc.sql(
            "select uppfoljning_kort, uppfoljning_plan, uppfoljning_paminnelse, uppfoljning_frist"
                + " from insats where kod = ?")
        .param(kod)
        .query(
            (rs, n) ->
                new Uppfoljningstider(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .single();
  }

  /**
   * How long after its end a case of the insats keeps its personal data; empty when the insats
   * follows the global setting {@code flerpart.gallring.efter}.
   */
  public Optional<Period> gallringEfter(String kod) {
    return jdbc.sql(
            "select gallring_efter from insats where kod = ? and gallring_efter is not null")
        .param(kod)
        .query((rs, n) -> Period.parse(rs.getString(1)))
        .optional();
  }

  /** The gallring time of every insats that sets its own, by code. */
  public Map<String, Period> gallringstider() {
    Map<String, Period> tider = new HashMap<>();
    jdbc.sql("select kod, gallring_efter from insats where gallring_efter is not null")
        .query(
            (RowCallbackHandler) rs -> tider.put(rs.getString(1), Period.parse(rs.getString(2))));
    return tider;
  }

  /**
   * The longest gallring time an insats may set: no förbund keeps personal data longer, and an
   * unbounded period would overflow the gallring job's date arithmetic.
   */
  static final int MAX_GALLRING_AR = 100;

  /**
   * Sets the insats' own gallring time (an ISO-8601 period such as {@code P2Y}), or with null or
   * blank hands it back to the global setting; read by {@link #gallringstid}, which refuses a
   * negative, unreadable or too long time.
   */
  public void sattGallringEfter(String kod, String tid) {
    String period = gallringstid(tid).map(Period::toString).orElse(null);
    int rader =
        Transaktionsminne.skriv(jdbc, "update insats set gallring_efter = ? where kod = ?")
            .params(period, kod)
            .update();
    if (rader == 0) {
      throw new EjFunnen("Insatsen finns inte.");
    }
  }

  /**
   * Reads an insats' gallring time as the administrator writes it: an ISO-8601 period such as
   * {@code P2Y} or {@code P18M}, in upper or lower case, from zero up to a hundred years; empty for
   * null or blank (the insats follows the global setting). Anything else is a {@link
   * ValideringsFel} on the field {@code gallringEfter}.
   */
  public static Optional<Period> gallringstid(String tid) {
    if (tid == null || tid.isBlank()) {
      return Optional.empty();
    }
    String text = tid.strip();
    Period period = null;
    try {
      // A longer text is no period anyone writes (a pasted document, say): not worth parsing.
      period = text.length() <= 30 ? Period.parse(text) : null;
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (period == null) {
      throw new ValideringsFel(
          "gallringEfter", "Ange gallringstiden som en period, till exempel P2Y eller P18M");
    }
    if (period.isNegative()) {
      throw new ValideringsFel("gallringEfter", "Gallringstiden får inte vara negativ");
    }
    // A month counted as 31 days keeps the bound generous; in long arithmetic nothing overflows.
    if (period.toTotalMonths() * 31 + period.getDays() > MAX_GALLRING_AR * 12L * 31) {
      throw new ValideringsFel(
          "gallringEfter", "Gallringstiden får vara högst " + MAX_GALLRING_AR + " år");
    }
    return Optional.of(period);
  }

  private static Insats rad(ResultSet rs, int n) throws SQLException {
    return new Insats(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
  }

  public void spara(Insats insats, List<String> beredningsgrupp) {
    Transaktionsminne.skriv(
            jdbc,
            """
            insert into insats (kod, namn, beskrivning, max_tid, aktiv) values (?, ?, ?, ?, ?)
            on conflict (kod) do update set namn = excluded.namn, beskrivning = excluded.beskrivning,
              max_tid = excluded.max_tid, aktiv = excluded.aktiv
            """)
        .params(insats.kod(), insats.namn(), insats.beskrivning(), insats.maxTid(), insats.aktiv())
        .update();
    Transaktionsminne.skriv(jdbc, "delete from beredningsgrupp_medlem where insats_kod = ?")
        .param(insats.kod())
        .update();
    for (String medlem : beredningsgrupp) {
      Transaktionsminne.skriv(
              jdbc, "insert into beredningsgrupp_medlem (insats_kod, anvandare_id) values (?, ?)")
          .params(insats.kod(), medlem)
          .update();
    }
  }

  /**
   * Everything the administrator sets on an insats: its times as ISO-8601 periods (e.g. {@code
   * P12M}) and the e-mail addresses of its styrgrupp. {@code gallringEfter} is null when the insats
   * follows the global gallring time.
   */
  public record Installningar(
      String kod,
      String namn,
      String beskrivning,
      String maxTid,
      String uppfoljningKort,
      String uppfoljningPlan,
      String uppfoljningPaminnelse,
      String uppfoljningFrist,
      String gallringEfter,
      List<String> styrgruppEpost,
      boolean aktiv) {}

  private static final String INSTALLNINGAR =
      "select kod, namn, beskrivning, max_tid, uppfoljning_kort, uppfoljning_plan,"
          + " uppfoljning_paminnelse, uppfoljning_frist, gallring_efter, styrgrupp_epost, aktiv"
          + " from insats";

  /** Every insats, active or not, by name. */
  public List<Installningar> allaInstallningar() {
    return jdbc.sql(INSTALLNINGAR + " order by namn, kod")
        .query(InsatsRepository::installningar)
        .list();
  }

  public Optional<Installningar> installningar(String kod) {
    return jdbc.sql(INSTALLNINGAR + " where kod = ?")
        .param(kod)
        .query(InsatsRepository::installningar)
        .optional();
  }

  /** Creates the insats or changes it; its beredningsgrupp stays as it is. */
  public void sparaInstallningar(Installningar i) {
    Transaktionsminne.skriv(
            jdbc,
            """
            insert into insats (kod, namn, beskrivning, max_tid, uppfoljning_kort, uppfoljning_plan,
              uppfoljning_paminnelse, uppfoljning_frist, gallring_efter, styrgrupp_epost, aktiv)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (kod) do update set namn = excluded.namn, beskrivning = excluded.beskrivning,
              max_tid = excluded.max_tid, uppfoljning_kort = excluded.uppfoljning_kort,
              uppfoljning_plan = excluded.uppfoljning_plan,
              uppfoljning_paminnelse = excluded.uppfoljning_paminnelse,
              uppfoljning_frist = excluded.uppfoljning_frist,
              gallring_efter = excluded.gallring_efter,
              styrgrupp_epost = excluded.styrgrupp_epost, aktiv = excluded.aktiv
            """)
        .params(
            i.kod(),
            i.namn(),
            i.beskrivning(),
            i.maxTid(),
            i.uppfoljningKort(),
            i.uppfoljningPlan(),
            i.uppfoljningPaminnelse(),
            i.uppfoljningFrist(),
            i.gallringEfter(),
            i.styrgruppEpost().toArray(String[]::new),
            i.aktiv())
        .update();
  }

  /** The ids of the members of the insats' beredningsgrupp, in order. */
  public List<String> beredningsgrupp(String kod) {
    return jdbc.sql(
            "select anvandare_id from beredningsgrupp_medlem where insats_kod = ?"
                + " order by anvandare_id")
        .param(kod)
        .query(String.class)
        .list();
  }

  public void laggTillMedlem(String kod, String anvandareId) {
    Transaktionsminne.skriv(
            jdbc,
            "insert into beredningsgrupp_medlem (insats_kod, anvandare_id) values (?, ?)"
                + " on conflict do nothing")
        .params(kod, anvandareId)
        .update();
  }

  public void taBortMedlem(String kod, String anvandareId) {
    Transaktionsminne.skriv(
            jdbc, "delete from beredningsgrupp_medlem where insats_kod = ? and anvandare_id = ?")
        .params(kod, anvandareId)
        .update();
  }

  private static Installningar installningar(ResultSet rs, int n) throws SQLException {
    Array epost = rs.getArray(10);
    return new Installningar(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        epost == null ? List.of() : List.of((String[]) epost.getArray()),
        rs.getBoolean(11));
  }
}
