package se.flerpart.mote;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.Gallringsbar;
import se.flerpart.web.Transaktionsminne;

/**
 * Gallring of a case's meetings and plans: the syfte, place, video link, interpreter's language,
 * why a meeting was cancelled and the minutes; every invitee's name, e-mail address and comment;
 * the plan's goal and its actions' descriptions and responsible persons. Times, statuses, parts,
 * who was required and present, the checklist and the plan's dates stay.
 */
@Component
class MoteGallring implements Gallringsbar {

  private final JdbcClient jdbc;

  MoteGallring(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void gallra(UUID arendeId) {
    Transaktionsminne.skriv(
            jdbc,
            """
            update kallelse set namn = '', epost = null, svar_kommentar = null
            where mote_id in (select id from mote where arende_id = ?)
            """)
        .param(arendeId)
        .update();
    Transaktionsminne.skriv(
            jdbc,
            """
            update mote set syfte = '', plats = null, videolank = null, tolk_sprak = null,
              installt_orsak = null, anteckningar = null
            where arende_id = ?
            """)
        .param(arendeId)
        .update();
    jdbc.sql(
            """
            update plan_atgard set beskrivning = '', ansvarig = ''
            where plan_id in (select id from plan where arende_id = ?)
            """)
        .param(arendeId)
        .update();
    jdbc.sql("update plan set mal = '' where arende_id = ?").param(arendeId).update();
  }
}
