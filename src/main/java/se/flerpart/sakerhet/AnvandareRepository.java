package se.flerpart.sakerhet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.flerpart.web.Transaktionsminne;

@Repository
public class AnvandareRepository {

  private final JdbcClient jdbc;

  public AnvandareRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A user's columns with the roles and beredningsgrupper in the same row, so that one query reads
   * a whole user (every request of a logged-in user asks, {@code AktivAnvandareFilter}).
   */
  private static final String ANVANDARE =
      """
      select a.id, a.namn, a.epost, a.part, a.aktiv, a.losenord is not null as lokalt_losenord,
        array(select ar.roll from anvandare_roll ar where ar.anvandare_id = a.id) as roller,
        array(select 'beredning-' || m.insats_kod from beredningsgrupp_medlem m
              where m.anvandare_id = a.id) as grupper
      from anvandare a
      """;

  /**
   * The active user with this id. Read once per transaction ({@link Transaktionsminne}); outside
   * one, such as the check of every request that the user is still active, at every call.
   */
  public Optional<Anvandare> hitta(String id) {
    return Transaktionsminne.las(
        "anvandare",
        id,
        () ->
            jdbc.sql(ANVANDARE + " where a.id = ? and a.aktiv")
                .param(id)
                .query((rs, n) -> anvandare(rs))
                .optional());
  }

  /** The user's work phone number, when one is registered (shown in printed kallelser). */
  public Optional<String> telefon(String id) {
    return jdbc.sql("select telefon from anvandare where id = ? and telefon is not null")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** Registers or removes ({@code null}) the user's work phone number. */
  public void sparaTelefon(String id, String telefon) {
    Transaktionsminne.skriv(jdbc, "update anvandare set telefon = ? where id = ?")
        .params(telefon, id)
        .update();
  }

  /** The names of these users (active or not) by id, in one query; an unknown id is left out. */
  public Map<String, String> namn(Collection<String> ids) {
    Map<String, String> namn = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select id, namn from anvandare where id = any(?)")
          .param(ids.toArray(String[]::new))
          .query((RowCallbackHandler) rs -> namn.put(rs.getString(1), rs.getString(2)));
    }
    return namn;
  }

  /**
   * The active user with this e-mail address (case-insensitive), or none when no user or more than
   * one has it.
   */
  public Optional<Anvandare> hittaMedEpost(String epost) {
    List<String> ids =
        jdbc.sql("select id from anvandare where lower(epost) = lower(?) and aktiv")
            .param(epost)
            .query(String.class)
            .list();
    return ids.size() == 1 ? hitta(ids.get(0)) : Optional.empty();
  }

  public Optional<String> losenord(String id) {
    return jdbc.sql(
            "select losenord from anvandare where id = ? and aktiv and losenord is not null")
        .param(id)
        .query(String.class)
        .optional();
  }

  /**
   * Active users with a given role, by name; their roles and groups come in the same query (the
   * task list asks on every page view).
   */
  public List<Anvandare> medRoll(String roll) {
    return jdbc.sql(
            ANVANDARE
                + " join anvandare_roll r on r.anvandare_id = a.id"
                + " where r.roll = ? and a.aktiv order by a.namn")
        .param(roll)
        .query((rs, n) -> anvandare(rs))
        .list();
  }

  public void spara(Anvandare anvandare, String losenordHash) {
    Transaktionsminne.skriv(
            jdbc,
            """
            insert into anvandare (id, namn, epost, part, losenord) values (?, ?, ?, ?, ?)
            on conflict (id) do update set namn = excluded.namn, epost = excluded.epost,
              part = excluded.part, losenord = excluded.losenord
            """)
        .params(anvandare.id(), anvandare.namn(), anvandare.epost(), anvandare.part(), losenordHash)
        .update();
    sparaRoller(anvandare);
  }

  /** The ids of every user, active or not, with this id or (case-insensitive) e-mail address. */
  public List<String> idnFor(String varde, boolean epost) {
    return jdbc.sql(
            epost
                ? "select id from anvandare where lower(epost) = lower(?)"
                : "select id from anvandare where id = ?")
        .param(varde)
        .query(String.class)
        .list();
  }

