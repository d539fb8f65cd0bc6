package se.flerpart.arende;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;

/**
 * The audit log of personal-data reads ({@code granskningslogg}, written by {@link ArendeAtkomst})
 * as the loggkontroll reads it: only for a {@link Anvandare#LOGGGRANSKARE}, and finding a person's
 * cases by personnummer writes a row of its own in every case found.
 */
@Component
public class Granskningslogg {

  /** A read of a case's personal data, with what the loggkontroll needs to know of the case. */
  public record Lasning(
      long id,
      Instant tid,
      String anvandareId,
      UUID arendeId,
      String arendenummer,
      String aktualiserandePart,
      String handling) {}

  /** A case of the person searched for. */
  public record Traff(UUID arendeId, String arendenummer) {}

  /**
   * Which reads: of these cases (null: all cases), by this user (null: everyone), from and until
   * (null: no bound; {@code till} excluded).
   */
  public record Urval(Collection<UUID> arenden, String anvandareId, Instant fran, Instant till) {}

  private final JdbcClient jdbc;
  private final PersonnummerSkydd skydd;
  private final Clock klocka;

  public Granskningslogg(JdbcClient jdbc, PersonnummerSkydd skydd, Clock klocka) {
    this.jdbc = jdbc;
    this.skydd = skydd;
    this.klocka = klocka;
  }

  /**
   * The person's cases, found by the personnummer's hash. Looking is itself a read of personal data
   * (it ties the person to the cases), so it writes one row per case found, with {@code handling}.
   */
  @Transactional
  public List<Traff> sokPerson(Personnummer personnummer, Anvandare vem, String handling) {
    kravGranskare(vem);
    List<Traff> traffar =
        jdbc.sql(
                "select id, arendenummer from arende where personnummer_hash = ?"
                    + " order by skapad, arendenummer")
            .param(skydd.hash(personnummer))
            .query((rs, n) -> new Traff(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    Timestamp nu = Timestamp.from(klocka.instant());
    for (Traff t : traffar) {
      jdbc.sql(
              "insert into granskningslogg (tid, anvandare_id, arende_id, handling)"
                  + " values (?, ?, ?, ?)")
          .params(nu, vem.id(), t.arendeId(), handling)
          .update();
    }
    return traffar;
  }

  /** The reads the selection covers, newest first, at most {@code max}. */
  public List<Lasning> lasningar(Urval urval, Anvandare vem, int max) {
    kravGranskare(vem);
    List<Object> parametrar = new ArrayList<>();
    String villkor = villkor(urval, parametrar);
    parametrar.add(max);
    return jdbc.sql(
            "select g.id, g.tid, g.anvandare_id, g.arende_id, a.arendenummer,"
                + " a.aktualiserande_part, g.handling"
                + " from granskningslogg g left join arende a on a.id = g.arende_id"
                + villkor
                + " order by g.tid desc, g.id desc limit ?")
        .params(parametrar)
        .query(
            (rs, n) ->
                new Lasning(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getObject(4, UUID.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  /** How many reads the selection covers. */
  public long antal(Urval urval, Anvandare vem) {
    kravGranskare(vem);
    List<Object> parametrar = new ArrayList<>();
    String villkor = villkor(urval, parametrar);
    return jdbc.sql("select count(*) from granskningslogg g" + villkor)
        .params(parametrar)
        .query(Long.class)
        .single();
  }

  private static String villkor(Urval urval, List<Object> parametrar) {
    List<String> delar = new ArrayList<>();
    if (urval.arenden() != null) {
      if (urval.arenden().isEmpty()) {
        delar.add("false");
      } else {
        delar.add(
            "g.arende_id in ("
                + String.join(", ", urval.arenden().stream().map(a -> "?").toList())
                + ")");
        parametrar.addAll(urval.arenden());
      }
    }
    if (urval.anvandareId() != null) {
      delar.add("g.anvandare_id = ?");
      parametrar.add(urval.anvandareId());
    }
    if (urval.fran() != null) {
      delar.add("g.tid >= ?");
      parametrar.add(Timestamp.from(urval.fran()));
    }
    if (urval.till() != null) {
      delar.add("g.tid < ?");
      parametrar.add(Timestamp.from(urval.till()));
    }
    return delar.isEmpty() ? "" : " where " + String.join(" and ", delar);
  }

  private static void kravGranskare(Anvandare vem) {
    if (!vem.harRoll(Anvandare.LOGGGRANSKARE)) {
      throw new AtkomstNekad("Bara logggranskare kan läsa granskningsloggen.");
    }
  }
}
