package se.flerpart.beredning;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.Gallringsbar;

/**
 * Gallring of the beredningsgrupp's motiveringar and of the agenda mails that listed the case; the
 * decisions and their dates stay.
 */
@Component
class BeredningGallring implements Gallringsbar {

  private final JdbcClient jdbc;
  private final BeredningsmoteRepository moten;

  BeredningGallring(JdbcClient jdbc, BeredningsmoteRepository moten) {
    this.jdbc = jdbc;
    this.moten = moten;
  }

  @Override
  public void gallra(UUID arendeId) {
    jdbc.sql("update beredning_beslut set motivering = null where arende_id = ?")
        .param(arendeId)
        .update();
    // The agendas that listed the case carry its personal data in their PDF: they go with it.
    for (String nyckel : moten.dagordningarMed(arendeId)) {
      jdbc.sql("delete from mail_utkorg where idempotensnyckel like ?")
          .param(nyckel.replace("%", "\\%").replace("_", "\\_") + "%")
          .update();
    }
  }
}
