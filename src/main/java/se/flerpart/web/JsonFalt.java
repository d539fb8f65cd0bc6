package se.flerpart.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** The field a JSON mapping error points at, as the API's per-field errors name it. */
public final class JsonFalt {

  private JsonFalt() {}

  /** E.g. {@code skal} or {@code deltagare[1].epost}; empty when the error names no field. */
  public static String namn(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
