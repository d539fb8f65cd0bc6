package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsProperties;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.flerpart.ApiKlient;

/**
 * {@code /actuator/prometheus} for the IT department's Prometheus: read with the configured token
 * or by an administrator, nobody else; Flerpart's own figures (cases per step, the task list, the
 * outbox and event backlogs, engine and mail errors) are there, and no personal data.
 */
// Spring Boot's tests leave the metrics registries out unless asked for.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"flerpart.demo.arenden=false", "flerpart.metrik.token=" + MetrikTest.TOKEN})
class MetrikTest {

  static final String TOKEN = "prometheus-skrapar-flerpart-0123456789";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private record Svar(int status, String text) {}

  private Svar hamta(String authorization) {
    var spec =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .build()
            .get()
            .uri("/actuator/prometheus");
    if (authorization != null) {
      spec = spec.header("Authorization", authorization);
    }
    return spec.exchange(
        (req, res) ->
            new Svar(
                res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
  }

  private static String basic(String anvandare) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static double varde(String text, String serie) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(serie) + " ([0-9.E+-]+)$").matcher(text);
    assertThat(m.find())
        .as(
            "serien %s finns bland %s",
            serie, text.lines().filter(l -> l.startsWith("flerpart_")).toList())
        .isTrue();
    return Double.parseDouble(m.group(1));
  }

  /**
   * Each address pattern Flerpart answers can keep its own series of {@code http.server.requests}:
   * Micrometer drops every {@code uri} beyond the limit, and Flerpart has more patterns than Spring
   * Boot's default of 100.
   */
  @Test
  void varjeAdressFarSinEgenSerie(
      @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc,
      @Autowired MetricsProperties metrik) {
    long monster =
        mvc.getHandlerMethods().keySet().stream()
            .flatMap(info -> info.getPatternValues().stream())
            .distinct()
            .count();
    assertThat(monster).isGreaterThan(100);
    // Room for the answers that match no pattern (NOT_FOUND, REDIRECTION, root, UNKNOWN).
    assertThat(metrik.getWeb().getServer().getMaxUriTags()).isGreaterThan((int) monster + 10);
  }

  @Test
  void baraTokenetOchAdministratorenLaserMetriken() {
    assertThat(hamta(null).status()).isIn(302, 401);
    assertThat(hamta(basic("anna")).status()).isEqualTo(403);
    assertThat(hamta(basic("petra")).status()).isEqualTo(403);
    assertThat(hamta("Bearer " + TOKEN + "x").status()).isEqualTo(401);
    assertThat(hamta("Bearer fel").status()).isEqualTo(401);

    Svar admin = hamta(basic("admin"));
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.text()).contains("flerpart_uppgifter_oppna");
  }

  @Test
  void sakerhetsfiltrenObserverasInteVarForSig() {
    assertThat(hamta(basic("anna")).status()).isEqualTo(403);
    String metrik = hamta(basic("admin")).text();
    assertThat(metrik).contains("http_server_requests_seconds_count");
    assertThat(metrik).doesNotContain("spring_security_filterchains");
    assertThat(metrik).doesNotContain("spring_security_authorizations");
  }

  @Test
  void flerpartsEgnaSiffrorUtanPersonuppgifter() {
    ApiKlient api = new ApiKlient(port);
    String id =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Metrikskäl: Gunnel Prometheusdotter behöver stöd",
                "behov", List.of("FK", "AF"),
                "namn", "Gunnel Prometheusdotter"));
    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");

    String serie = "flerpart_arenden_steg{process=\"arende\",steg=\"inhamta-samtycke\"}";
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              long iDatabasen =
                  jdbc.sql(
                          "select count(*) from uppgift u join arende a on a.id = u.arende_id"
                              + " where u.element_id = 'inhamta-samtycke'"
                              + " and u.status in ('OPPEN', 'INSKICKAD') and a.avslutad is null")
                      .query(Long.class)
                      .single();
              assertThat(iDatabasen).isPositive();
              assertThat(varde(hamta("Bearer " + TOKEN).text(), serie)).isEqualTo(iDatabasen);
            });

    Svar svar = hamta("Bearer " + TOKEN);
    assertThat(svar.status()).isEqualTo(200);
    String text = svar.text();
    long oppna =
        jdbc.sql("select count(*) from uppgift where status = 'OPPEN'").query(Long.class).single();
    assertThat(varde(text, "flerpart_uppgifter_oppna")).isEqualTo(oppna);
    for (String s :
        List.of(
            "flerpart_uppgifter_vantar_pa_motorn",
            "flerpart_uppgifter_vantande_fragor",
            "flerpart_uppgifter_vanta_omlasningar_total",
            "flerpart_uppgifter_vanta_avslutade_total",
            "flerpart_mail_ej_skickade",
            "flerpart_mail_misslyckade",
            "flerpart_handelser_ej_utgivna",
            "flerpart_motor_fel_total",
            "flerpart_uppgifter_saknade_i_motorn_total",
            "flerpart_uppgifter_skickade_igen_total",
            "flerpart_uppgifter_nycklar_igen_total",
            "flerpart_uppgifter_utan_jobb_total",
            "flerpart_mail_fel_total",
            "flerpart_arenden_steg{process=\"flerpartsmote\",steg=\"samla-in-svar\"}",
            "flerpart_arenden_steg{process=\"uppfoljning\",steg=\"vantar-pa-uppfoljningsdag\"}")) {
      assertThat(varde(text, s)).as(s).isGreaterThanOrEqualTo(0);
    }
    assertThat(varde(text, "flerpart_uppgifter_notify_ansluten")).isEqualTo(1);
    assertThat(text)
        .doesNotContain("19121212")
        .doesNotContain("Gunnel")
        .doesNotContain("Prometheusdotter")
        .doesNotContain("Metrikskäl");
  }
}
