package se.flerpart.mote;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
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
    return las("select * from plan where id = ?", id).stream().findFirst();
  }

  public Optional<Plan> forMote(UUID moteId) {
    return las("select * from plan where mote_id = ?", moteId).stream().findFirst();
  }

  /** Every version of the case's plan, newest first. */
  public List<Plan> forArende(UUID arendeId) {
    return las("select * from plan where arende_id = ? order by version desc", arendeId);
  }

  /**
   * The plans {@code sql} selects, then their actions in one query once the plans have been read.
   * Never a query from inside the plans' row mapper: outside a transaction that second query takes
   * a second connection while the first is still held, and eight job workers doing so at once (the
   * plan of each case whose follow-up is planned) held the whole pool while waiting for more.
   */
  private List<Plan> las(String sql, UUID param) {
    List<Plan> planer = jdbc.sql(sql).param(param).query(PlanRepository::planUtanAtgarder).list();
    if (planer.isEmpty()) {
      return planer;
    }
    Map<UUID, List<Plan.Atgard>> atgarder = new HashMap<>();
    jdbc.sql(
            "select plan_id, beskrivning, ansvarig_part, ansvarig, senast from plan_atgard"
                + " where plan_id = any(?) order by plan_id, ordning")
        .param(planer.stream().map(Plan::id).toArray(UUID[]::new))
        .query(
            (RowCallbackHandler)
                r ->
                    atgarder
                        .computeIfAbsent(r.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(
                            new Plan.Atgard(
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                r.getDate(5).toLocalDate())));
    return planer.stream()
        .map(
            p ->
                new Plan(
                    p.id(),
                    p.arendeId(),
                    p.moteId(),
                    p.version(),
                    p.mal(),
                    p.uppfoljningsdatum(),
                    List.copyOf(atgarder.getOrDefault(p.id(), List.of())),
                    p.skapad(),
                    p.skapadAv()))
        .toList();
  }

  private static Plan planUtanAtgarder(ResultSet rs, int n) throws SQLException {
    return new Plan(
        rs.getObject("id", UUID.class),
        rs.getObject("arende_id", UUID.class),
        rs.getObject("mote_id", UUID.class),
        rs.getInt("version"),
        rs.getString("mal"),
        rs.getDate("uppfoljningsdatum").toLocalDate(),
        List.of(),
        rs.getTimestamp("skapad").toInstant(),
        rs.getString("skapad_av"));
  }
}