  /**
   * The part's name, or its code if it has none. Every part's name is read at once, and once per
   * transaction: a case's parts are named together (the consent's scope, a kallelse's invitees).
   */
  public String partnamn(String kod) {
    Map<String, String> namn =
        Transaktionsminne.las(
            "partnamn",
            "alla",
            () -> {
              Map<String, String> alla = new HashMap<>();
              jdbc.sql("select kod, namn from part")
                  .query((RowCallbackHandler) rs -> alla.put(rs.getString(1), rs.getString(2)));
              return alla;
            });
    String partnamn = namn.get(kod);
    return partnamn == null ? kod : partnamn;
  }

  public boolean partFinns(String kod) {
    return jdbc.sql("select count(*) from part where kod = ?").param(kod).query(Long.class).single()
        > 0;
  }

  /**
   * A user whose part and roles the identity provider's groups give: created at the first login,
   * updated at every later one, without a local password. An inactive user stays inactive.
   */
  public void sparaFranIdentitetsleverantor(Anvandare anvandare) {
    Transaktionsminne.skriv(
            jdbc,
            """
            insert into anvandare (id, namn, epost, part) values (?, ?, ?, ?)
            on conflict (id) do update set namn = excluded.namn, epost = excluded.epost,
              part = excluded.part
            """)
        .params(anvandare.id(), anvandare.namn(), anvandare.epost(), anvandare.part())
        .update();
    sparaRoller(anvandare);
  }

  /**
   * A user as the administrator sees it: active or not, and whether a local password exists (only
   * the demo users have one; everyone else logs in through the organisation's identity provider).
   */
  public record Konto(Anvandare anvandare, boolean aktiv, boolean lokaltLosenord) {}

  /** Every user, active or not, by name. */
  public List<Konto> allaKonton() {
    return jdbc.sql(ANVANDARE + " order by a.namn, a.id").query((rs, n) -> konto(rs)).list();
  }

  /** The user with this id, active or not. */
  public Optional<Konto> konto(String id) {
    return jdbc.sql(ANVANDARE + " where a.id = ?").param(id).query((rs, n) -> konto(rs)).optional();
  }

  /** A new, active user without a local password: it logs in through the identity provider. */
  public void skapaUtanLosenord(Anvandare anvandare) {
    Transaktionsminne.skriv(
            jdbc, "insert into anvandare (id, namn, epost, part) values (?, ?, ?, ?)")
        .params(anvandare.id(), anvandare.namn(), anvandare.epost(), anvandare.part())
        .update();
    sparaRoller(anvandare);
  }

  /** Name, e-mail address, part and roles; the password and whether the user is active stay. */
  public void uppdateraUppgifter(Anvandare anvandare) {
    Transaktionsminne.skriv(jdbc, "update anvandare set namn = ?, epost = ?, part = ? where id = ?")
        .params(anvandare.namn(), anvandare.epost(), anvandare.part(), anvandare.id())
        .update();
    sparaRoller(anvandare);
  }

  /** An inactive user cannot log in and is offered no tasks; nothing of theirs is deleted. */
  public void sattAktiv(String id, boolean aktiv) {
    Transaktionsminne.skriv(jdbc, "update anvandare set aktiv = ? where id = ?")
        .params(aktiv, id)
        .update();
  }

  private void sparaRoller(Anvandare anvandare) {
    Transaktionsminne.skriv(jdbc, "delete from anvandare_roll where anvandare_id = ?")
        .param(anvandare.id())
        .update();
    for (String roll : anvandare.roller()) {
      Transaktionsminne.skriv(jdbc, "insert into anvandare_roll (anvandare_id, roll) values (?, ?)")
          .params(anvandare.id(), roll)
          .update();
    }
  }

  private static Konto konto(ResultSet rs) throws SQLException {
    return new Konto(anvandare(rs), rs.getBoolean("aktiv"), rs.getBoolean("lokalt_losenord"));
  }

  private static Anvandare anvandare(ResultSet rs) throws SQLException {
    return anvandare(
        rs.getString("id"),
        rs.getString("namn"),
        rs.getString("epost"),
        rs.getString("part"),
        new HashSet<>(List.of((String[]) rs.getArray("roller").getArray())),
        new HashSet<>(List.of((String[]) rs.getArray("grupper").getArray())));
  }

  private static Anvandare anvandare(
      String id, String namn, String epost, String part, Set<String> roller, Set<String> grupper) {
    // The processledare share the tasks of the avvikelse process (bedömning, styrgruppsbeslut).
    if (roller.contains(Anvandare.PROCESSLEDARE)) {
      grupper.add("processledare");
    }
    return new Anvandare(id, namn, epost, part, Set.copyOf(roller), Set.copyOf(grupper));
  }
}
