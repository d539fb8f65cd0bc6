package se.flerpart.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.AbstractKotlinSerializationHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every JSON body, in and out, is read and written by Jackson. Spring MVC also puts a Kotlin
 * serialization converter ahead of it whenever {@code kotlinx-serialization-json} is on the class
 * path, and that converter, asked whether it can write an answer of a Java type, looks for a
 * serializer by throwing and catching a {@code NoSuchFieldException}: about two exceptions with
 * deep stacks per request. Flerpart has no Kotlin types, so the converter is left out. The packaged
 * application has no such library; the tests have it (the OIDC test server brings it), and the
 * in-process benchmarks ran with it: 10 275 exceptions in the task-list benchmark's 5 300 requests.
 */
@Configuration(proxyBeanMethods = false)
class JsonMedJackson implements WebMvcConfigurer {

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(AbstractKotlinSerializationHttpMessageConverter.class::isInstance);
  }
}
