package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.spring.annotation.processor.DeploymentAnnotationProcessor;
import io.camunda.client.spring.annotation.processor.JobWorkerAnnotationProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Starts Flerpart through {@link FlerpartApplication#main} with no configuration besides a port, as
 * the README's run command does: the embedded engine, database and SMTP server, the demo users and
 * the demo cases. A {@link SpringApplication#withHook hook} catches the running application so that
 * the test can stop it again; nothing is added to the main code for the test's sake.
 */
class FlerpartApplicationStartTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static ConfigurableApplicationContext applikation;
  private static String bas;

  @BeforeAll
  static void startaSomMain() {
    int port = ledigPort();
    bas = "http://localhost:" + port;
    AtomicReference<ConfigurableApplicationContext> startad = new AtomicReference<>();
    AtomicReference<Duration> startTid = new AtomicReference<>();
    long fore = System.nanoTime();
    SpringApplication.withHook(
        application ->
            new SpringApplicationRunListener() {
              @Override
              public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
                startad.set(context);
                startTid.set(timeTaken);
              }

              @Override
              public void failed(ConfigurableApplicationContext context, Throwable exception) {
                startad.set(context);
              }
            },
        () ->
            FlerpartApplication.main(
                new String[] {"--server.port=" + port, "--flerpart.demo.arenden=true"}));
    Duration mainTid = Duration.ofNanos(System.nanoTime() - fore);
    applikation = startad.get();
    assertThat(applikation).as("main startade applikationen").isNotNull();
    assertThat(applikation.isActive()).isTrue();
    System.out.printf(
        "Flerpart startade via main på %.1f s (Spring: %.1f s till redo, med demoärenden)%n",
        mainTid.toMillis() / 1000.0,
        startTid.get() == null ? Double.NaN : startTid.get().toMillis() / 1000.0);
  }

  @AfterAll
  static void stoppa() {
    if (applikation != null) {
      long fore = System.nanoTime();
      applikation.close();
      System.out.printf(
          "Flerpart stoppades på %.1f s%n", (System.nanoTime() - fore) / 1_000_000_000.0);
    }
  }

  @Test
  void klientensDeploymentProcessorArAvstangdOchJobbarbetarnaIgang() {
    // Flerpart deploys processes/ itself; the client's @Deployment processor only cost start time.
    assertThat(applikation.getBeanNamesForType(DeploymentAnnotationProcessor.class)).isEmpty();
    assertThat(applikation.getBeanNamesForType(JobWorkerAnnotationProcessor.class)).hasSize(1);
  }

  @Test
  void halsanArUppUtanInloggning() throws Exception {
    HttpResponse<String> svar = hamta("/actuator/health", null);
    assertThat(svar.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(svar.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void inloggningssidanVisarDemolaget() throws Exception {
    HttpResponse<String> svar = hamta("/login", null);
    assertThat(svar.statusCode()).isEqualTo(200);
    assertThat(svar.body()).contains("Logga in").contains("processernas tillstånd i minnet");
  }

  @Test
  void demoarendenasAterkopplingSkickasMedMail() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              HttpResponse<String> svar = hamta("/api/dev/mail", "admin");
              assertThat(svar.statusCode()).isEqualTo(200);
              JsonNode mail = JSON.readTree(svar.body());
              assertThat(mail.isArray()).isTrue();
              List<String> amnen = new ArrayList<>();
              mail.forEach(m -> amnen.add(m.path("amne").asText() + " → " + m.path("till")));
              // Demo case without consent: återkoppling to the referrer, anna.
              assertThat(amnen)
                  .anySatisfy(
                      a ->
                          assertThat(a)
                              .startsWith("Återkoppling på ärende")
                              .contains("samtycke saknas")
                              .contains("anna@fk.example"));
              // Demo case beredd with Ja: återkoppling to the referrer, david.
              assertThat(amnen)
                  .anySatisfy(
                      a ->
                          assertThat(a)
                              .startsWith("Återkoppling på ärende")
                              .contains("beslut i beredning")
                              .contains("david@region.example"));
            });
  }

  @Test
  void bengtSerBeredningIGruppensUppgifter() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              HttpResponse<String> svar = hamta("/api/uppgifter?vy=grupp", "bengt");
              assertThat(svar.statusCode()).isEqualTo(200);
              List<String> elementIds = new ArrayList<>();
              JSON.readTree(svar.body()).forEach(u -> elementIds.add(u.path("elementId").asText()));
              assertThat(elementIds).contains("bered-arende");
            });
  }

  @Test
  void openApiBeskriverArendeApiet() throws Exception {
    HttpResponse<String> svar = hamta("/v3/api-docs", null);
    assertThat(svar.statusCode()).isEqualTo(200);
    JsonNode api = JSON.readTree(svar.body());
    assertThat(api.path("openapi").asText()).startsWith("3.");
    assertThat(api.path("paths").has("/api/arenden")).as("paths: %s", api.path("paths")).isTrue();
  }

  @Test
  void apiDokumentationenLaddarSittGranssnittOchSinaFiler() throws Exception {
    HttpResponse<String> sida = hamta("/swagger-ui/index.html", null);
    assertThat(sida.statusCode()).isEqualTo(200);
    assertThat(sida.body()).contains("swagger-ui-bundle.js");
    HttpResponse<String> skript = hamta("/swagger-ui/swagger-ui-bundle.js", null);
    assertThat(skript.statusCode()).isEqualTo(200);
    assertThat(skript.body()).hasSizeGreaterThan(100_000);
    assertThat(hamta("/swagger-ui/swagger-initializer.js", null).body()).contains("/v3/api-docs");
  }

  @Test
  void sidornasLankarSlasInteUppSomResurserPaKlassvagen() {
    // The resource chain (turned on by the API documentation's webjar) encodes every link of a
    // page through a class-path lookup; no page needs it, and it took half of a page's time.
    List<String> filter = new ArrayList<>();
    for (FilterRegistrationBean<?> r :
        applikation.getBeansOfType(FilterRegistrationBean.class).values()) {
      filter.add(r.getFilter().getClass().getName());
    }
    assertThat(filter).isNotEmpty().doesNotContain(ResourceUrlEncodingFilter.class.getName());
    assertThat(applikation.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
  }

  @Test
  void sidornaRitasSomIDriftUtanTestvagensFreeMarker() {
    // The in-process OIDC server of the tests brings FreeMarker, which the packaged application
    // does not have: its view resolver would take part in every page the tests and the benchmark
    // render.
    assertThat(applikation.getBeansOfType(ViewResolver.class).values())
        .extracting(r -> r.getClass().getName())
        .isNotEmpty()
        .noneMatch(namn -> namn.toLowerCase(java.util.Locale.ROOT).contains("freemarker"));
  }

  private static HttpResponse<String> hamta(String sokvag, String anvandare)
      throws IOException, InterruptedException {
    HttpRequest.Builder fraga =
        HttpRequest.newBuilder(URI.create(bas + sokvag))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "*/*");
    if (anvandare != null) {
      String inloggning = anvandare + ":demo";
      fraga.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(inloggning.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(fraga.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int ledigPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
