package se.flerpart.uppgift;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drafts of task forms: one JSON object per task and user. */
@Repository
class UtkastRepository {

  /** A draft as stored: the form's values as JSON text, and when they were saved. */
  record Utkast(String data, Instant sparad) {}

  private final JdbcClient jdbc;

  UtkastRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void spara(long uppgiftId, String anvandare, UUID arendeId, String data, Instant nu) {
    jdbc.sql(
            """
            insert into uppgift_utkast (uppgift_id, anvandare, arende_id, data, sparad)
            values (?, ?, ?, ?::jsonb, ?)
            on conflict (uppgift_id, anvandare)
            do update set data = excluded.data, sparad = excluded.sparad
            """)
        .params(uppgiftId, anvandare, arendeId, data, Timestamp.from(nu))
        .update();
  }

  Optional<Utkast> hitta(long uppgiftId, String anvandare) {
    return jdbc.sql(
            "select data::text as data, sparad from uppgift_utkast"
                + " where uppgift_id = ? and anvandare = ?")
        .params(uppgiftId, anvandare)
        .query((rs, n) -> new Utkast(rs.getString("data"), rs.getTimestamp("sparad").toInstant()))
        .optional();
  }
}
