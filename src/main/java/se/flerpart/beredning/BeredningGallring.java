package se.flerpart.beredning;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.Gallringsbar;

/** Gallring of the beredningsgrupp's motiveringar; the decisions and their dates stay. */
@Component
class BeredningGallring implements Gallringsbar {

  private final JdbcClient jdbc;

  BeredningGallring(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void gallra(UUID arendeId) {
    jdbc.sql("update beredning_beslut set motivering = null where arende_id = ?")
        .param(arendeId)
        .update();
  }
}
