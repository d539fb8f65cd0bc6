package se.flerpart.beredning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The beredningsgrupp's decisions, one per {@code bered-arende} task. */
@Repository
class BeredningRepository {

  record Beslut(
      UUID arendeId, String beslut, String motivering, String arendebarare, Instant beslutad) {}

  private final JdbcClient jdbc;

  BeredningRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** False when the task's decision was already recorded. */
  boolean spara(
      UUID arendeId,
      long uppgiftId,
      String beslut,
      String motivering,
      String arendebarare,
      String beslutadAv,
      Instant nar) {
    return jdbc.sql(
                """
                insert into beredning_beslut (arende_id, uppgift_id, beslut, motivering,
                  arendebarare, beslutad_av, beslutad)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (uppgift_id) do nothing
                """)
            .params(
                arendeId,
                uppgiftId,
                beslut,
                motivering,
                arendebarare,
                beslutadAv,
                Timestamp.from(nar))
            .update()
        == 1;
  }

  /** The case's latest decision. */
  Optional<Beslut> senaste(UUID arendeId) {
    return jdbc.sql(
            """
            select arende_id, beslut, motivering, arendebarare, beslutad from beredning_beslut
            where arende_id = ? order by beslutad desc, id desc limit 1
            """)
        .param(arendeId)
        .query(
            (rs, n) ->
                new Beslut(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .optional();
  }
}
