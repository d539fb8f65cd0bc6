package se.flerpart.handelse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.flerpart.arende.Aktualisering;
import se.flerpart.arende.ArendeAktualiserat;

/**
 * The JSON Schemas under {@code src/main/resources/schema/} are valid JSON Schema documents and
 * describe exactly what Flerpart reads and writes.
 */
class HandelseSchemaTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void arendeAktualiseratHarPrecisSchematsEgenskaper() throws IOException {
    JsonNode schema = schema("arende.aktualiserat.schema.json");
    JsonNode handelse =
        json.valueToTree(
            new ArendeAktualiserat(
                UUID.randomUUID(),
                "2026-0042",
                Instant.parse("2026-12-01T09:30:00Z"),
                "flerpartssamverkan",
                "FK",
                List.of("FK", "AF"),
                true));
    assertThat(namn(handelse)).isEqualTo(namn(schema.path("properties")));
    assertThat(texter(schema.path("required"))).isEqualTo(namn(schema.path("properties")));
    assertThat(handelse.path("tidpunkt").asText()).isEqualTo("2026-12-01T09:30:00Z");
    assertThat(handelse.path("arendenummer").asText())
        .matches(schema.path("properties").path("arendenummer").path("pattern").asText());
  }

  @Test
  void aktualiseringHarApietsFaltOchAktualiseradAv() throws IOException {
    JsonNode schema = schema("aktualisering.schema.json");
    Set<String> falt = new TreeSet<>();
    Arrays.stream(Aktualisering.class.getRecordComponents()).forEach(k -> falt.add(k.getName()));
    falt.addAll(List.of("aktualiseradAv", "id", "source"));
    assertThat(namn(schema.path("properties"))).isEqualTo(falt);
    assertThat(texter(schema.path("required"))).contains("insats", "skal", "aktualiseradAv");
    assertThat("19121212-1212")
        .matches(schema.path("properties").path("personnummer").path("pattern").asText());
  }

  private JsonNode schema(String fil) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/schema/" + fil)) {
      assertThat(in).as(fil).isNotNull();
      JsonNode schema = json.readTree(in);
      assertThat(schema.path("$schema").asText())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("type").asText()).isEqualTo("object");
      assertThat(schema.path("title").asText()).isNotBlank();
      assertThat(schema.path("description").asText()).isNotBlank();
      for (JsonNode egenskap : schema.path("properties")) {
        assertThat(egenskap.has("type") || egenskap.has("enum")).isTrue();
        assertThat(egenskap.path("description").asText()).isNotBlank();
      }
      return schema;
    }
  }

  private static Set<String> namn(JsonNode objekt) {
    Set<String> namn = new TreeSet<>();
    objekt.fieldNames().forEachRemaining(namn::add);
    return namn;
  }

  private static Set<String> texter(JsonNode lista) {
    List<String> texter = new ArrayList<>();
    lista.forEach(t -> texter.add(t.asText()));
    return new TreeSet<>(texter);
  }
}
