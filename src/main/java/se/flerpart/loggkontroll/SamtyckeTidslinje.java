package se.flerpart.loggkontroll;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import se.flerpart.arende.SamtyckeAterkallat;
import se.flerpart.arende.SamtyckeLamnat;
import se.flerpart.arende.SamtyckeNekat;

/**
 * Each case's consent over time, kept from the samtycke events: when it was given and for which
 * parts, declined, or withdrawn. The case itself only knows its consent now (a withdrawal empties
 * its scope); the loggkontroll needs the scope in force when a read happened. Every event is stored
 * once, at the time it carries, so a late or repeated delivery changes nothing. Stored in the
 * transaction that publishes the event, just before it commits: the timeline changes together with
 * the case's consent, with no publication in the event registry.
 */
@Component
class SamtyckeTidslinje {

  /** A case's consent: given at {@code lamnat} for {@code parter}, declined, or withdrawn. */
  record Tidslinje(
      Instant lamnat, List<String> parter, boolean susSamtycke, Instant nekat, Instant aterkallat) {

    static final Tidslinje INGEN = new Tidslinje(null, List.of(), false, null, null);
  }

  private final JdbcClient jdbc;

  SamtyckeTidslinje(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void lamnat(SamtyckeLamnat h) {
    spara(h.arendeId(), "JA", h.tidpunkt(), h.parter(), h.susSamtycke());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void nekat(SamtyckeNekat h) {
    spara(h.arendeId(), "NEJ", h.tidpunkt(), List.of(), false);
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void aterkallat(SamtyckeAterkallat h) {
    spara(h.arendeId(), "ATERKALLAT", h.tidpunkt(), List.of(), false);
  }

  private void spara(UUID arende, String samtycke, Instant tid, List<String> parter, boolean sus) {
    jdbc.sql(
            "insert into loggkontroll_samtycke (arende_id, samtycke, tid, parter, sus_samtycke)"
                + " values (?, ?, ?, ?, ?) on conflict (arende_id, samtycke) do nothing")
        .params(arende, samtycke, Timestamp.from(tid), parter.toArray(String[]::new), sus)
        .update();
  }

  /** The timelines of these cases; a case without any consent event yet is {@link #INGEN}. */
  Map<UUID, Tidslinje> tidslinjer(Collection<UUID> arenden) {
    Map<UUID, Tidslinje> ut = new HashMap<>();
    if (arenden.isEmpty()) {
      return ut;
    }
    List<UUID> lista = new ArrayList<>(arenden);
    for (int fran = 0; fran < lista.size(); fran += 1000) {
      List<UUID> del = lista.subList(fran, Math.min(lista.size(), fran + 1000));
      jdbc.sql(
              "select arende_id, samtycke, tid, parter, sus_samtycke from loggkontroll_samtycke"
                  + " where arende_id in ("
                  + String.join(", ", del.stream().map(a -> "?").toList())
                  + ")")
          .params(new ArrayList<Object>(del))
          .query(
              rs -> {
                UUID id = rs.getObject(1, UUID.class);
                Instant tid = rs.getTimestamp(3).toInstant();
                Array parter = rs.getArray(4);
                Tidslinje t = ut.getOrDefault(id, Tidslinje.INGEN);
                ut.put(
                    id,
                    switch (rs.getString(2)) {
                      case "JA" ->
                          new Tidslinje(
                              tid,
                              parter == null ? List.of() : List.of((String[]) parter.getArray()),
                              rs.getBoolean(5),
                              t.nekat(),
                              t.aterkallat());
                      case "NEJ" ->
                          new Tidslinje(
                              t.lamnat(), t.parter(), t.susSamtycke(), tid, t.aterkallat());
                      default ->
                          new Tidslinje(t.lamnat(), t.parter(), t.susSamtycke(), t.nekat(), tid);
                    });
              });
    }
    return ut;
  }
}
