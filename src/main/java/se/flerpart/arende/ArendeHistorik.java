package se.flerpart.arende;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of a case: every step, who took it and when. Free text here holds no personnummer.
 */
@Component
public class ArendeHistorik {

  public record Handelse(Instant tid, String typ, String beskrivning, String utfordAv) {}

  private final JdbcClient jdbc;

  private final Clock klocka;

  public ArendeHistorik(JdbcClient jdbc, Clock klocka) {
    this.klocka = klocka;
    this.jdbc = jdbc;
  }

  public void logga(UUID arendeId, String typ, String beskrivning, String utfordAv) {
    jdbc.sql(
            "insert into arende_handelse (arende_id, tid, typ, beskrivning, utford_av)"
                + " values (?, ?, ?, ?, ?)")
        .params(arendeId, Timestamp.from(klocka.instant()), typ, beskrivning, utfordAv)
        .update();
  }

  public List<Handelse> handelser(UUID arendeId) {
    return jdbc.sql(
            "select tid, typ, beskrivning, utford_av from arende_handelse where arende_id = ?"
                + " order by tid, id")
        .param(arendeId)
        .query(
            (rs, n) ->
                new Handelse(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }
}
