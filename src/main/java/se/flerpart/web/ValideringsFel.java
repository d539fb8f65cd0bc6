package se.flerpart.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bad input: per field, a Swedish message. Thrown before anything is changed. */
public class ValideringsFel extends RuntimeException {

  private final Map<String, String> fel;

  public ValideringsFel(Map<String, String> fel) {
    super("Uppgifterna är inte giltiga: " + fel);
    this.fel = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fel));
  }

  public ValideringsFel(String falt, String meddelande) {
    this(Map.of(falt, meddelande));
  }

  public Map<String, String> fel() {
    return fel;
  }
}
