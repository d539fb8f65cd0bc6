package se.flerpart.referens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Avslutsorsaker with their SUS group (DOMAIN.md §4), kept as data. */
@Repository
public class AvslutsorsakRepository {

  /**
   * @param utanforStatistik a case closed with it (a felregistrering) leaves SUS and the statistics
   */
  public record Avslutsorsak(
      String kod, String namn, Integer susGrupp, boolean aktiv, boolean utanforStatistik) {}

  private static final String KOLUMNER = "kod, namn, sus_grupp, aktiv, utanfor_statistik";

  private final JdbcClient jdbc;

  public AvslutsorsakRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Avslutsorsak> aktiva() {
    return jdbc.sql("select " + KOLUMNER + " from avslutsorsak where aktiv order by ordning")
        .query(AvslutsorsakRepository::rad)
        .list();
  }

  /** Also a retired one: a closed case keeps the code it was closed with. */
  public Optional<Avslutsorsak> hitta(String kod) {
    return jdbc.sql("select " + KOLUMNER + " from avslutsorsak where kod = ?")
        .param(kod)
        .query(AvslutsorsakRepository::rad)
        .optional();
  }

  private static Avslutsorsak rad(ResultSet rs, int n) throws SQLException {
    return new Avslutsorsak(
        rs.getString(1),
        rs.getString(2),
        (Integer) rs.getObject(3),
        rs.getBoolean(4),
        rs.getBoolean(5));
  }
}
