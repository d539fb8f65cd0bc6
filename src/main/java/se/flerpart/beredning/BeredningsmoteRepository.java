package se.flerpart.beredning;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The insatser's meeting schedules and the agendas already sent. */
@Repository
class BeredningsmoteRepository {

  private final JdbcClient jdbc;

  BeredningsmoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Motesschema> schema(String insats) {
    return jdbc.sql(
            "select insats_kod, forsta_datum, tid, intervall_veckor, plats"
                + " from beredningsmote_schema where insats_kod = ?")
        .param(insats)
        .query(
            (rs, n) ->
                new Motesschema(
                    rs.getString(1),
                    rs.getDate(2).toLocalDate(),
                    rs.getTime(3).toLocalTime(),
                    rs.getInt(4),
                    rs.getString(5)))
        .optional();
  }

  List<Motesschema> allaScheman() {
    return jdbc.sql(
            "select s.insats_kod, s.forsta_datum, s.tid, s.intervall_veckor, s.plats"
                + " from beredningsmote_schema s join insats i on i.kod = s.insats_kod"
                + " where i.aktiv order by s.insats_kod")
        .query(
            (rs, n) ->
                new Motesschema(
                    rs.getString(1),
                    rs.getDate(2).toLocalDate(),
                    rs.getTime(3).toLocalTime(),
                    rs.getInt(4),
                    rs.getString(5)))
        .list();
  }

  void spara(Motesschema s, Instant nar) {
    jdbc.sql(
            """
            insert into beredningsmote_schema (insats_kod, forsta_datum, tid, intervall_veckor,
              plats, andrad)
            values (?, ?, ?, ?, ?, ?)
            on conflict (insats_kod) do update set forsta_datum = excluded.forsta_datum,
              tid = excluded.tid, intervall_veckor = excluded.intervall_veckor,
              plats = excluded.plats, andrad = excluded.andrad
            """)
        .params(
            s.insats(),
            Date.valueOf(s.forstaDatum()),
            Time.valueOf(s.tid()),
            s.intervallVeckor(),
            s.plats(),
            Timestamp.from(nar))
        .update();
  }

  /** Inserts the schedule unless the insats has one; for the demo data. */
  boolean sparaOmSaknas(Motesschema s, Instant nar) {
    return jdbc.sql(
                """
                insert into beredningsmote_schema (insats_kod, forsta_datum, tid,
                  intervall_veckor, plats, andrad)
                values (?, ?, ?, ?, ?, ?) on conflict (insats_kod) do nothing
                """)
            .params(
                s.insats(),
                Date.valueOf(s.forstaDatum()),
                Time.valueOf(s.tid()),
                s.intervallVeckor(),
                s.plats(),
                Timestamp.from(nar))
            .update()
        == 1;
  }

  boolean arSkickad(String insats, LocalDate mote) {
    return jdbc.sql(
            "select exists (select 1 from beredningsmote_dagordning"
                + " where insats_kod = ? and motesdatum = ?)")
        .params(insats, Date.valueOf(mote))
        .query(Boolean.class)
        .single();
  }

  /** Records the agenda as sent; false when it already was. */
  boolean markeraSkickad(String insats, LocalDate mote, Instant nar, Collection<UUID> arenden) {
    return jdbc.sql(
                """
                insert into beredningsmote_dagordning (insats_kod, motesdatum, skickad, arenden)
                values (?, ?, ?, ?) on conflict do nothing
                """)
            .params(insats, Date.valueOf(mote), Timestamp.from(nar), arenden.toArray(UUID[]::new))
            .update()
        == 1;
  }

  /** The idempotency-key prefixes of the agenda mails that listed the case. */
  List<String> dagordningarMed(UUID arendeId) {
    return jdbc.sql(
            "select insats_kod, motesdatum from beredningsmote_dagordning where ? = any(arenden)")
        .param(arendeId)
        .query((rs, n) -> Dagordning.nyckel(rs.getString(1), rs.getDate(2).toLocalDate()))
        .list();
  }
}
