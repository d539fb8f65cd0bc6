package se.flerpart.mote;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and their actions; the newest version of a case's plan is the current one. */
@Repository
public class PlanRepository {

  private final JdbcClient jdbc;

  public PlanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the plan as the case's next version. */
  public Plan spara(Plan plan) {
    int version =
        jdbc.sql("select coalesce(max(version), 0) + 1 from plan where arende_id = ?")
            .param(plan.arendeId())
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into plan (id, arende_id, mote_id, version, mal, uppfoljningsdatum, skapad, skapad_av)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            plan.id(),
            plan.arendeId(),
            plan.moteId(),
            version,
            plan.mal(),
            Date.valueOf(plan.uppfoljningsdatum()),
            Timestamp.from(plan.skapad()),
            plan.skapadAv())
        .update();
    int ordning = 1;
    for (Plan.Atgard a : plan.atgarder()) {
      jdbc.sql(
              """
              insert into plan_atgard (plan_id, ordning, beskrivning, ansvarig_part, ansvarig, senast)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              plan.id(),
              ordning++,
              a.beskrivning(),
              a.ansvarigPart(),
              a.ansvarig(),
              Date.valueOf(a.senast()))
          .update();
    }
    return hitta(plan.id()).orElseThrow();
  }

  public Optional<Plan> hitta(UUID id) {
    return jdbc.sql("select * from plan where id = ?").param(id).query(this::plan).optional();
  }

  public Optional<Plan> forMote(UUID moteId) {
    return jdbc.sql("select * from plan where mote_id = ?")
        .param(moteId)
        .query(this::plan)
        .optional();
  }

  /** Every version of the case's plan, newest first. */
  public List<Plan> forArende(UUID arendeId) {
    return jdbc.sql("select * from plan where arende_id = ? order by version desc")
        .param(arendeId)
        .query(this::plan)
        .list();
  }

  private Plan plan(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    List<Plan.Atgard> atgarder =
        jdbc.sql(
                "select beskrivning, ansvarig_part, ansvarig, senast from plan_atgard"
                    + " where plan_id = ? order by ordning")
            .param(id)
            .query(
                (r, i) ->
                    new Plan.Atgard(
                        r.getString(1), r.getString(2), r.getString(3), r.getDate(4).toLocalDate()))
            .list();
    return new Plan(
        id,
        rs.getObject("arende_id", UUID.class),
        rs.getObject("mote_id", UUID.class),
        rs.getInt("version"),
        rs.getString("mal"),
        rs.getDate("uppfoljningsdatum").toLocalDate(),
        atgarder,
        rs.getTimestamp("skapad").toInstant(),
        rs.getString("skapad_av"));
  }
}
