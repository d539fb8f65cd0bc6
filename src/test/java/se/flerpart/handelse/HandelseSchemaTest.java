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
import se.flerpart.arende.ArendeAvbrutet;
import se.flerpart.arende.ArendeAvslutat;
import se.flerpart.arende.ArendeHandelse;
import se.flerpart.arende.SamtyckeAterkallat;
import se.flerpart.arende.SamtyckeLamnat;
import se.flerpart.arende.SamtyckeNekat;
import se.flerpart.avvikelse.AvvikelseRegistrerad;
import se.flerpart.beredning.BeredningBeslutad;
import se.flerpart.mote.KallelseBesvarad;
import se.flerpart.mote.KallelseSkickad;
import se.flerpart.mote.MoteFlyttat;
import se.flerpart.mote.MoteGenomfort;
import se.flerpart.mote.MoteInstallt;
import se.flerpart.mote.PlanFaststalld;
import se.flerpart.uppfoljning.UppfoljningGenomford;

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

  /** Every event that leaves on Kafka, with the schema of its CloudEvent type's data. */
  static final List<Class<? extends Record>> UTGAENDE =
      List.of(
          ArendeAktualiserat.class,
          SamtyckeLamnat.class,
          SamtyckeNekat.class,
          SamtyckeAterkallat.class,
          ArendeAvbrutet.class,
          ArendeAvslutat.class,
          BeredningBeslutad.class,
          KallelseSkickad.class,
          KallelseBesvarad.class,
          MoteFlyttat.class,
          MoteInstallt.class,
          MoteGenomfort.class,
          PlanFaststalld.class,
          UppfoljningGenomford.class,
          AvvikelseRegistrerad.class);

  @Test
  void varjeUtgaendeHandelseHarEttSchemaMedPrecisDessFalt() throws Exception {
    for (Class<? extends Record> typ : UTGAENDE) {
      String namn =
          typ == AvvikelseRegistrerad.class
              ? "avvikelse.registrerad"
              : ((ArendeHandelse) exempel(typ)).typ();
      JsonNode schema = schema(namn + ".schema.json");
      assertThat(schema.path("$id").asText()).isEqualTo("urn:flerpart:schema:" + namn);
      Set<String> falt = new TreeSet<>();
      for (var komponent : typ.getRecordComponents()) {
        falt.add(komponent.getName());
        JsonNode egenskap = schema.path("properties").path(komponent.getName());
        assertThat(egenskap.isMissingNode()).as("%s.%s", namn, komponent.getName()).isFalse();
        assertThat(egenskap.path("type").asText())
            .as("%s.%s", namn, komponent.getName())
            .isEqualTo(jsonTyp(komponent.getType()));
      }
      assertThat(namn(schema.path("properties"))).as(namn).isEqualTo(falt);
      assertThat(falt).as(namn).containsAll(texter(schema.path("required")));
    }
  }

  private static String jsonTyp(Class<?> typ) {
    if (typ == boolean.class || typ == Boolean.class) {
      return "boolean";
    }
    if (typ == int.class || typ == Integer.class || typ == long.class) {
      return "integer";
    }
    if (List.class.isAssignableFrom(typ)) {
      return "array";
    }
    return "string";
  }

  /** An instance with every component at a default, to ask it its type name. */
  private static Object exempel(Class<? extends Record> typ) throws Exception {
    var komponenter = typ.getRecordComponents();
    Object[] varden = new Object[komponenter.length];
    Class<?>[] typer = new Class<?>[komponenter.length];
    for (int i = 0; i < komponenter.length; i++) {
      typer[i] = komponenter[i].getType();
      varden[i] = typer[i] == boolean.class ? false : typer[i] == int.class ? 0 : null;
    }
    return typ.getDeclaredConstructor(typer).newInstance(varden);
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
