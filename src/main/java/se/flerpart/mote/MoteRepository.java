package se.flerpart.mote;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.flerpart.web.Transaktionsminne;

/** Meetings and their invitations. */
@Repository
class MoteRepository {

  private final JdbcClient jdbc;

  MoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a meeting once per forbered-kallelse task; false when it was already stored. */
  public boolean skapa(Mote m) {
    return Transaktionsminne.skriv(
                jdbc,
                """
                insert into mote (id, arende_id, process_instans_nyckel, uppgift_id, syfte, motes_tid,
                  plats, videolank, tolk_sprak, ordforande, arendebarare, sekvens, status, skapad)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (uppgift_id) do nothing
                """)
            .params(
                m.id(),
                m.arendeId(),
                m.processInstansNyckel(),
                m.uppgiftId(),
                m.syfte(),
                Timestamp.from(m.motesTid()),
                m.plats(),
                m.videolank(),
                m.tolkSprak(),
                m.ordforande(),
                m.arendebarare(),
                m.sekvens(),
                m.status().name(),
                Timestamp.from(m.skapad()))
            .update()
        == 1;
  }

  public void skapa(Kallelse k) {
    Transaktionsminne.skriv(
            jdbc,
            """
            insert into kallelse (id, mote_id, ordning, namn, epost, roll, part, kravs, saknar_epost,
              ersatter, skapad)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            k.id(),
            k.moteId(),
            k.ordning(),
            k.namn(),
            k.epost(),
            k.roll().name(),
            k.part(),
            k.kravs(),
            k.saknarEpost(),
            k.ersatter(),
            Timestamp.from(k.skapad()))
        .update();
  }

  public Optional<Mote> hitta(UUID id) {
    return Transaktionsminne.las(
        "mote",
        id,
        () ->
            jdbc.sql("select * from mote where id = ?").param(id).query(this::moteRad).optional());
  }

  /** Locks the meeting for the rest of the transaction: answers and changes never interleave. */
  public Optional<Mote> hittaForUppdatering(UUID id) {
    return Transaktionsminne.minns(
        "mote",
        id,
        jdbc.sql("select * from mote where id = ? for update")
            .param(id)
            .query(this::moteRad)
            .optional());
  }

  /** The meeting a process instance is planning now (an earlier one may have been cancelled). */
  public Optional<Mote> planeratIProcess(long processInstansNyckel) {
    return jdbc.sql(
            "select * from mote where process_instans_nyckel = ? and status = 'PLANERAT'"
                + " order by skapad desc limit 1")
        .param(processInstansNyckel)
        .query(this::moteRad)
        .optional();
  }

  public Optional<Mote> senasteIProcess(long processInstansNyckel) {
    return jdbc.sql(
            "select * from mote where process_instans_nyckel = ? order by skapad desc limit 1")
        .param(processInstansNyckel)
        .query(this::moteRad)
        .optional();
  }

  public List<Mote> forArende(UUID arendeId) {
    return jdbc.sql("select * from mote where arende_id = ? order by skapad desc")
        .param(arendeId)
        .query(this::moteRad)
        .list();
  }

  /**
   * Meetings from {@code fran} on, by time, where the user is ordförande or ärendebärare or is
   * invited as a professional with the e-mail address {@code epost} (may be null).
   */
  public List<Mote> forDeltagare(String anvandareId, String epost, Instant fran) {
    return jdbc.sql(
            """
            select * from mote m where m.motes_tid >= ?
              and (m.ordforande = ? or m.arendebarare = ?
                or exists (select 1 from kallelse k where k.mote_id = m.id
                  and k.roll = 'PROFESSIONELL' and k.ersatt_av is null
                  and lower(k.epost) = lower(?)))
            order by m.motes_tid, m.id
            """)
        .params(Timestamp.from(fran), anvandareId, anvandareId, epost)
        .query(this::moteRad)
        .list();
  }

  public void flytta(UUID id, Instant motesTid, String plats, String videolank) {
    Transaktionsminne.skriv(
            jdbc,
            "update mote set motes_tid = ?, plats = ?, videolank = ?, sekvens = sekvens + 1"
                + " where id = ?")
        .params(Timestamp.from(motesTid), plats, videolank, id)
        .update();
    // A new time asks everyone again, as the calendar invitation does (PARTSTAT=NEEDS-ACTION).
    Transaktionsminne.skriv(
            jdbc,
            "update kallelse set svar = null, svar_kommentar = null, svar_tid = null"
                + " where mote_id = ? and ersatt_av is null")
        .param(id)
        .update();
  }

  public void installa(UUID id, String orsak) {
    Transaktionsminne.skriv(
            jdbc,
            "update mote set status = 'INSTALLT', installt_orsak = ?, sekvens = sekvens + 1"
                + " where id = ?")
        .params(orsak, id)
        .update();
  }

  public void genomfort(
      UUID id, List<String> checklista, String anteckningar, String vem, Instant tid) {
    Transaktionsminne.skriv(
            jdbc,
            "update mote set status = 'GENOMFORT', checklista = ?, anteckningar = ?,"
                + " genomfort_av = ?, genomfort_tid = ? where id = ?")
        .params(checklista.toArray(String[]::new), anteckningar, vem, Timestamp.from(tid), id)
        .update();
  }

  public List<Kallelse> kallelser(UUID moteId) {
    return Transaktionsminne.las(
        "kallelser",
        moteId,
        () ->
            List.copyOf(
                jdbc.sql("select * from kallelse where mote_id = ? order by ordning")
                    .param(moteId)
                    .query(this::kallelseRad)
                    .list()));
  }

  public Optional<Kallelse> kallelse(UUID id) {
    return Transaktionsminne.las(
        "kallelse",
        id,
        () ->
            jdbc.sql("select * from kallelse where id = ?")
                .param(id)
                .query(this::kallelseRad)
                .optional());
  }

  public int nastaOrdning(UUID moteId) {
    return jdbc.sql("select coalesce(max(ordning), 0) + 1 from kallelse where mote_id = ?")
        .param(moteId)
        .query(Integer.class)
        .single();
  }

  public void svara(UUID kallelseId, Svar svar, String kommentar, Instant tid) {
    Transaktionsminne.skriv(
            jdbc, "update kallelse set svar = ?, svar_kommentar = ?, svar_tid = ? where id = ?")
        .params(svar.name(), kommentar, Timestamp.from(tid), kallelseId)
        .update();
  }

  public void ersatt(UUID kallelseId, UUID ersattare) {
    Transaktionsminne.skriv(jdbc, "update kallelse set ersatt_av = ? where id = ?")
        .params(ersattare, kallelseId)
        .update();
  }

  public void narvaro(UUID kallelseId, boolean narvarande) {
    Transaktionsminne.skriv(jdbc, "update kallelse set narvarande = ? where id = ?")
        .params(narvarande, kallelseId)
        .update();
  }

  private Mote moteRad(ResultSet rs, int n) throws SQLException {
    return new Mote(
        rs.getObject("id", UUID.class),
        rs.getObject("arende_id", UUID.class),
        rs.getLong("process_instans_nyckel"),
        rs.getLong("uppgift_id"),
        rs.getString("syfte"),
        rs.getTimestamp("motes_tid").toInstant(),
        rs.getString("plats"),
        rs.getString("videolank"),
        rs.getString("tolk_sprak"),
        rs.getString("ordforande"),
        rs.getString("arendebarare"),
        rs.getInt("sekvens"),
        MoteStatus.valueOf(rs.getString("status")),
        rs.getString("installt_orsak"),
        lista(rs.getArray("checklista")),
        rs.getString("anteckningar"),
        rs.getTimestamp("skapad").toInstant());
  }

  private Kallelse kallelseRad(ResultSet rs, int n) throws SQLException {
    String svar = rs.getString("svar");
    Timestamp svarTid = rs.getTimestamp("svar_tid");
    return new Kallelse(
        rs.getObject("id", UUID.class),
        rs.getObject("mote_id", UUID.class),
        rs.getInt("ordning"),
        rs.getString("namn"),
        rs.getString("epost"),
        Roll.valueOf(rs.getString("roll")),
        rs.getString("part"),
        rs.getBoolean("kravs"),
        rs.getBoolean("saknar_epost"),
        svar == null ? null : Svar.valueOf(svar),
        rs.getString("svar_kommentar"),
        svarTid == null ? null : svarTid.toInstant(),
        rs.getObject("ersatter", UUID.class),
        rs.getObject("ersatt_av", UUID.class),
        (Boolean) rs.getObject("narvarande"),
        rs.getTimestamp("skapad").toInstant());
  }

  private static List<String> lista(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
