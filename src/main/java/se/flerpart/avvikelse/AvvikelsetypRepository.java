package se.flerpart.avvikelse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deviation types, kept as data (DOMAIN.md §4–5). */
@Repository
class AvvikelsetypRepository {

  private final JdbcClient jdbc;

  AvvikelsetypRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Avvikelsetyp> alla() {
    return jdbc.sql("select * from avvikelsetyp order by ordning, kod").query(this::rad).list();
  }

  public List<Avvikelsetyp> aktiva() {
    return alla().stream().filter(Avvikelsetyp::aktiv).toList();
  }

  public Optional<Avvikelsetyp> hitta(String kod) {
    return jdbc.sql("select * from avvikelsetyp where kod = ?")
        .param(kod)
        .query(this::rad)
        .optional();
  }

  public void skapa(Avvikelsetyp t) {
    jdbc.sql(
            "insert into avvikelsetyp (kod, namn, kategori, standardtext, fast, aktiv, ordning)"
                + " values (?, ?, ?, ?, false, true,"
                + " (select coalesce(max(ordning), 0) + 10 from avvikelsetyp where kategori = ?))")
        .params(t.kod(), t.namn(), t.kategori(), t.standardtext(), t.kategori())
        .update();
  }

  public void uppdatera(String kod, String namn, String standardtext, boolean aktiv) {
    jdbc.sql("update avvikelsetyp set namn = ?, standardtext = ?, aktiv = ? where kod = ?")
        .params(namn, standardtext, aktiv, kod)
        .update();
  }

  public boolean anvands(String kod) {
    return jdbc.sql("select exists (select 1 from avvikelse where typ = ?)")
        .param(kod)
        .query(Boolean.class)
        .single();
  }

  public void taBort(String kod) {
    jdbc.sql("delete from avvikelsetyp where kod = ?").param(kod).update();
  }

  private Avvikelsetyp rad(ResultSet rs, int n) throws SQLException {
    return new Avvikelsetyp(
        rs.getString("kod"),
        rs.getString("namn"),
        rs.getString("kategori"),
        rs.getString("standardtext"),
        rs.getBoolean("fast"),
        rs.getBoolean("aktiv"),
        rs.getInt("ordning"));
  }
}
