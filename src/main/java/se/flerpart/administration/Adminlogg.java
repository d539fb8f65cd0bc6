package se.flerpart.administration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.AvvikelsetypAndrad;
import se.flerpart.beredning.MotesschemaAndrat;
import se.flerpart.referens.KategoriAndrad;
import se.flerpart.statistik.StatistikDefinitionAndrad;

/**
 * Every change an administrator makes: who, when, which object, and the object before and after as
 * JSON. Written in the same transaction as the change, so there is no change without its row.
 */
@Component
public class Adminlogg {

  public static final String ANVANDARE = "ANVANDARE";
  public static final String PART = "PART";
  public static final String INSATS = "INSATS";
  public static final String BEREDNINGSGRUPP = "BEREDNINGSGRUPP";
  public static final String AVVIKELSETYP = "AVVIKELSETYP";
  public static final String UPPGIFT = "UPPGIFT";
  public static final String KATEGORI = "KATEGORI";
  public static final String STATISTIKDEFINITION = "STATISTIKDEFINITION";
  public static final String BEREDNINGSMOTE = "BEREDNINGSMOTE";

  /** The kinds of object, as the log page names them. */
  public static final Map<String, String> OBJEKTTYPER = objekttyper();

  private static Map<String, String> objekttyper() {
    Map<String, String> typer = new LinkedHashMap<>();
    typer.put(ANVANDARE, "Användare");
    typer.put(PART, "Part");
    typer.put(INSATS, "Insats");
    typer.put(BEREDNINGSGRUPP, "Beredningsgrupp");
    typer.put(AVVIKELSETYP, "Avvikelsetyp");
    typer.put(UPPGIFT, "Uppgift");
    typer.put(KATEGORI, "Kategori vid avslut");
    typer.put(STATISTIKDEFINITION, "Statistikdefinition");
    typer.put(BEREDNINGSMOTE, "Beredningsmöten");
    return Collections.unmodifiableMap(typer);
  }

  private static final Map<String, String> HANDLINGAR =
      Map.of(
          "SKAPAD", "Skapad",
          "ANDRAD", "Ändrad",
          "INAKTIVERAD", "Inaktiverad",
          "AKTIVERAD", "Aktiverad",
          "BORTTAGEN", "Borttagen",
          "TILLDELAD", "Omfördelad",
          "MEDLEM_TILLAGD", "Medlem tillagd",
          "MEDLEM_BORTTAGEN", "Medlem borttagen");

  /** The snapshots' fields as the log page names them. */
  private static final Map<String, String> FALT =
      Map.ofEntries(
          Map.entry("id", "Id"),
          Map.entry("kod", "Kod"),
          Map.entry("namn", "Namn"),
          Map.entry("epost", "E-post"),
          Map.entry("telefon", "Telefon"),
          Map.entry("part", "Part"),
          Map.entry("roller", "Roller"),
          Map.entry("aktiv", "Aktiv"),
          Map.entry("lokaltLosenord", "Lokalt lösenord"),
          Map.entry("beskrivning", "Beskrivning"),
          Map.entry("maxTid", "Längsta tid"),
          Map.entry("uppfoljningKort", "Första uppföljningen"),
          Map.entry("uppfoljningPlan", "Uppföljning av planen"),
          Map.entry("uppfoljningPaminnelse", "Påminnelse"),
          Map.entry("uppfoljningFrist", "Frist"),
          Map.entry("gallringEfter", "Gallringstid efter avslut"),
          Map.entry("styrgruppEpost", "Styrgruppens e-post"),
          Map.entry("beredningsgrupp", "Beredningsgrupp"),
          Map.entry("insats", "Insats"),
          Map.entry("medlemmar", "Medlemmar"),
          Map.entry("elementId", "Uppgiftstyp"),
          Map.entry("arendeId", "Ärende"),
          Map.entry("tilldelad", "Tilldelad"),
          Map.entry("kategori", "Kategori"),
          Map.entry("standardtext", "Standardtext"),
          Map.entry("fast", "Nämns i processerna"),
          Map.entry("ordning", "Ordning"),
          Map.entry("ar", "År"),
          Map.entry("positivLosning", "Positiv lösning"),
          Map.entry("avbrottHalsoskal", "Avbrott av hälsoskäl"),
          Map.entry("anonymaITotalen", "Anonyma i totalen"),
          Map.entry("delradAndelAv", "Delradernas andel av"),
          Map.entry("forstaDatum", "Första mötesdag"),
          Map.entry("tid", "Klockslag"),
          Map.entry("intervallVeckor", "Veckor mellan mötena"),
          Map.entry("plats", "Plats"));

