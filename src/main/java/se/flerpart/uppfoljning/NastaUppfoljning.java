package se.flerpart.uppfoljning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When the case's plan is next followed up, as it stands now — after a follow-up that continued the
 * plan, or a move — where the plan only knows the date agreed at the meeting.
 */
@Repository
class NastaUppfoljning {

  private final JdbcClient jdbc;
  private final Clock klocka;

  NastaUppfoljning(JdbcClient jdbc, Clock klocka) {
    this.jdbc = jdbc;
    this.klocka = klocka;
  }

  void satt(UUID arendeId, LocalDate datum) {
    jdbc.sql(
            """
            insert into uppfoljning_nasta (arende_id, datum, satt) values (?, ?, ?)
            on conflict (arende_id) do update set datum = excluded.datum, satt = excluded.satt
            """)
        .params(arendeId, Date.valueOf(datum), Timestamp.from(klocka.instant()))
        .update();
  }

  void taBort(UUID arendeId) {
    jdbc.sql("delete from uppfoljning_nasta where arende_id = ?").param(arendeId).update();
  }

  Optional<LocalDate> hitta(UUID arendeId) {
    return jdbc.sql("select datum from uppfoljning_nasta where arende_id = ?")
        .param(arendeId)
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .optional();
  }
}
