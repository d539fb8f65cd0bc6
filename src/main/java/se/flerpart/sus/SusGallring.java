package se.flerpart.sus;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.Gallringsbar;

/**
 * Gallring of a case's SUS registrations: the personnummer goes. Every row stays with its type,
 * date, kön, födelseår, insats, part and codes, so the export's rows and counts stay the same.
 */
@Component
class SusGallring implements Gallringsbar {

  private final JdbcClient jdbc;

  SusGallring(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void gallra(UUID arendeId) {
    jdbc.sql("update sus_registrering set personnummer_krypterat = null where arende_id = ?")
        .param(arendeId)
        .update();
  }
}