  /** One change. {@code fore} is null for a creation, {@code efter} for a deletion. */
  public record Post(
      long id,
      Instant tid,
      String anvandareId,
      String objekttyp,
      String objektId,
      String handling,
      JsonNode fore,
      JsonNode efter) {

    public String objekttypText() {
      return OBJEKTTYPER.getOrDefault(objekttyp, objekttyp);
    }

    public String handlingText() {
      return HANDLINGAR.getOrDefault(handling, handling);
    }

    /** The fields whose value differs between before and after, in the snapshot's order. */
    public List<Andring> andringar() {
      Set<String> falt = new LinkedHashSet<>();
      for (JsonNode n : new JsonNode[] {fore, efter}) {
        if (n != null && n.isObject()) {
          n.fieldNames().forEachRemaining(falt::add);
        }
      }
      List<Andring> ut = new ArrayList<>();
      for (String f : falt) {
        String fran = text(fore == null ? null : fore.get(f));
        String till = text(efter == null ? null : efter.get(f));
        if (!Objects.equals(fran, till)) {
          ut.add(new Andring(f, fran, till));
        }
      }
      return ut;
    }

    private static String text(JsonNode n) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isBoolean()) {
        return n.asBoolean() ? "ja" : "nej";
      }
      if (n.isArray()) {
        return StreamSupport.stream(n.spliterator(), false)
            .map(JsonNode::asText)
            .collect(Collectors.joining(", "));
      }
      return n.isValueNode() ? n.asText() : n.toString();
    }
  }

  public record Andring(String falt, String fore, String efter) {

    public String faltText() {
      return FALT.getOrDefault(falt, falt);
    }
  }

  /** A user moved from one part to another at {@code tid}. */
  public record Partbyte(String anvandareId, Instant tid, String fran, String till) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock klocka;

  Adminlogg(JdbcClient jdbc, ObjectMapper json, Clock klocka) {
    this.jdbc = jdbc;
    this.json = json;
    this.klocka = klocka;
  }

  void logga(
      String anvandareId,
      String objekttyp,
      String objektId,
      String handling,
      Object fore,
      Object efter) {
    jdbc.sql(
            "insert into admin_logg (tid, anvandare_id, objekttyp, objekt_id, handling, fore, efter)"
                + " values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")
        .params(
            Timestamp.from(klocka.instant()),
            anvandareId,
            objekttyp,
            objektId,
            handling,
            skriv(fore),
            skriv(efter))
        .update();
  }

  /**
   * Deviation types are edited in their own module (its API, and the admin page through it); the
   * event comes inside that transaction.
   */
  @EventListener
  void avvikelsetyp(AvvikelsetypAndrad andring) {
    logga(
        andring.anvandareId(),
        AVVIKELSETYP,
        andring.kod(),
        andring.handling(),
        andring.fore(),
        andring.efter());
  }

  /** The beredningsmöten are set in the beredning module (its API, and the insats page). */
  @EventListener
  void motesschema(MotesschemaAndrat andring) {
    logga(
        andring.anvandareId(),
        BEREDNINGSMOTE,
        andring.insats(),
        andring.handling(),
        andring.fore(),
        andring.efter());
  }

  /** The avslut categories are edited on their own page in the referens module. */
  @EventListener
  void kategori(KategoriAndrad andring) {
    logga(
        andring.anvandareId(),
        KATEGORI,
        andring.objektId(),
        andring.handling(),
        andring.fore(),
        andring.efter());
  }

  /** The statistics definitions are edited on their own page in the statistik module. */
  @EventListener
  void statistikdefinition(StatistikDefinitionAndrad andring) {
    logga(
        andring.anvandareId(),
        STATISTIKDEFINITION,
        String.valueOf(andring.ar()),
        andring.handling(),
        andring.fore(),
        andring.efter());
  }

  /**
   * The latest changes, newest first: of one kind of object (null: all), of one object (null: all).
   */
  public List<Post> poster(String objekttyp, String objektId, int max) {
    List<Object> parametrar = new ArrayList<>();
    List<String> villkor = new ArrayList<>();
    if (objekttyp != null) {
      villkor.add("objekttyp = ?");
      parametrar.add(objekttyp);
    }
    if (objektId != null) {
      villkor.add("objekt_id = ?");
      parametrar.add(objektId);
    }
    parametrar.add(max);
    return jdbc.sql(
            "select id, tid, anvandare_id, objekttyp, objekt_id, handling, fore, efter"
                + " from admin_logg"
                + (villkor.isEmpty() ? "" : " where " + String.join(" and ", villkor))
                + " order by tid desc, id desc limit ?")
        .params(parametrar)
        .query(
            (rs, n) ->
                new Post(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    las(rs.getString(7)),
                    las(rs.getString(8))))
        .list();
  }

  /** Every change of a user's part, oldest first: which part a user belonged to at a time. */
  public List<Partbyte> partbyten() {
    return jdbc.sql(
            """
            select objekt_id, tid, fore ->> 'part', efter ->> 'part' from admin_logg
            where objekttyp = ? and fore is not null and efter is not null
              and fore ->> 'part' is distinct from efter ->> 'part'
            order by tid, id
            """)
        .param(ANVANDARE)
        .query(
            (rs, n) ->
                new Partbyte(
                    rs.getString(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  private String skriv(Object varde) {
    if (varde == null) {
      return null;
    }
    try {
      return json.writeValueAsString(varde);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Kunde inte skriva ögonblicksbilden", e);
    }
  }

  private JsonNode las(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Kunde inte läsa ögonblicksbilden", e);
    }
  }
}
