package se.flerpart.referens;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Avslutsorsaker with their SUS group (DOMAIN.md §4), kept as data. */
@Repository
public class AvslutsorsakRepository {

  public record Avslutsorsak(String kod, String namn, Integer susGrupp, boolean aktiv) {}

  private final JdbcClient jdbc;

  public AvslutsorsakRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Avslutsorsak> aktiva() {
    return jdbc.sql(
            "select kod, namn, sus_grupp, aktiv from avslutsorsak where aktiv order by ordning")
        .query(
            (rs, n) ->
                new Avslutsorsak(
                    rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getBoolean(4)))
        .list();
  }

  public Optional<Avslutsorsak> hitta(String kod) {
    return aktiva().stream().filter(a -> a.kod().equals(kod)).findFirst();
  }
}
