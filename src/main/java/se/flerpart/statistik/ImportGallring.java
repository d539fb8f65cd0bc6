package se.flerpart.statistik;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.gallring.GallringsbarHistorik;

/**
 * Gallring of imported history: the gallring time of its insats after an imported participant's
 * avslutsdatum (the same rule as a closed case), the personnummer, its hash and the row's key
 * (derived from the personnummer) go. Kön, födelseår, anonym, the codes and the dates stay, so
 * every report stays the same. A participant still active in the imported history keeps the
 * personnummer.
 */
@Component
class ImportGallring implements GallringsbarHistorik {

  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");

  private final JdbcClient jdbc;

  ImportGallring(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int gallra(Instant nu, Function<String, Period> gallringstid) {
    record Avslutad(long id, String insats, LocalDate avslutsdatum) {}
    List<Avslutad> avslutade =
        jdbc.sql(
                """
                select id, insats_kod, avslutsdatum from statistik_deltagare
                where import_nyckel is not null and personnummer_krypterat is not null
                  and avslutsdatum is not null
                """)
            .query(
                (rs, n) ->
                    new Avslutad(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
            .list();
    LocalDate idag = LocalDate.ofInstant(nu, SVERIGE);
    int gallrade = 0;
    for (Avslutad a : avslutade) {
      if (a.avslutsdatum().plus(gallringstid.apply(a.insats())).isAfter(idag)) {
        continue;
      }
      gallrade +=
          jdbc.sql(
                  """
                  update statistik_deltagare set personnummer_krypterat = null,
                    personnummer_hash = null, import_nyckel = 'gallrad:' || id,
                    personnummer_gallrat = ?
                  where id = ? and personnummer_krypterat is not null
                  """)
              .params(Timestamp.from(nu), a.id())
              .update();
    }
    return gallrade;
  }
}
