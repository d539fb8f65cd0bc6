package se.flerpart.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A text with a control character that no one types (NUL and the like) is refused where it enters:
 * PostgreSQL cannot store NUL, and the others only hide text. Line breaks and tabs are allowed.
 * JSON bodies and Kafka messages are checked by the Jackson module below, form posts by {@link
 * OtillatetTeckenFilter}.
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

  @Configuration(proxyBeanMethods = false)
  static class JsonKontroll {

    /** Spring Boot adds every Jackson module bean to the application's ObjectMapper. */
    @Bean
    Module textUtanKontrolltecken() {
      SimpleModule modul = new SimpleModule("flerpart-text-utan-kontrolltecken");
      modul.addDeserializer(
          String.class,
          new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext ctxt)
                throws IOException {
              String text = StringDeserializer.instance.deserialize(parser, ctxt);
              if (finnsI(text)) {
                throw new OtillatetTecken(parser);
              }
              return text;
            }
          });
      return modul;
    }
  }
}
