package se.flerpart.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A text with a control character that no one types (NUL and the like) is refused where it enters:
 * PostgreSQL cannot store NUL, and the others only hide text. Line breaks and tabs are allowed.
 * JSON bodies and Kafka messages are checked by {@link TextKontroll}, form posts and query
 * parameters by {@link OtillatetTeckenFilter}.
 */
public class OtillatetTecken extends JsonMappingException {

  public static final String MEDDELANDE = "Texten innehåller ett otillåtet tecken";

  OtillatetTecken(JsonParser parser) {
    super(parser, MEDDELANDE);
  }

  /** True when the text holds a control character other than line break, carriage return, tab. */
  public static boolean finnsI(String text) {
    if (text == null) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
