package se.flerpart.uppgift;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class KommentarRepository {

  private final JdbcClient jdbc;

  KommentarRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Kommentar skriv(Uppgift uppgift, String text, String vem, java.time.Instant nar) {
    long id =
        jdbc.sql(
                "insert into uppgift_kommentar (uppgift_id, arende_id, text, skriven_av, skriven)"
                    + " values (?, ?, ?, ?, ?) returning id")
            .params(uppgift.id(), uppgift.arendeId(), text, vem, Timestamp.from(nar))
            .query(Long.class)
            .single();
    return new Kommentar(id, uppgift.id(), text, vem, nar);
  }

  List<Kommentar> forUppgift(long uppgiftId) {
    return jdbc.sql("select * from uppgift_kommentar where uppgift_id = ? order by skriven, id")
        .param(uppgiftId)
        .query(KommentarRepository::rad)
        .list();
  }

  /** The latest comment of each of the tasks that has one. */
  Map<Long, Kommentar> senaste(Collection<Long> uppgifter) {
    if (uppgifter.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            "select distinct on (uppgift_id) * from uppgift_kommentar where uppgift_id in (:id)"
                + " order by uppgift_id, skriven desc, id desc")
        .param("id", uppgifter)
        .query(KommentarRepository::rad)
        .list()
        .stream()
        .collect(Collectors.toMap(Kommentar::uppgiftId, k -> k));
  }

  void gallra(UUID arendeId) {
    jdbc.sql("delete from uppgift_kommentar where arende_id = ?").param(arendeId).update();
  }

  private static Kommentar rad(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Kommentar(
        rs.getLong("id"),
        rs.getLong("uppgift_id"),
        rs.getString("text"),
        rs.getString("skriven_av"),
        rs.getTimestamp("skriven").toInstant());
  }
}
