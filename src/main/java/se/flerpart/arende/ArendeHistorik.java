package se.flerpart.arende;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * What each kind of step says once the case is gallrat: the texts themselves may name people (an
   * invitee, a handläggare) or quote free text (why a case was broken off), so only the kind stays.
   */
  static final Map<String, String> GALLRAD_TEXT =
      Map.ofEntries(
          Map.entry("AKTUALISERING", "Aktualisering registrerad"),
          Map.entry("INDIVID", "Uppgifterna om personen ändrade"),
          Map.entry("SAMTYCKE", "Samtycke registrerat"),
          Map.entry("BEREDNING", "Beredningsgruppens beslut"),
          Map.entry("KOMPLETTERING", "Aktualiseringen kompletterad"),
          Map.entry("ATERKOPPLING", "Återkoppling skickad"),
          Map.entry("PAMINNELSE", "Påminnelse skickad"),
          Map.entry("KALLELSE", "Kallelse till flerpartsmöte"),
          Map.entry("KALLELSESVAR", "Kallelsen besvarad"),
          Map.entry("PART_AVBOJDE", "En part som krävdes avböjde kallelsen"),
          Map.entry("PART_UTEBLEV", "En part som krävdes svarade inte på kallelsen"),
          Map.entry("KALLELSE_OBESVARAD", "En part som krävdes svarade inte på kallelsen"),
          Map.entry("MOTE_FLYTTAT", "Flerpartsmötet flyttat"),
          Map.entry("MOTE_INSTALLT", "Flerpartsmötet inställt"),
          Map.entry("MOTE", "Flerpartsmöte genomfört"),
          Map.entry("PLAN", "Gemensam plan skickad"),
          Map.entry("UPPFOLJNING", "Planen uppföljd"),
          Map.entry("MAXTID", "Insatsens längsta tid nådd"),
          Map.entry("SUS", "SUS-registrering"),
          Map.entry("AVSLUT", "Ärendet avslutat"),
          Map.entry("AVBRUTET", "Ärendet avbrutet"));

  /** Replaces every step's text by what {@link #GALLRAD_TEXT} says for its kind. */
  void gallra(UUID arendeId) {
    StringBuilder sql = new StringBuilder("update arende_handelse set beskrivning = case typ");
    List<Object> params = new ArrayList<>();
    for (var text : GALLRAD_TEXT.entrySet()) {
      sql.append(" when ? then ?");
      params.add(text.getKey());
      params.add(text.getValue());
    }
    sql.append(" else ? end where arende_id = ?");
    params.add("Händelse i ärendet");
    params.add(arendeId);
    jdbc.sql(sql.toString()).params(params).update();
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
