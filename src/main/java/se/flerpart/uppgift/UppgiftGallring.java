package se.flerpart.uppgift;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.Gallringsbar;

/**
 * Gallring of a case's tasks: the variables each task was handed and the form data submitted
 * (beredning's template, motiveringar, notes), the last error the engine gave, and every draft.
 * Which task, who did it and when stay. An open task (an avvikelse about the case still being
 * handled) keeps its variables, which hold ids and codes only. The comments on the case's tasks,
 * free text that may mention the person, are deleted.
 */
@Component
class UppgiftGallring implements Gallringsbar {

  private final JdbcClient jdbc;
  private final KommentarRepository kommentarer;

  UppgiftGallring(JdbcClient jdbc, KommentarRepository kommentarer) {
    this.jdbc = jdbc;
    this.kommentarer = kommentarer;
  }

  @Override
  public void gallra(UUID arendeId) {
    jdbc.sql(
            """
            update uppgift set variabler = '{}'::jsonb, inskickad_data = null, senaste_fel = null
            where arende_id = ? and status in ('SLUTFORD', 'AVBRUTEN')
            """)
        .param(arendeId)
        .update();
    kommentarer.gallra(arendeId);
    // Drafts are what someone was writing about the person: none is kept, open task or not.
    jdbc.sql("delete from uppgift_utkast where arende_id = ?").param(arendeId).update();
  }
}
