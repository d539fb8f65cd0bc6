package se.flerpart.uppgift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UppgiftRepository {

  private static final TypeReference<Map<String, Object>> KARTA = new TypeReference<>() {};
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  private final Clock klocka;

  public UppgiftRepository(JdbcClient jdbc, ObjectMapper json, Clock klocka) {
    this.klocka = klocka;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Stores a newly activated task; a job activated again after its timeout changes nothing. */
  public boolean skapaOmNy(Uppgift u) {
    return jdbc.sql(
                """
                insert into uppgift (id, element_instans_nyckel, process_instans_nyckel, process_id,
                  element_id, namn, arende_id, formular_id, tilldelad, kandidatgrupper, forfallodatum,
                  variabler, status, skapad)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (id) do nothing
                """)
            .params(
                u.id(),
                u.elementInstansNyckel(),
                u.processInstansNyckel(),
                u.processId(),
                u.elementId(),
                u.namn(),
                u.arendeId(),
                u.formularId(),
                u.tilldelad(),
                u.kandidatgrupper().toArray(String[]::new),
                u.forfallodatum() == null ? null : Timestamp.from(u.forfallodatum()),
                skriv(u.variabler()),
                u.status().name(),
                Timestamp.from(u.skapad()))
            .update()
        == 1;
  }

  public Optional<Uppgift> hitta(long id) {
    return jdbc.sql("select * from uppgift where id = ?").param(id).query(this::rad).optional();
  }

  public Optional<Uppgift> hittaForUppdatering(long id) {
    return jdbc.sql("select * from uppgift where id = ? for update")
        .param(id)
        .query(this::rad)
        .optional();
  }

  public List<Uppgift> oppna() {
    return jdbc.sql(
            "select * from uppgift where status = 'OPPEN'"
                + " order by forfallodatum asc nulls last, skapad asc")
        .query(this::rad)
        .list();
  }

  public List<Uppgift> forArende(UUID arendeId) {
    return jdbc.sql("select * from uppgift where arende_id = ? order by skapad")
        .param(arendeId)
        .query(this::rad)
        .list();
  }

  public List<Long> vantarPaMotorn() {
    return jdbc.sql("select id from uppgift where status = 'INSKICKAD' order by slutford_tid")
        .query(Long.class)
        .list();
  }

  public void tilldela(long id, String anvandare) {
    jdbc.sql("update uppgift set tilldelad = ? where id = ?").params(anvandare, id).update();
  }

  public void markeraInskickad(long id, Map<String, Object> data, String anvandare) {
    jdbc.sql(
            "update uppgift set status = 'INSKICKAD', inskickad_data = ?::jsonb, slutford_av = ?,"
                + " slutford_tid = ? where id = ?")
        .params(skriv(data), anvandare, Timestamp.from(klocka.instant()), id)
        .update();
    // The form is submitted: nobody's draft of it is needed any more.
    jdbc.sql("delete from uppgift_utkast where uppgift_id = ?").param(id).update();
  }

  public void markeraSlutford(long id) {
    jdbc.sql("update uppgift set status = 'SLUTFORD', senaste_fel = null where id = ?")
        .param(id)
        .update();
  }

  public void noteraFel(long id, String fel) {
    jdbc.sql(
            "update uppgift set avslutningsforsok = avslutningsforsok + 1, senaste_fel = ?"
                + " where id = ?")
        .params(fel, id)
        .update();
  }

  /** Tasks of a closed case that nobody is to do any more. */
  public int avbrytOppnaForArende(UUID arendeId) {
    int avbrutna =
        jdbc.sql("update uppgift set status = 'AVBRUTEN' where arende_id = ? and status = 'OPPEN'")
            .param(arendeId)
            .update();
    jdbc.sql(
            "delete from uppgift_utkast k using uppgift u"
                + " where u.id = k.uppgift_id and u.arende_id = ? and u.status = 'AVBRUTEN'")
        .param(arendeId)
        .update();
    return avbrutna;
  }

  private Uppgift rad(ResultSet rs, int n) throws SQLException {
    Timestamp forfallo = rs.getTimestamp("forfallodatum");
    Timestamp slutford = rs.getTimestamp("slutford_tid");
    String inskickad = rs.getString("inskickad_data");
    return new Uppgift(
        rs.getLong("id"),
        rs.getLong("element_instans_nyckel"),
        rs.getLong("process_instans_nyckel"),
        rs.getString("process_id"),
        rs.getString("element_id"),
        rs.getString("namn"),
        rs.getObject("arende_id", UUID.class),
        rs.getString("formular_id"),
        rs.getString("tilldelad"),
        lista(rs.getArray("kandidatgrupper")),
        forfallo == null ? null : forfallo.toInstant(),
        las(rs.getString("variabler")),
        UppgiftStatus.valueOf(rs.getString("status")),
        rs.getTimestamp("skapad").toInstant(),
        inskickad == null ? null : las(inskickad),
        rs.getString("slutford_av"),
        slutford == null ? null : slutford.toInstant());
  }

  private static List<String> lista(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private String skriv(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> las(String text) {
    try {
      return json.readValue(text, KARTA);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
