package se.flerpart.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every text the application's ObjectMapper reads (API bodies, task forms, Kafka messages) is
 * refused when it holds a control character: see {@link OtillatetTecken}.
 */
@Configuration(proxyBeanMethods = false)
class TextKontroll {

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
            if (OtillatetTecken.finnsI(text)) {
              throw new OtillatetTecken(parser);
            }
            return text;
          }
        });
    return modul;
  }
}
