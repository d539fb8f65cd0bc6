package se.flerpart.arende;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.flerpart.gallring.GallringsRegister.AvslutatArende;
import se.flerpart.web.Transaktionsminne;

@Repository
class ArendeRepository {

  private final JdbcClient jdbc;
  private final Clock klocka;

  ArendeRepository(JdbcClient jdbc, Clock klocka) {
    this.jdbc = jdbc;
    this.klocka = klocka;
  }

  public String nyttArendenummer(Year ar) {
    long nummer = jdbc.sql("select nextval('arendenummer_seq')").query(Long.class).single();
    return "%d-%04d".formatted(ar.getValue(), nummer);
  }

  public void skapa(Arende a, String personnummerHash) {
    Transaktionsminne.skriv(
            jdbc,
            """
            insert into arende (id, arendenummer, insats_kod, personnummer_krypterat, personnummer_hash,
              skyddad_identitet, kon, fodelsear, skal, behov, bradskande, aktualiserande_part,
              aktualiserad_av, status, skapad)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            a.id(),
            a.arendenummer(),
            a.insats(),
            a.personnummerKrypterat(),
            personnummerHash,
            a.skyddadIdentitet(),
            a.kon(),
            a.fodelsear(),
            a.skal(),
            a.behov().toArray(String[]::new),
            a.bradskande(),
            a.aktualiserandePart(),
            a.aktualiseradAv(),
            a.status().name(),
            Timestamp.from(a.skapad()))
        .update();
  }

  /** The aktualisering's facts for the statistics: category codes only. */
  void sattBakgrund(
      UUID id, String utbildningsniva, String tidIForsorjning, List<String> forsorjningStart) {
    Transaktionsminne.skriv(
            jdbc,
            "update arende set utbildningsniva = ?, tid_i_forsorjning = ?, forsorjning_start = ?"
                + " where id = ?")
        .params(utbildningsniva, tidIForsorjning, forsorjningStart.toArray(String[]::new), id)
        .update();
  }

  Optional<Statistikunderlag> statistikunderlag(UUID id) {
    return jdbc.sql(
            """
            select id, arendenummer, insats_kod, aktualiserande_part, kon, fodelsear, skapad,
              not coalesce(sus_samtycke, false) or skyddad_identitet
                or (personnummer_krypterat is null and gallrad is null) as anonym,
              samtycke = 'NEJ' as samtycke_nekat,
              utbildningsniva, tid_i_forsorjning, forsorjning_start
            from arende where id = ?
            """)
        .param(id)
        .query(
            (rs, n) ->
                new Statistikunderlag(
                    rs.getObject("id", UUID.class),
                    rs.getString("arendenummer"),
                    rs.getString("insats_kod"),
                    rs.getString("aktualiserande_part"),
                    rs.getString("kon"),
                    (Integer) rs.getObject("fodelsear"),
                    rs.getBoolean("anonym"),
                    rs.getBoolean("samtycke_nekat"),
                    rs.getTimestamp("skapad").toInstant(),
                    rs.getString("utbildningsniva"),
                    rs.getString("tid_i_forsorjning"),
                    lista(rs.getArray("forsorjning_start"))))
        .optional();
  }

  /**
   * The case with this id, read once per transaction ({@link Transaktionsminne}): the steps of a
   * submitted form check access, build the form's data and write the case, and each asked for it.
   */
  public Optional<Arende> hitta(UUID id) {
    return Transaktionsminne.las(
        "arende",
        id,
        () -> jdbc.sql("select * from arende where id = ?").param(id).query(this::rad).optional());
  }

  public List<Arende> hitta(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from arende where id = any(?)")
        .param(ids.toArray(UUID[]::new))
        .query(this::rad)
        .list();
  }

  public Optional<Arende> hittaMedNummer(String arendenummer) {
    return jdbc.sql("select * from arende where arendenummer = ?")
        .param(arendenummer)
        .query(this::rad)
        .optional();
  }

  /** Locks the row for the rest of the transaction, so two completions cannot interleave. */
  public Optional<Arende> hittaForUppdatering(UUID id) {
    return Transaktionsminne.minns(
        "arende",
        id,
        jdbc.sql("select * from arende where id = ? for update")
            .param(id)
            .query(this::rad)
            .optional());
  }

  public List<Arende> alla() {
    return jdbc.sql("select * from arende order by skapad desc").query(this::rad).list();
  }

  /** An ending status also sets when the case ended, on the clock the process timers see. */
  public void sattStatus(UUID id, ArendeStatus status) {
    Transaktionsminne.skriv(
            jdbc,
            "update arende set status = ?, avslutad = case when ? then ? else avslutad end"
                + " where id = ?")
        .params(status.name(), status.avslutad(), Timestamp.from(klocka.instant()), id)
        .update();
  }

  public void sattSamtycke(
      UUID id, String samtycke, String form, List<String> parter, Boolean susSamtycke) {
    Transaktionsminne.skriv(
            jdbc,
            "update arende set samtycke = ?, samtycke_form = ?, samtycke_parter = ?, sus_samtycke = ?"
                + " where id = ?")
        .params(samtycke, form, parter.toArray(String[]::new), susSamtycke, id)
        .update();
  }

  public void sattArendebarare(UUID id, String arendebarare) {
    Transaktionsminne.skriv(jdbc, "update arende set arendebarare = ? where id = ?")
        .params(arendebarare, id)
        .update();
  }

  public void sattSkal(UUID id, String skal) {
    Transaktionsminne.skriv(jdbc, "update arende set skal = ? where id = ?")
        .params(skal, id)
        .update();
  }

  public void sattAvslutsorsak(UUID id, String avslutsorsak) {
    Transaktionsminne.skriv(jdbc, "update arende set avslutsorsak = ? where id = ?")
        .params(avslutsorsak, id)
        .update();
  }

  /** After a declined consent only kön and year remain (anonymous statistics). */
  public void anonymisera(UUID id) {
    Transaktionsminne.skriv(
            jdbc,
            "update arende set personnummer_krypterat = null, personnummer_hash = null,"
                + " skal = '', behov = '{}', utbildningsniva = null, tid_i_forsorjning = null,"
                + " forsorjning_start = '{}' where id = ?")
        .param(id)
        .update();
  }

  /** Ended cases whose personal data is still kept. */
  List<AvslutatArende> avslutadeOgallrade() {
    String[] avslutade =
        Arrays.stream(ArendeStatus.values())
            .filter(ArendeStatus::avslutad)
            .map(ArendeStatus::name)
            .toArray(String[]::new);
    return jdbc.sql(
            "select id, insats_kod, coalesce(avslutad, skapad) from arende"
                + " where gallrad is null and status = any(?)")
        .param(avslutade)
        .query(
            (rs, n) ->
                new AvslutatArende(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /**
   * Removes the personnummer, its hash and the skäl; kön, födelseår, insats, parts, status, codes
   * and dates stay.
   */
  void gallra(UUID id, Instant tid) {
    Transaktionsminne.skriv(
            jdbc,
            "update arende set personnummer_krypterat = null, personnummer_hash = null, skal = '',"
                + " gallrad = ? where id = ?")
        .params(Timestamp.from(tid), id)
        .update();
  }

  private Arende rad(ResultSet rs, int n) throws SQLException {
    return new Arende(
        rs.getObject("id", UUID.class),
        rs.getString("arendenummer"),
        rs.getString("insats_kod"),
        rs.getString("personnummer_krypterat"),
        rs.getBoolean("skyddad_identitet"),
        rs.getString("kon"),
        (Integer) rs.getObject("fodelsear"),
        rs.getString("skal"),
        lista(rs.getArray("behov")),
        rs.getBoolean("bradskande"),
        rs.getString("aktualiserande_part"),
        rs.getString("aktualiserad_av"),
        rs.getString("arendebarare"),
        ArendeStatus.valueOf(rs.getString("status")),
        rs.getString("samtycke"),
        rs.getString("samtycke_form"),
        lista(rs.getArray("samtycke_parter")),
        (Boolean) rs.getObject("sus_samtycke"),
        rs.getString("avslutsorsak"),
        tid(rs.getTimestamp("skapad")),
        tid(rs.getTimestamp("avslutad")),
        tid(rs.getTimestamp("gallrad")));
  }

  static List<String> lista(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Instant tid(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
