package se.flerpart.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
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
            select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted,
                   tup_updated, tup_deleted, blks_hit + blks_read as block
            from pg_stat_database where datname = current_database()
            """)
        .query(
            rs -> {
              for (String k :
                  new String[] {
                    "xact_commit",
                    "xact_rollback",
                    "tup_returned",
                    "tup_fetched",
                    "tup_inserted",
                    "tup_updated",
                    "tup_deleted",
                    "block"
                  }) {
                r.put("databas." + k, rs.getLong(k));
              }
            });
    jdbc.sql(
            """
            select relname, coalesce(seq_scan, 0) as seq_scan,
                   coalesce(seq_tup_read, 0) as seq_tup_read, coalesce(idx_scan, 0) as idx_scan,
                   n_tup_ins, n_tup_upd, n_tup_del
            from pg_stat_user_tables
            """)
        .query(
            rs -> {
              String t = rs.getString("relname");
              for (String k :
                  new String[] {
                    "seq_scan", "seq_tup_read", "idx_scan", "n_tup_ins", "n_tup_upd", "n_tup_del"
                  }) {
                r.put(t + "." + k, rs.getLong(k));
              }
            });
    return new Ogonblick(r);
  }

  /**
   * The difference from {@code fore} to {@code efter} per case, rounded to a tenth, counters that
   * did not move left out; the database's first, then the tables' by size.
   */
  static Map<String, Double> perArende(Ogonblick fore, Ogonblick efter, int arenden) {
    Map<String, Double> databas = new LinkedHashMap<>();
    Map<String, Double> tabeller = new LinkedHashMap<>();
    efter.raknare().entrySet().stream()
        .map(
            e ->
                Map.entry(
                    e.getKey(),
                    Math.round(
                            (e.getValue() - fore.raknare().getOrDefault(e.getKey(), 0L))
                                * 10.0
                                / arenden)
                        / 10.0))
        .filter(e -> e.getValue() != 0)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(
            e ->
                (e.getKey().startsWith("databas.") ? databas : tabeller)
                    .put(e.getKey(), e.getValue()));
    Map<String, Double> r = new LinkedHashMap<>(databas);
    r.putAll(tabeller);
    return r;
  }
}
