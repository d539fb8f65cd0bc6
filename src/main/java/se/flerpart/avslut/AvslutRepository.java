package se.flerpart.avslut;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was recorded at avslut, one row per case; a repeated completion changes nothing. Other
 * modules (SUS, statistics) read it through {@link #hitta}.
 */
@Repository
public class AvslutRepository {

  private final JdbcClient jdbc;

  AvslutRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void spara(UUID arendeId, Avslut avslut, Instant nar) {
    jdbc.sql(
            """
            insert into avslut (arende_id, forsorjning_efter, sysselsattning_efter,
              sysselsattning_omfattning, sysselsattning_subventionerad, plan_uppfylld, registrerad)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (arende_id) do nothing
            """)
        .params(
            arendeId,
            avslut.forsorjningEfter().toArray(String[]::new),
            avslut.sysselsattningEfter(),
            avslut.omfattning(),
            avslut.subventionerad(),
            avslut.planUppfylld(),
            Timestamp.from(nar))
        .update();
  }

  public Optional<Avslut> hitta(UUID arendeId, String avslutsorsak) {
    return jdbc.sql(
            """
            select forsorjning_efter, sysselsattning_efter, sysselsattning_omfattning,
              sysselsattning_subventionerad, plan_uppfylld
            from avslut where arende_id = ?
            """)
        .param(arendeId)
        .query(
            (rs, n) ->
                new Avslut(
                    avslutsorsak,
                    Arrays.asList((String[]) rs.getArray(1).getArray()),
                    rs.getString(2),
                    (Integer) rs.getObject(3),
                    (Boolean) rs.getObject(4),
                    rs.getString(5)))
        .optional();
  }
}
