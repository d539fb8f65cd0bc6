package se.flerpart.referens;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.flerpart.web.Transaktionsminne;

/** The organisations of the förbund (FK, AF, REGION, KOMMUN-…, FORBUND). */
@Repository
public class PartRepository {

  public record Part(String kod, String namn) {}

  private final JdbcClient jdbc;

  public PartRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Part> alla() {
    return Transaktionsminne.las(
        "part",
        "alla",
        () ->
            jdbc.sql("select kod, namn from part order by namn")
                .query((rs, n) -> new Part(rs.getString(1), rs.getString(2)))
                .list());
  }

  public void spara(Part part) {
    Transaktionsminne.skriv(
            jdbc,
            "insert into part (kod, namn) values (?, ?) on conflict (kod) do update set namn = ?")
        .params(part.kod(), part.namn(), part.namn())
        .update();
  }

  public Optional<Part> hitta(String kod) {
    return Transaktionsminne.las(
        "part",
        kod,
        () ->
            jdbc.sql("select kod, namn from part where kod = ?")
                .param(kod)
                .query((rs, n) -> new Part(rs.getString(1), rs.getString(2)))
                .optional());
  }
}
