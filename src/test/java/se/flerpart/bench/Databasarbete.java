package se.flerpart.bench;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL did between two moments, from its cumulative statistics: transactions, rows read,
 * written and scanned, in the whole database and per table. The benchmark divides the difference by
 * the cases completed in between, like the engine's records per case: PostgreSQL's own processes
 * take a share of the two cores that the JVM's profile does not show.
 */
final class Databasarbete {

  /** The counters at one moment, by name: {@code databas.*} and {@code <tabell>.*}. */
  record Ogonblick(Map<String, Long> raknare) {}

  private Databasarbete() {}

  /**
   * The counters now. PostgreSQL 14's backends send their counts to the statistics collector at the
   * end of a transaction at most every half second, and the collector's figures are read as of its
   * last report: a caller waits a second or two after the load, and a busy backend's last half
   * second may be missing, which over many cases is a rounding error.
   */
  static Ogonblick ogonblick(JdbcClient jdbc) {
    Map<String, Long> r = new TreeMap<>();
    jdbc.sql(
            """
            select 'databas' as namn, xact_commit, xact_rollback, tup_returned, tup_fetched,
                   tup_inserted, tup_updated, tup_deleted, blks_hit + blks_read as block
            from pg_stat_database where datname = current_database()
            """)
        .query((RowCallbackHandler) rs -> las(rs, r));
    jdbc.sql(
            """
            select relname as namn, coalesce(seq_scan, 0) as seq_scan,
                   coalesce(seq_tup_read, 0) as seq_tup_read, coalesce(idx_scan, 0) as idx_scan,
                   n_tup_ins, n_tup_upd, n_tup_del
            from pg_stat_user_tables
            """)
        .query((RowCallbackHandler) rs -> las(rs, r));
    return new Ogonblick(r);
  }

  /** Every column after the first of the row, as {@code <namn>.<kolumn>}. */
  private static void las(ResultSet rs, Map<String, Long> r) throws SQLException {
    ResultSetMetaData kolumner = rs.getMetaData();
    String namn = rs.getString(1);
    for (int i = 2; i <= kolumner.getColumnCount(); i++) {
      r.put(namn + "." + kolumner.getColumnLabel(i), rs.getLong(i));
    }
  }

  /**
   * The difference from {@code fore} to {@code efter} per case, rounded to a tenth, counters that
   * did not move left out; the database's first, then the tables' by size.
   */
  static Map<String, Double> perArende(Ogonblick fore, Ogonblick efter, int arenden) {
    Map<String, Long> databas = new TreeMap<>();
    Map<String, Long> tabeller = new TreeMap<>();
    efter
        .raknare()
        .forEach(
            (k, v) ->
                (k.startsWith("databas.") ? databas : tabeller)
                    .put(k, v - fore.raknare().getOrDefault(k, 0L)));
    Map<String, Double> r = new LinkedHashMap<>(Benchresultat.perArende(databas, arenden, 10));
    r.putAll(Benchresultat.perArende(tabeller, arenden, 10));
    return r;
  }
}
