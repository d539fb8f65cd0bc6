package se.flerpart.uppfoljning;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.Gallringsbar;

/**
 * Gallring of a case's follow-ups: the note, and the actions' descriptions copied from the plan.
 * Each action's status and reason code, the progression and the decision stay.
 */
@Component
class UppfoljningGallring implements Gallringsbar {

  private final JdbcClient jdbc;

  UppfoljningGallring(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void gallra(UUID arendeId) {
    jdbc.sql(
            """
            update uppfoljning set anteckning = null,
              atgard_status = coalesce(
                (select jsonb_agg(a - 'beskrivning') from jsonb_array_elements(atgard_status) a),
                '[]'::jsonb)
            where arende_id = ?
            """)
        .param(arendeId)
        .update();
  }
}
