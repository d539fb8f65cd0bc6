package se.flerpart.arende;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The person in a case, encrypted: the name on its own (lists decrypt only that), the rest as one
 * JSON document, and keyed hashes of the beginnings of the name's words for search.
 */
@Repository
class IndividRepository {

  /** Longer beginnings than this are matched by their first letters only. */
  static final int MAX_BORJAN = 20;

  private final JdbcClient jdbc;
  private final PersonnummerSkydd skydd;
  private final ObjectMapper json;

  IndividRepository(JdbcClient jdbc, PersonnummerSkydd skydd, ObjectMapper json) {
    this.jdbc = jdbc;
    this.skydd = skydd;
    this.json = json;
  }

  /** Stores the person, or removes the row when nothing is known about them. */
  void spara(UUID arendeId, Individ individ, Instant tid) {
    if (individ.arTom()) {
      radera(arendeId);
      return;
    }
    String uppgifter;
    try {
      uppgifter = json.writeValueAsString(individ);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Uppgifterna om personen kunde inte skrivas", e);
    }
    jdbc.sql(
            """
            insert into arende_individ (arende_id, namn_krypterat, uppgifter_krypterat,
              namnord_hash, andrad)
            values (?, ?, ?, ?, ?)
            on conflict (arende_id) do update set namn_krypterat = excluded.namn_krypterat,
              uppgifter_krypterat = excluded.uppgifter_krypterat,
              namnord_hash = excluded.namnord_hash, andrad = excluded.andrad
            """)
        .params(
            arendeId,
            individ.namn() == null ? null : skydd.krypteraText(individ.namn()),
            skydd.krypteraText(uppgifter),
            namnordHashar(individ.namn()).toArray(String[]::new),
            Timestamp.from(tid))
        .update();
  }

  Optional<Individ> hitta(UUID arendeId) {
    return jdbc.sql("select uppgifter_krypterat from arende_individ where arende_id = ?")
        .param(arendeId)
        .query(String.class)
        .optional()
        .map(this::las);
  }

  /** The names of those of the cases that have one, in one query. */
  Map<UUID, String> namn(Collection<UUID> arendeIds) {
    Map<UUID, String> namn = new HashMap<>();
    if (arendeIds.isEmpty()) {
      return namn;
    }
    jdbc.sql(
            "select arende_id, namn_krypterat from arende_individ"
                + " where namn_krypterat is not null and arende_id = any(?)")
        .param(arendeIds.toArray(UUID[]::new))
        .query(
            rs -> {
              namn.put(rs.getObject(1, UUID.class), skydd.dekrypteraText(rs.getString(2)));
            });
    return namn;
  }

  /**
   * Those of the cases where every word of {@code sok} begins a word of the person's name, case
   * insensitive; empty when {@code sok} has no word.
   */
  Set<UUID> medNamn(String sok, Collection<UUID> bland) {
    List<String> sokord = ord(sok);
    if (sokord.isEmpty() || bland.isEmpty()) {
      return Set.of();
    }
    String[] hashar =
        sokord.stream()
            .map(o -> skydd.namnordHash(o.substring(0, Math.min(o.length(), MAX_BORJAN))))
            .toArray(String[]::new);
    return jdbc.sql(
            "select arende_id from arende_individ where namnord_hash @> ?::text[]"
                + " and arende_id = any(?)")
        .params(hashar, bland.toArray(UUID[]::new))
        .query(UUID.class)
        .set();
  }

  void radera(UUID arendeId) {
    jdbc.sql("delete from arende_individ where arende_id = ?").param(arendeId).update();
  }

  private Individ las(String krypterat) {
    try {
      return json.readValue(skydd.dekrypteraText(krypterat), Individ.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Uppgifterna om personen kunde inte läsas", e);
    }
  }

  /**
   * Every beginning of every word of the name, hashed: "Anna-Karin Ek" gives a, an, ann, anna,
   * anna-, … for the whole word and k, ka, … for its part after the hyphen, and e, ek.
   */
  private Set<String> namnordHashar(String namn) {
    Set<String> hashar = new LinkedHashSet<>();
    for (String o : ord(namn)) {
      Set<String> delar = new LinkedHashSet<>(List.of(o));
      delar.addAll(List.of(o.split("-")));
      for (String del : delar) {
        for (int i = 1; i <= Math.min(del.length(), MAX_BORJAN); i++) {
          hashar.add(skydd.namnordHash(del.substring(0, i)));
        }
      }
    }
    return hashar;
  }

  private static List<String> ord(String text) {
    if (text == null) {
      return List.of();
    }
    return java.util.Arrays.stream(text.strip().toLowerCase(Locale.ROOT).split("\\s+"))
        .filter(o -> !o.isBlank() && !o.equals("-"))
        .collect(Collectors.toList());
  }
}
