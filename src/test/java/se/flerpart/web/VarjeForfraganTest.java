package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.converter.AbstractKotlinSerializationHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * What every request costs besides its own work: no JSON converter that throws its way through each
 * answer, and no event after each request that nobody listens to.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class VarjeForfraganTest {

  @LocalServerPort int port;
  @Autowired RequestMappingHandlerAdapter mvc;
  @Autowired ConfigurableApplicationContext context;
  @Autowired ApplicationEventMulticaster handelser;

  @Test
  void jsonGarGenomJacksonFastKotlinSerialiseringFinnsPaKlassvagen() throws Exception {
    assertThat(Class.forName("kotlinx.serialization.json.Json"))
        .as("testernas klassväg har Kotlin-serialisering, annars prövar testet ingenting")
        .isNotNull();

    assertThat(mvc.getMessageConverters())
        .noneMatch(AbstractKotlinSerializationHttpMessageConverter.class::isInstance)
        .anyMatch(MappingJackson2HttpMessageConverter.class::isInstance);
  }

  @Test
  void ingenHandelseEfterVarjeForfragan() throws Exception {
    List<ServletRequestHandledEvent> publicerade = new CopyOnWriteArrayList<>();
    ApplicationListener<ServletRequestHandledEvent> lyssnare = publicerade::add;
    context.addApplicationListener(lyssnare);
    try {
      HttpResponse<String> svar =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(svar.statusCode()).isEqualTo(200);
      assertThat(publicerade).isEmpty();
    } finally {
      handelser.removeApplicationListener(lyssnare);
    }
  }
}
