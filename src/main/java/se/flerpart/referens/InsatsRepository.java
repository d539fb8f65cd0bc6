package se.flerpart.referens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
    return jdbc.sql("select kod, namn, beskrivning, max_tid, aktiv from insats where kod = ?")
        .param(kod)
        .query(InsatsRepository::rad)
        .optional();
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

  private static Insats rad(ResultSet rs, int n) throws SQLException {
    return new Insats(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
  }

  public void spara(Insats insats, List<String> beredningsgrupp) {
    jdbc.sql(
            """
            insert into insats (kod, namn, beskrivning, max_tid, aktiv) values (?, ?, ?, ?, ?)
            on conflict (kod) do update set namn = excluded.namn, beskrivning = excluded.beskrivning,
              max_tid = excluded.max_tid, aktiv = excluded.aktiv
            """)
        .params(insats.kod(), insats.namn(), insats.beskrivning(), insats.maxTid(), insats.aktiv())
        .update();
    jdbc.sql("delete from beredningsgrupp_medlem where insats_kod = ?")
        .param(insats.kod())
        .update();
    for (String medlem : beredningsgrupp) {
      jdbc.sql("insert into beredningsgrupp_medlem (insats_kod, anvandare_id) values (?, ?)")
          .params(insats.kod(), medlem)
          .update();
    }
  }
}
