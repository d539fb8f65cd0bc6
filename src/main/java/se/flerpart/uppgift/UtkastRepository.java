package se.flerpart.uppgift;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.flerpart.sakerhet.Kryptering;

/**
 * The drafts of task forms: one JSON object per task and user, encrypted at rest (a draft holds
 * what the form holds, personal data included).
 */
@Repository
class UtkastRepository {

  private static final Logger LOG = LoggerFactory.getLogger(UtkastRepository.class);

  /** A draft as read: the form's values as JSON text, and when they were saved. */
  record Utkast(String data, Instant sparad) {}

  private final JdbcClient jdbc;
  private final Kryptering kryptering;

  UtkastRepository(JdbcClient jdbc, Kryptering kryptering) {
    this.jdbc = jdbc;
    this.kryptering = kryptering;
  }

  void spara(long uppgiftId, String anvandare, UUID arendeId, String data, Instant nu) {
    jdbc.sql(
            """
            insert into uppgift_utkast (uppgift_id, anvandare, arende_id, data_krypterat, sparad)
            values (?, ?, ?, ?, ?)
            on conflict (uppgift_id, anvandare)
            do update set data = null, data_krypterat = excluded.data_krypterat,
                          sparad = excluded.sparad
            """)
        .params(uppgiftId, anvandare, arendeId, kryptering.krypteraText(data), Timestamp.from(nu))
        .update();
  }

  Optional<Utkast> hitta(long uppgiftId, String anvandare) {
    return jdbc.sql(
            "select data::text as data, data_krypterat, sparad from uppgift_utkast"
                + " where uppgift_id = ? and anvandare = ?")
        .params(uppgiftId, anvandare)
        .query(
            (rs, n) -> {
              String krypterat = rs.getString("data_krypterat");
              return new Utkast(
                  krypterat != null ? kryptering.dekrypteraText(krypterat) : rs.getString("data"),
                  rs.getTimestamp("sparad").toInstant());
            })
        .optional();
  }

  /** Drafts saved before they were encrypted at rest are encrypted now, once. */
  @EventListener(ApplicationReadyEvent.class)
  void krypteraAldreUtkast() {
    record Oskyddat(long uppgiftId, String anvandare, String data) {}
    var aldre =
        jdbc.sql(
                "select uppgift_id, anvandare, data::text from uppgift_utkast"
                    + " where data_krypterat is null")
            .query((rs, n) -> new Oskyddat(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .list();
    for (Oskyddat u : aldre) {
      jdbc.sql(
              "update uppgift_utkast set data_krypterat = ?, data = null"
                  + " where uppgift_id = ? and anvandare = ? and data_krypterat is null")
          .params(kryptering.krypteraText(u.data()), u.uppgiftId(), u.anvandare())
          .update();
    }
    if (!aldre.isEmpty()) {
      LOG.info("{} utkast sparade före krypteringen är nu krypterade", aldre.size());
    }
  }
}
