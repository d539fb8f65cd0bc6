package se.flerpart.uppgift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The forms of {@code forms/}, by id (= the user task's element id). */
@Component
public class FormularRegister {

  private final Map<String, Formular> formular = new HashMap<>();

  public FormularRegister(ObjectMapper json) throws IOException {
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = r.getInputStream()) {
        JsonNode schema = json.readTree(in);
        String id = schema.path("id").asText();
        formular.put(id, new Formular(id, schema));
      } catch (IOException e) {
        throw new UncheckedIOException("Kunde inte läsa formuläret " + r.getFilename(), e);
      }
    }
  }

  public Optional<Formular> hitta(String id) {
    return Optional.ofNullable(formular.get(id));
  }
}
