package se.flerpart.statistik;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The definitions per year: a report for a year uses that year's definition, a year without its own
 * the latest earlier one, and a year before every definition the default.
 */
@Service
public class StatistikDefinitioner {

  private static final TypeReference<LinkedHashMap<String, List<String>>> DELRADER =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public StatistikDefinitioner(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The definition in force for {@code ar}. */
  public StatistikDefinition giltig(int ar) {
    return jdbc.sql("select * from statistik_definition where ar <= :ar order by ar desc limit 1")
        .param("ar", ar)
        .query(
            (rs, i) ->
                new StatistikDefinition(
                    rs.getInt("ar"),
                    rs.getString("beskrivning"),
                    delrader(rs.getString("positiv_losning")),
                    lista(rs.getArray("avbrott_halsoskal")),
                    rs.getBoolean("anonyma_i_totalen"),
                    rs.getString("delrad_andel_av")))
        .optional()
        .orElseGet(StatistikDefinition::standard);
  }

  private Map<String, List<String>> delrader(String text) {
    try {
      return json.readValue(text, DELRADER);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(
          "Statistikdefinitionens positiva lösningar går inte att läsa", e);
    }
  }

  private static List<String> lista(Array a) throws SQLException {
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }
}
