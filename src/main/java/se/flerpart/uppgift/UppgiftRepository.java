package se.flerpart.uppgift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
public class UppgiftRepository {

  private static final TypeReference<Map<String, Object>> KARTA = new TypeReference<>() {};
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  private final Clock klocka;
  private final UppgiftSignal signal;

  public UppgiftRepository(JdbcClient jdbc, ObjectMapper json, Clock klocka, UppgiftSignal signal) {
    this.klocka = klocka;
    this.jdbc = jdbc;
    this.json = json;
    this.signal = signal;
  }

  /**
   * Wakes the requests waiting for the tasks of the cases numbered {@code arenden} (one for each
   * row written) once the rows are committed: this instance's at the commit, the other instances'
   * through {@code NOTIFY}, which PostgreSQL delivers when the transaction commits ({@link
   * UppgiftNotifyListener}). The number of rows written.
   *
   * <p>Only inside the write's transaction: every public write of tasks is {@code @Transactional}
   * (the caller's transaction when there is one), so that the write, its notice and the drafts it
   * ends are one commit, not one each, and a write is never committed without the rest of it. A
   * task is stored for each job the engine hands out, so that is a commit (a WAL flush) less per
   * task.
   */
  private int signalera(List<String> arenden) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "En skrivning av uppgifter och dess NOTIFY ska ske i en transaktion (@Transactional)");
    }
    if (!arenden.isEmpty()) {
      notisera(signal.notis(arenden));
      signal.andrad(arenden);
    }
    return arenden.size();
  }

  /**
   * Sends {@code notis} to the other instances ({@link UppgiftNotifyListener}): at the commit in a
   * transaction, now outside one.
   */
  private void notisera(String notis) {
    jdbc.sql("select pg_notify(?, ?)").params(UppgiftNotifyListener.KANAL, notis).query(rs -> {});
  }

  /**
   * Ends the wait the user {@code anvandare} named {@code namn} ({@link UppgiftSignal#avsluta}): on
   * this instance when it waits here, otherwise on the one where it does, told with {@code NOTIFY}
   * (a client's request to end its wait may reach another instance than the wait).
   */
  public void avslutaVantan(String anvandare, String namn) {
    if (signal.avsluta(anvandare, namn) == 0) {
      String notis = signal.avslutaNotis(anvandare, namn);
      if (notis != null) {
        notisera(notis);
      }
    }
  }

  /** Runs a write that ends {@link #ANDRADE}: the case number of each row it wrote. */
  private static List<String> andrade(JdbcClient.StatementSpec skrivning) {
    return skrivning.query((rs, n) -> rs.getString(1)).list();
  }

  /** Stores a newly activated task; a job activated again after its timeout changes nothing. */
  @Transactional
  public boolean skapaOmNy(Uppgift u) {
    return signalera(
            andrade(
                jdbc.sql(
                        """
                insert into uppgift as u (id, element_instans_nyckel, process_instans_nyckel, process_id,
                  element_id, namn, arende_id, formular_id, tilldelad, kandidatgrupper, forfallodatum,
                  variabler, status, skapad)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (id) do nothing
                """
                            + ANDRADE)
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
                        Timestamp.from(u.skapad()))))
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

  /** One page of a list, or all of it, and how many tasks the selection holds in all. */
  public record Sida(List<Uppgift> uppgifter, long totalt) {}

  /** What the task list asks the database for; everything is filtered, sorted and paged there. */
  record Fraga(
      Uppgiftsurval urval,
      String anvandare,
      Collection<String> grupper,
      boolean serAlla,
      Collection<UUID> sokTraffar,
      Instant nu,
      Instant veckoslut) {}

  /**
   * A task's case number (a deviation's number for its tasks), as the list sorts, filters and
   * searches it; V37's triggers copy the same expression into {@code uppgift_oppen_grupp}.
   */
  private static final String ARENDENUMMER =
      "coalesce(u.variabler->>'arendenummer', u.variabler->>'avvikelsenummer')";

  /** Ends a write to {@code uppgift u}: each written row's case number, for {@link #signalera}. */
  private static final String ANDRADE = " returning " + ARENDENUMMER;

  /** What each sort column sorts by ({@code a}: the holder's user row). */
  private static final Map<String, String> SORTERING =
      Map.of(
          "uppgift",
          "u.namn",
          "arende",
          "(" + ARENDENUMMER + " collate \"C\")",
          "insats",
          "u.variabler->>'insats'",
          "tilldelad",
          "a.namn",
          "grupp",
          "u.kandidatgrupper[1]",
          "forfaller",
          "u.forfallodatum",
          "skapad",
          "u.skapad");

  /**
   * The open tasks of the selection, sorted, paged when the selection asks for a page.
   *
   * <p>The page's tasks are found as narrow rows (id and sort keys, never the variables), and only
   * they are read in full, by id. The selection is read through a bitmap of whichever index suits
   * its filter (for a group's view the GIN index of candidate groups): left to itself the planner
   * walked a whole partial index of the open tasks and filtered every row, six times slower with
   * 100 000 open tasks (UppgiftslistaStorBenchmark). Sorted by due date, a page is two queries in
   * one snapshot (the caller's transaction is repeatable read): the count (the exact {@code
   * X-Totalt-Antal}) through the bitmap (the user's own tasks, and a handläggare's own and group's,
   * from indexes alone: {@link #antal}), and the page by walking the open tasks' due-date index to
   * the page's end. Sorted by anything else, the whole selection is sorted, and counted in the same
   * pass. A group's view without other filters is read from the group rows instead ({@link
   * #sokIGruppensRader}).
   */
  Sida sok(Fraga f) {
    if (avGruppensRader(f)) {
      return sokIGruppensRader(f);
    }
    Map<String, Object> p = new HashMap<>();
    String villkor = villkor(f, p, true);
    Uppgiftsurval u = f.urval();
    long[] totalt = {-1};
    // Counted along with the sorting when the whole selection is sorted anyway.
    boolean raknaHar = !raknasForst(u);
    if (!raknaHar) {
      totalt[0] = antal(f, villkor, p);
      if (totalt[0] <= u.forePaSidan()) {
        return new Sida(List.of(), totalt[0]);
      }
    }
    var fraga =
        jdbc.sql(sidansSql(f, villkor, raknaHar, p))
            .params(p)
            .query(
                (rs, n) -> {
                  if (raknaHar) {
                    totalt[0] = rs.getLong("totalt");
                  }
                  return rad(rs, n);
                });
    List<Uppgift> rader = lasSidan(raknaHar, fraga::list);
    if (rader.isEmpty() && raknaHar) {
      // Past the last page the window count has no row to ride on.
      totalt[0] = u.sidindelad() && u.sida() > 1 ? antal(f, villkor, p) : 0;
    }
    return new Sida(rader, totalt[0]);
  }

  /**
   * The database's plans of the count and the page that {@link #sok} reads for the selection, with
   * the same settings, as {@code forklaring} ({@code explain} and its options) gives them: for the
   * tests of the task list's indexes and its benchmark. The count is left out where {@link #sok}
   * counts along with the page.
   */
  @Transactional(readOnly = true)
  List<String> plan(Fraga f, String forklaring) {
    Map<String, Object> p = new HashMap<>();
    List<String> plan = new ArrayList<>();
    if (avGruppensRader(f)) {
      String fran = gruppensRader(f, p);
      plan.add("-- antal:");
      plan.addAll(forklara(forklaring, "select count(*)" + fran, p));
      plan.add("-- sidan:");
      plan.addAll(forklara(forklaring, gruppsidan(f, fran, p), p));
      return plan;
    }
    String villkor = villkor(f, p, true);
    boolean raknaHar = !raknasForst(f.urval());
    if (!raknaHar) {
      plan.add("-- antal:");
      plan.addAll(rakna(f, villkor, p, (sql, q) -> forklara(forklaring, sql, q)));
    }
    plan.add("-- sidan:");
    String sida = sidansSql(f, villkor, raknaHar, p);
    plan.addAll(lasSidan(raknaHar, () -> forklara(forklaring, sida, p)));
    return plan;
  }

  private List<String> forklara(String forklaring, String sql, Map<String, Object> p) {
    return jdbc.sql(forklaring + " " + sql).params(p).query(String.class).list();
  }

  /**
   * Whether a page is counted before it is read: sorted by due date, the count through the index
   * that suits the filter, and the page by walking the open tasks' due-date index to its end.
   */
  private static boolean raknasForst(Uppgiftsurval u) {
    return u.sidindelad() && "forfaller".equals(u.kolumn());
  }

  /** The page's query over the tasks that meet {@code villkor}; see {@link #sidan}. */
  private static String sidansSql(
      Fraga f, String villkor, boolean raknaHar, Map<String, Object> p) {
    Uppgiftsurval u = f.urval();
    String fran =
        " from uppgift u"
            + ("tilldelad".equals(u.kolumn()) ? " left join anvandare a on a.id = u.tilldelad" : "")
            + " where "
            + villkor;
    return sidan("u", "u.id", SORTERING.get(u.kolumn()), fran, raknaHar, u, u.forePaSidan(), p);
  }

  /**
   * Reads a page: counted first ({@link #raknasForst}), by walking the due-date index; counted
   * along with it, the whole selection through bitmaps, sorted.
   */
  private <T> T lasSidan(boolean raknaHar, java.util.function.Supplier<T> las) {
    return raknaHar ? utanIndexgenomgang(las) : las.get();
  }

  /** The sort columns that the narrow rows of {@code uppgift_oppen_grupp} carry. */
  private static final Map<String, String> GRUPPRADENS_SORTERING =
      Map.of("forfaller", "g.forfallodatum", "skapad", "g.skapad", "arende", "g.arendenummer");

  /**
   * Whether the selection is a group's view that the narrow rows of {@code uppgift_oppen_grupp}
   * answer alone (V37): no filter but the due date and the search, sorted by due date, creation or
   * case.
   */
  private static boolean avGruppensRader(Fraga f) {
    Uppgiftsurval u = f.urval();
    return u.vy() == UppgiftService.Vy.GRUPP
        && !f.grupper().isEmpty()
        && utanFilter(u)
        && GRUPPRADENS_SORTERING.containsKey(u.kolumn());
  }

  /**
   * A group's view from the index of {@code uppgift_oppen_grupp}: the count without reading the
   * tasks, the page's ids sorted there (walking the index when sorted by due date), and only the
   * page's tasks read in full. A task in two of the user's groups has a row in each, equal but for
   * the group, so with more than one group the rows are made distinct first.
   */
  private Sida sokIGruppensRader(Fraga f) {
    Map<String, Object> p = new HashMap<>();
    String fran = gruppensRader(f, p);
    long totalt = jdbc.sql("select count(*)" + fran).params(p).query(Long.class).single();
    if (totalt <= f.urval().forePaSidan()) {
      return new Sida(List.of(), totalt);
    }
    return new Sida(jdbc.sql(gruppsidan(f, fran, p)).params(p).query(this::rad).list(), totalt);
  }

  /** The group rows of the selection: a {@code from} clause of rows {@code g}, one per task. */
  private static String gruppensRader(Fraga f, Map<String, Object> p) {
    String villkor = gruppradsvillkor(f, p, true);
    return f.grupper().size() == 1
        ? " from uppgift_oppen_grupp g where " + villkor
        : " from (select distinct g.uppgift_id, g.forfallodatum, g.skapad, g.arendenummer,"
            + " g.arende_id"
            + " from uppgift_oppen_grupp g where "
            + villkor
            + ") g";
  }

  /** The page of the group rows {@code fran}, sorted there (walking an index where one fits). */
  private static String gruppsidan(Fraga f, String fran, Map<String, Object> p) {
    Uppgiftsurval u = f.urval();
    return sidan(
        "g",
        "g.uppgift_id",
        GRUPPRADENS_SORTERING.get(u.kolumn()),
        fran,
        false,
        u,
        u.forePaSidan(),
        p);
  }

  /**
   * A page's query: the narrow rows of {@code fran} (table alias {@code t}, the task's id {@code
   * id}) sorted by {@code nyckel} and the tie-breakers (due date, creation, id), cut to the page,
   * then joined to the whole rows and sorted again, since the join need not keep the order. With
   * {@code raknaHar} every row also carries how many the selection holds ({@code totalt}).
   */
  private static String sidan(
      String t,
      String id,
      String nyckel,
      String fran,
      boolean raknaHar,
      Uppgiftsurval u,
      long start,
      Map<String, Object> p) {
    String riktning = u.fallande() ? " desc" : " asc";
    String sql =
        "select u.*"
            + (raknaHar ? ", s.totalt" : "")
            + " from (select "
            + id
            + " as id, "
            + nyckel
            + " as nyckel, "
            + t
            + ".forfallodatum, "
            + t
            + ".skapad"
            + (raknaHar ? ", count(*) over () as totalt" : "")
            + fran
            + " order by "
            + nyckel
            + riktning
            + " nulls last, "
            + t
            + ".forfallodatum asc nulls last, "
            + t
            + ".skapad asc, "
            + id
            + " asc";
    if (u.sidindelad()) {
      sql += " limit :storlek offset :start";
      p.put("storlek", u.storlek());
      p.put("start", start);
    }
    return sql
        + ") s join uppgift u on u.id = s.id order by s.nyckel"
        + riktning
        + " nulls last, s.forfallodatum asc nulls last, s.skapad asc, s.id asc";
  }

  /**
   * The selection's condition on the group rows {@code g}: the groups, the due date, the search.
   */
  private static String gruppradsvillkor(Fraga f, Map<String, Object> p, boolean medSok) {
    p.put("grupper", f.grupper());
    StringBuilder villkor = new StringBuilder("g.grupp in (:grupper)");
    forfallen(villkor, "g.forfallodatum", f, p);
    if (medSok) {
      sok(villkor, "g.arendenummer", "g.arende_id", f, p);
    }
    return villkor.toString();
  }

  /**
   * How many tasks meet {@code villkor}: counted through a bitmap of the index that suits it; for
   * the user's own tasks without other filters than the due date from their index alone ({@code
   * uppgift_oppen_tilldelad}), where the bitmap read 2 000 pages of the table to count 2 000 tasks
   * (3 ms; UppgiftslistaStorBenchmark); for the own and the group's tasks so filtered from the
   * group rows ({@link #allasAntalSql}).
   */
  private long antal(Fraga f, String villkor, Map<String, Object> p) {
    return rakna(f, villkor, p, (sql, q) -> jdbc.sql(sql).params(q).query(Long.class).single());
  }

  /**
   * Runs {@code kor} with the statement (and its parameters) that counts the selection as {@link
   * #antal} says, and with the planner's settings it needs.
   */
  private <T> T rakna(
      Fraga f,
      String villkor,
      Map<String, Object> p,
      java.util.function.BiFunction<String, Map<String, Object>, T> kor) {
    if (avAllasGrupprader(f)) {
      Map<String, Object> q = new HashMap<>();
      return kor.apply(allasAntalSql(f, q), q);
    }
    String sql = "select count(*) from uppgift u where " + villkor;
    return avEgnaIndex(f) ? kor.apply(sql, p) : utanIndexgenomgang(() -> kor.apply(sql, p));
  }

  /**
   * Whether the selection is a user's own and group's tasks (the "alla" view of one who does not
   * see every task) filtered at most by their due date: counted from the group rows ({@link
   * #allasAntalSql}).
   */
  private static boolean avAllasGrupprader(Fraga f) {
    Uppgiftsurval u = f.urval();
    return u.vy() == UppgiftService.Vy.ALLA
        && !f.serAlla()
        && !f.grupper().isEmpty()
        && utanFilter(u)
        && u.sok() == null;
  }

  /**
   * The count of the user's own and group's tasks as the group's tasks, counted from the index of
   * the group rows alone, and the user's own tasks outside the groups. Through a bitmap of the two
   * indexes the count read every one of the group's tasks from the table: 10 000 in 3 200 pages
   * (UppgiftslistaStorBenchmark).
   */
  private static String allasAntalSql(Fraga f, Map<String, Object> p) {
    StringBuilder egna =
        new StringBuilder(
            "u.status = 'OPPEN' and u.tilldelad = :jag"
                + " and not (u.kandidatgrupper && array[:grupper ]::text[])");
    p.put("jag", f.anvandare());
    forfallen(egna, "u.forfallodatum", f, p);
    return "select (select count(*)"
        + gruppensRader(f, p)
        + ") + (select count(*) from uppgift u where "
        + egna
        + ")";
  }

  /** Whether the selection is the user's own tasks, filtered at most by their due date. */
  private static boolean avEgnaIndex(Fraga f) {
    Uppgiftsurval u = f.urval();
    return u.vy() == UppgiftService.Vy.MINA && utanFilter(u) && u.sok() == null;
  }

  /** Whether the selection has no filter but, perhaps, the due date and the search. */
  private static boolean utanFilter(Uppgiftsurval u) {
    return u.typ() == null && u.arende() == null && u.insats() == null && u.tilldelad() == null;
  }

  /**
   * Makes the current transaction one snapshot (repeatable read). Must be its first statement: it
   * goes to the database together with the transaction's {@code BEGIN}.
   */
  void ogonblicksbild() {
    jdbc.sql("set transaction isolation level repeatable read").update();
  }

  /**
   * Runs a query over a selection of the open tasks with plain index scans off (bitmap scans stay
   * on) and back on afterwards; see {@link #sok}. Outside a transaction the setting is a no-op.
   */
  private <T> T utanIndexgenomgang(java.util.function.Supplier<T> fraga) {
    jdbc.sql("select set_config('enable_indexscan', 'off', true)").query(String.class).single();
    T svar = fraga.get();
    // A failed query ends its transaction, and the setting with it.
    jdbc.sql("select set_config('enable_indexscan', 'on', true)").query(String.class).single();
    return svar;
  }

  /** The cases of the selection's tasks, before the free-text search narrows it. */
  Set<UUID> arendenIUrval(Fraga f) {
    Map<String, Object> p = new HashMap<>();
    String fran =
        avGruppensRader(f)
            ? "select distinct g.arende_id from uppgift_oppen_grupp g where g.arende_id is not null"
                + " and "
                + gruppradsvillkor(f, p, false)
            : "select distinct u.arende_id from uppgift u where u.arende_id is not null and "
                + villkor(f, p, false);
    return new HashSet<>(
        jdbc.sql(fran).params(p).query((rs, n) -> rs.getObject(1, UUID.class)).list());
  }

  /**
   * What the list page shows around the list: the open tasks per view (for the tabs: mina, grupp,
   * alla), the kinds of open task (element id and name) and the insatser of open tasks' cases (for
   * the filter form). One pass over the open tasks, grouped by kind and insats.
   */
  Sammanfattning sammanfattning(String anvandare, Collection<String> grupper, boolean serAlla) {
    Map<String, Object> p = new HashMap<>();
    p.put("jag", anvandare);
    String grupp = grupper.isEmpty() ? "false" : "u.kandidatgrupper && array[:grupper ]::text[]";
    if (!grupper.isEmpty()) {
      p.put("grupper", grupper);
    }
    String alla = serAlla ? "true" : "(u.tilldelad = :jag or " + grupp + ")";
    long[] antal = new long[3];
    Map<String, String> typer = new HashMap<>();
    Set<String> insatser = new java.util.TreeSet<>();
    jdbc.sql(
            "select u.element_id, min(u.namn), u.variabler->>'insats',"
                + " count(*) filter (where u.tilldelad = :jag), count(*) filter (where "
                + grupp
                + "), count(*) filter (where "
                + alla
                + ") from uppgift u where u.status = 'OPPEN'"
                + " group by u.element_id, u.variabler->>'insats'")
        .params(p)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  typer.merge(
                      rs.getString(1), rs.getString(2), (x, y) -> x.compareTo(y) <= 0 ? x : y);
                  if (rs.getString(3) != null) {
                    insatser.add(rs.getString(3));
                  }
                  antal[0] += rs.getLong(4);
                  antal[1] += rs.getLong(5);
                  antal[2] += rs.getLong(6);
                });
    Map<String, String> sorterade = new LinkedHashMap<>();
    typer.entrySet().stream()
        .sorted(
            Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorterade.put(e.getKey(), e.getValue()));
    return new Sammanfattning(
        Map.of(
            UppgiftService.Vy.MINA, antal[0],
            UppgiftService.Vy.GRUPP, antal[1],
            UppgiftService.Vy.ALLA, antal[2]),
        sorterade,
        List.copyOf(insatser));
  }

  /** See {@link #sammanfattning}. */
  public record Sammanfattning(
      Map<UppgiftService.Vy, Long> antal, Map<String, String> typer, List<String> insatser) {}

  /**
   * Marks an open task cancelled: nobody is to do it, and nobody's draft of it is kept. False when
   * it was no longer open.
   */
  @Transactional
  public boolean avbryt(long id) {
    return avbrytOm(id, "status = 'OPPEN'");
  }

  /**
   * A task stored under a key the engine has since given to another job (the engine is older than
   * the database): its own job is gone. Cancelled when open, and also when its stored answer still
   * waits for the engine, so that the retry does not send that answer to the other job. False when
   * it was neither.
   */
  @Transactional
  public boolean avbrytFranTidigareMotor(long id) {
    return avbrytOm(id, "status in ('OPPEN', 'INSKICKAD')");
  }

  private boolean avbrytOm(long id, String villkor) {
    boolean avbruten =
        signalera(
                andrade(
                    jdbc.sql(
                            "update uppgift u set status = 'AVBRUTEN' where id = ? and "
                                + villkor
                                + ANDRADE)
                        .param(id)))
            == 1;
    if (avbruten) {
      jdbc.sql("delete from uppgift_utkast where uppgift_id = ?").param(id).update();
    }
    return avbruten;
  }

  /**
   * Takes up to {@code antal} open tasks last looked for in the engine (or stored) before {@code
   * fore}, the longest ago first, and notes them as looked for at {@code nu}, so that no other run
   * takes them; rows another transaction holds are left for the next run.
   */
  public List<Long> taForAvstamning(Instant fore, Instant nu, int antal) {
    return jdbc.sql(
            """
            update uppgift set avstamd = ? where id in (
              select id from uppgift
              where status = 'OPPEN' and coalesce(avstamd, skapad) < ?
              order by coalesce(avstamd, skapad), id
              limit ? for update skip locked)
            returning id
            """)
        .params(Timestamp.from(nu), Timestamp.from(fore), antal)
        .query(Long.class)
        .list();
  }

  /**
   * Tasks taken for the reconciliation but not looked for: noted as looked for at {@code
   * forfallen}, a time before the run's limit, so that the next run takes them again, and early.
   */
  public void slappAvstamning(Collection<Long> ids, Instant forfallen) {
    if (!ids.isEmpty()) {
      jdbc.sql("update uppgift set avstamd = ? where id = any (?)")
          .params(Timestamp.from(forfallen), ids.toArray(Long[]::new))
          .update();
    }
  }

  @Transactional
  public void andraForfallodatum(long id, Instant forfallodatum) {
    signalera(
        andrade(
            jdbc.sql("update uppgift u set forfallodatum = ? where id = ?" + ANDRADE)
                .params(Timestamp.from(forfallodatum), id)));
  }

  private static String villkor(Fraga f, Map<String, Object> p, boolean medSok) {
    Uppgiftsurval u = f.urval();
    StringBuilder sql = new StringBuilder("u.status = 'OPPEN'");
    p.put("jag", f.anvandare());
    String grupp = "false";
    if (!f.grupper().isEmpty()) {
      grupp = "u.kandidatgrupper && array[:grupper ]::text[]";
      p.put("grupper", f.grupper());
    }
    switch (u.vy()) {
      case MINA -> sql.append(" and u.tilldelad = :jag");
      case GRUPP -> sql.append(" and ").append(grupp);
      case ALLA -> {
        if (!f.serAlla()) {
          sql.append(" and (u.tilldelad = :jag or ").append(grupp).append(")");
        }
      }
    }
    if (u.typ() != null) {
      sql.append(" and u.element_id = :typ");
      p.put("typ", u.typ());
    }
    if (u.arende() != null) {
      sql.append(" and " + ARENDENUMMER + " = :arende");
      p.put("arende", u.arende());
    }
    if (u.insats() != null) {
      sql.append(" and u.variabler->>'insats' = :insats");
      p.put("insats", u.insats());
    }
    if (Uppgiftsurval.INGEN.equals(u.tilldelad())) {
      sql.append(" and u.tilldelad is null");
    } else if (u.tilldelad() != null) {
      sql.append(" and u.tilldelad = :tilldelad");
      p.put("tilldelad", u.tilldelad());
    }
    forfallen(sql, "u.forfallodatum", f, p);
    if (medSok) {
      sok(sql, ARENDENUMMER, "u.arende_id", f, p);
    }
    return sql.toString();
  }

  /**
   * The free-text search: the case number contains the text, or the case is one of those whose
   * person matched ({@link Fraga#sokTraffar}).
   */
  private static void sok(
      StringBuilder sql, String arendenummer, String arendeId, Fraga f, Map<String, Object> p) {
    String sok = f.urval().sok();
    if (sok == null) {
      return;
    }
    sql.append(" and (lower(").append(arendenummer).append(") like :sokmonster escape '\\'");
    p.put("sokmonster", "%" + gardera(sok.toLowerCase(java.util.Locale.ROOT)) + "%");
    if (!f.sokTraffar().isEmpty()) {
      sql.append(" or ").append(arendeId).append(" in (:soktraffar)");
      p.put("soktraffar", f.sokTraffar());
    }
    sql.append(")");
  }

  /** The due-date filter ("forsenade", "veckan") on the column {@code kolumn}. */
  private static void forfallen(StringBuilder sql, String kolumn, Fraga f, Map<String, Object> p) {
    String forfallen = f.urval().forfallen();
    if ("forsenade".equals(forfallen)) {
      sql.append(" and ").append(kolumn).append(" < :nu");
      p.put("nu", Timestamp.from(f.nu()));
    } else if ("veckan".equals(forfallen)) {
      sql.append(" and ").append(kolumn).append(" >= :nu and ");
      sql.append(kolumn).append(" < :veckoslut");
      p.put("nu", Timestamp.from(f.nu()));
      p.put("veckoslut", Timestamp.from(f.veckoslut()));
    }
  }

  private static String gardera(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public List<Uppgift> forArende(UUID arendeId) {
    return jdbc.sql("select * from uppgift where arende_id = ? order by skapad")
        .param(arendeId)
        .query(this::rad)
        .list();
  }

  /**
   * Locks a submitted task for its retry until the transaction ends; false when it is no longer
   * waiting or another instance is retrying it right now.
   */
  public boolean lasForAterforsok(long id) {
    return jdbc.sql(
            "select id from uppgift where id = ? and status = 'INSKICKAD' for update skip locked")
        .param(id)
        .query(Long.class)
        .optional()
        .isPresent();
  }

  /** The tasks whose stored answer waits for the engine, submitted no later than {@code fore}. */
  public List<Long> vantarPaMotorn(Instant fore) {
    return jdbc.sql(
            "select id from uppgift where status = 'INSKICKAD'"
                + " and (slutford_tid is null or slutford_tid <= ?)"
                + " order by slutford_tid")
        .param(Timestamp.from(fore))
        .query(Long.class)
        .list();
  }

  @Transactional
  public void tilldela(long id, String anvandare) {
    signalera(
        andrade(
            jdbc.sql("update uppgift u set tilldelad = ? where id = ?" + ANDRADE)
                .params(anvandare, id)));
  }

  @Transactional
  public void markeraInskickad(long id, Map<String, Object> data, String anvandare) {
    signalera(
        andrade(
            jdbc.sql(
                    "update uppgift u set status = 'INSKICKAD', inskickad_data = ?::jsonb,"
                        + " slutford_av = ?, slutford_tid = ? where id = ?"
                        + ANDRADE)
                .params(skriv(data), anvandare, Timestamp.from(klocka.instant()), id)));
    // The form is submitted: nobody's draft of it is needed any more.
    jdbc.sql("delete from uppgift_utkast where uppgift_id = ?").param(id).update();
  }

  /**
   * The engine handed out again the job of a task stored as completed: it never got the completion.
   * The task goes back to waiting for the engine, so that its stored answer is sent again; true
   * when it did. Only when the stored task is that job's: the same element instance, process
   * instance and element. An engine that lost its state (the in-memory engine restarted) or was
   * restored from an older backup gives out its keys again, so a new job can carry the key of an
   * old task; that task is left as it is. A task whose answer has been gallrad is left as it is
   * too.
   */
  public boolean skickaIgenOmSlutford(Uppgift jobbet) {
    return jdbc.sql(
                "update uppgift set status = 'INSKICKAD' where "
                    + SAMMA_JOBB
                    + " and status = 'SLUTFORD' and inskickad_data is not null")
            .params(jobbetsIdentitet(jobbet))
            .update()
        == 1;
  }

  /**
   * The status of the task stored under {@code jobbet}'s key when it is that job's (the same
   * element instance, process instance and element), as when an activation times out and the job
   * comes back. Empty when the key is another job's, or nothing is stored under it.
   */
  public Optional<UppgiftStatus> sammaJobbetsStatus(Uppgift jobbet) {
    return jdbc.sql("select status from uppgift where " + SAMMA_JOBB)
        .params(jobbetsIdentitet(jobbet))
        .query((rs, n) -> UppgiftStatus.valueOf(rs.getString(1)))
        .optional();
  }

  /** The tables whose rows belong to one task, by its id in {@code uppgift_id}. */
  private static final List<String> UPPGIFTENS_RADER =
      List.of(
          "uppgift_kommentar",
          "uppgift_utkast",
          "uppgift_oppen_grupp",
          "beredning_beslut",
          "mote",
          "uppfoljning");

  /**
   * The task stored under {@code jobbet}'s key is another job's: the engine gave the key out again
   * (it restarted without its state, or was restored from a backup older than the database), and
   * the stored task's own job is gone. It is cancelled if it was still to be done or sent, so that
   * its answer can never complete this job, and moved with everything that belongs to it (comments,
   * meeting, decision, follow-up) to a negative id, which no job's key ever is, so that the job can
   * be stored under its own key. In the caller's transaction; empty when the stored task is this
   * job's after all, or nothing is stored under the key.
   */
  public Optional<Flyttad> flyttaUndan(Uppgift jobbet) {
    boolean annatJobbs =
        jdbc.sql("select true from uppgift where " + ANNAT_JOBB + " for update")
            .params(jobbetsIdentitet(jobbet))
            .query(Boolean.class)
            .optional()
            .isPresent();
    if (!annatJobbs) {
      return Optional.empty();
    }
    long id = jobbet.id();
    boolean avbruten = avbrytFranTidigareMotor(id);
    long ny = -jdbc.sql("select nextval('uppgift_tidigare_id')").query(Long.class).single();
    String kolumner = String.join(", ", uppgiftensKolumner());
    jdbc.sql(
            "insert into uppgift (id, "
                + kolumner
                + ") select ?, "
                + kolumner
                + " from uppgift where id = ?")
        .params(ny, id)
        .update();
    for (String tabell : UPPGIFTENS_RADER) {
      jdbc.sql("update " + tabell + " set uppgift_id = ? where uppgift_id = ?")
          .params(ny, id)
          .update();
    }
    jdbc.sql("delete from uppgift where id = ?").param(id).update();
    return Optional.of(new Flyttad(ny, avbruten));
  }

  /** Where {@link #flyttaUndan} moved a task, and whether it cancelled it first. */
  public record Flyttad(long id, boolean avbruten) {}

  private volatile List<String> uppgiftensKolumner;

  /** Every column of {@code uppgift} but its id, as the database has them now. */
  private List<String> uppgiftensKolumner() {
    List<String> kolumner = uppgiftensKolumner;
    if (kolumner == null) {
      kolumner =
          jdbc.sql(
                  "select column_name from information_schema.columns where table_schema ="
                      + " current_schema() and table_name = 'uppgift' and column_name <> 'id'"
                      + " and is_generated = 'NEVER' order by ordinal_position")
              .query(String.class)
              .list();
      uppgiftensKolumner = kolumner;
    }
    return kolumner;
  }

  /** The stored task is the job's: its key, and the job's place in its process. */
  private static final String SAMMA_JOBB =
      "id = ? and element_instans_nyckel = ? and process_instans_nyckel = ? and element_id = ?"
          + " and process_id = ?";

  /** The stored task under the job's key is another job's (parameters as {@link #SAMMA_JOBB}). */
  private static final String ANNAT_JOBB =
      "id = ? and not (element_instans_nyckel = ? and process_instans_nyckel = ? and element_id"
          + " = ? and process_id = ?)";

  private static Object[] jobbetsIdentitet(Uppgift jobbet) {
    return new Object[] {
      jobbet.id(),
      jobbet.elementInstansNyckel(),
      jobbet.processInstansNyckel(),
      jobbet.elementId(),
      jobbet.processId()
    };
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
  @Transactional
  public int avbrytOppnaForArende(UUID arendeId) {
    int avbrutna =
        signalera(
            andrade(
                jdbc.sql(
                        "update uppgift u set status = 'AVBRUTEN' where arende_id = ?"
                            + " and status = 'OPPEN'"
                            + ANDRADE)
                    .param(arendeId)));
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
