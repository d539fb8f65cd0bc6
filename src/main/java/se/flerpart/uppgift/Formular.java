package se.flerpart.uppgift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A Camunda Form (form-js JSON) from {@code forms/}. */
public record Formular(String id, JsonNode schema) {

  static final List<String> INDATA =
      List.of(
          "textfield",
          "textarea",
          "number",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "taglist",
          "datetime");

  /** The input fields, groups flattened. */
  public List<JsonNode> falt() {
    List<JsonNode> falt = new ArrayList<>();
    samla(schema.path("components"), falt);
    return falt;
  }

  private static void samla(JsonNode komponenter, List<JsonNode> falt) {
    for (JsonNode k : komponenter) {
      String typ = k.path("type").asText();
      if (INDATA.contains(typ) && k.hasNonNull("key")) {
        falt.add(k);
      } else if (k.has("components") && !"dynamiclist".equals(typ)) {
        samla(k.path("components"), falt);
      }
    }
  }
}
