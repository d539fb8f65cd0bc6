package se.flerpart.avvikelse;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AvvikelseRepository {

  public record Handelse(Instant tid, String typ, String beskrivning, String utfordAv) {}

  private final JdbcClient jdbc;

  private final Clock klocka;

  AvvikelseRepository(JdbcClient jdbc, Clock klocka) {
    this.klocka = klocka;
    this.jdbc = jdbc;
  }

  public String nyttNummer(Year ar) {
    long nummer = jdbc.sql("select nextval('avvikelsenummer_seq')").query(Long.class).single();
    return "AVV-%d-%04d".formatted(ar.getValue(), nummer);
  }

  /** Stores a new deviation; false when one with the same idempotency key already exists. */
  public boolean skapaOmNy(Avvikelse a, String idempotensnyckel) {
    return jdbc.sql(
                """
                insert into avvikelse (id, nummer, typ, beskrivning, berord_part, arende_id,
                  arendenummer, insats_kod, belopp_tkr, rapporterad_av, kalla, status,
                  idempotensnyckel, skapad, senast_hanterad)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotensnyckel) do nothing
                """)
            .params(
                a.id(),
                a.nummer(),
                a.typ(),
                a.beskrivning(),
                a.berordPart(),
                a.arendeId(),
                a.arendenummer(),
                a.insats(),
                a.beloppTkr(),
                a.rapporteradAv(),
                a.kalla(),
                a.status().name(),
                idempotensnyckel,
                Timestamp.from(a.skapad()),
                Timestamp.from(a.skapad()))
            .update()
        == 1;
  }

  public Optional<Avvikelse> hittaMedNyckel(String idempotensnyckel) {
    return jdbc.sql("select * from avvikelse where idempotensnyckel = ?")
        .param(idempotensnyckel)
        .query(this::rad)
        .optional();
  }

  public Optional<Avvikelse> hitta(UUID id) {
    return jdbc.sql("select * from avvikelse where id = ?").param(id).query(this::rad).optional();
  }

  /** Locks the row for the rest of the transaction, so two completions cannot interleave. */
  public Optional<Avvikelse> hittaForUppdatering(UUID id) {
    return jdbc.sql("select * from avvikelse where id = ? for update")
        .param(id)
        .query(this::rad)
        .optional();
  }

  /** Every deviation, oldest first. */
  public List<Avvikelse> alla() {
    return jdbc.sql("select * from avvikelse order by skapad, nummer").query(this::rad).list();
  }

  /** The deviations a user reported or investigates, oldest first. */
  public List<Avvikelse> forAnvandare(String anvandarId) {
    return jdbc.sql(
            "select * from avvikelse where rapporterad_av = ? or utredare = ?"
                + " order by skapad, nummer")
        .params(anvandarId, anvandarId)
        .query(this::rad)
        .list();
  }

  public void sattStatus(UUID id, AvvikelseStatus status) {
    Timestamp nu = Timestamp.from(klocka.instant());
    jdbc.sql(
            "update avvikelse set status = ?, senast_hanterad = ?,"
                + " avslutad = case when ? then ? else avslutad end where id = ?")
        .params(status.name(), nu, status == AvvikelseStatus.AVSLUTAD, nu, id)
        .update();
  }

  public void sattBedomning(
      UUID id,
      String typ,
      String berordPart,
      String allvarlighet,
      String utredare,
      String bedomning) {
    jdbc.sql(
            "update avvikelse set typ = ?, berord_part = ?, allvarlighet = ?, utredare = ?,"
                + " bedomning = ? where id = ?")
        .params(typ, berordPart, allvarlighet, utredare, bedomning, id)
        .update();
  }

  public void sattAtgard(UUID id, String analys, String atgard, boolean eskalerad) {
    jdbc.sql("update avvikelse set analys = ?, atgard = ?, eskalerad = ? where id = ?")
        .params(analys, atgard, eskalerad, id)
        .update();
  }

  public void sattBeslut(UUID id, String beslut) {
    jdbc.sql("update avvikelse set beslut = ? where id = ?").params(beslut, id).update();
  }

  public void logga(UUID id, String typ, String beskrivning, String utfordAv) {
    jdbc.sql(
            "insert into avvikelse_handelse (avvikelse_id, tid, typ, beskrivning, utford_av)"
                + " values (?, ?, ?, ?, ?)")
        .params(id, Timestamp.from(klocka.instant()), typ, beskrivning, utfordAv)
        .update();
  }

  public List<Handelse> handelser(UUID id) {
    return jdbc.sql(
            "select tid, typ, beskrivning, utford_av from avvikelse_handelse"
                + " where avvikelse_id = ? order by tid, id")
        .param(id)
        .query(
            (rs, n) ->
                new Handelse(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  private Avvikelse rad(ResultSet rs, int n) throws SQLException {
    return new Avvikelse(
        rs.getObject("id", UUID.class),
        rs.getString("nummer"),
        rs.getString("typ"),
        rs.getString("beskrivning"),
        rs.getString("berord_part"),
        rs.getObject("arende_id", UUID.class),
        rs.getString("arendenummer"),
        rs.getString("insats_kod"),
        (BigDecimal) rs.getObject("belopp_tkr"),
        rs.getString("rapporterad_av"),
        rs.getString("kalla"),
        AvvikelseStatus.valueOf(rs.getString("status")),
        rs.getString("allvarlighet"),
        rs.getString("utredare"),
        rs.getString("bedomning"),
        rs.getString("analys"),
        rs.getString("atgard"),
        (Boolean) rs.getObject("eskalerad"),
        rs.getString("beslut"),
        tid(rs.getTimestamp("skapad")),
        tid(rs.getTimestamp("senast_hanterad")),
        tid(rs.getTimestamp("avslutad")));
  }

  private static Instant tid(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
