package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.flerpart.TestIdentitetsleverantor;

/**
 * Flerpart as an installation runs it, outside the demo profile: no demo users, no passwords, only
 * the identity provider; the first administrator from the configuration gets in.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flerpart.kryptering.nyckel=ZWdlbi1ueWNrZWwtZm9yLWV0dC1mb3JidW5kLTMyYnk=",
      "flerpart.kallelse.token-nyckel=ZWdlbi1zdmFyc2xhbmtzbnlja2VsLWZvci1ldHQtZm9yYnVuZA==",
      "flerpart.forsta-administrator=IT@Forbundet.example"
    })
@ActiveProfiles("drift")
class DriftprofilTest {

  static final TestIdentitetsleverantor idp = new TestIdentitetsleverantor();

  // The start check runs before the test's dynamic properties exist, and must see the provider.
  static {
    System.setProperty("flerpart.oidc.issuer", idp.issuer());
    System.setProperty("flerpart.oidc.client-id", TestIdentitetsleverantor.KLIENT);
  }

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    idp.konfigurera(registry);
  }

  @AfterAll
  static void stoppa() {
    System.clearProperty("flerpart.oidc.issuer");
    System.clearProperty("flerpart.oidc.client-id");
    idp.stoppa();
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void ingaDemoanvandareBaraDenForstaAdministratorenOchForbundetsPart() {
    assertThat(jdbc.queryForList("select id from anvandare", String.class))
        .containsExactly("it@forbundet.example");
    assertThat(jdbc.queryForList("select roll from anvandare_roll", String.class))
        .containsExactly("ADMIN");
    assertThat(jdbc.queryForList("select kod from part", String.class)).containsExactly("FORBUND");
    assertThat(jdbc.queryForObject("select count(*) from arende", Long.class)).isZero();
  }

  @Test
  void ingenLosenordsinloggningVarkenFormularEllerBasic() throws Exception {
    jdbc.update(
        "update anvandare set losenord = ? where id = 'it@forbundet.example'", "{noop}hemligt");
    HttpClient klient = TestIdentitetsleverantor.webblasare();
    HttpResponse<String> basic =
        klient.send(
            HttpRequest.newBuilder(url("/api/uppgifter"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                "it@forbundet.example:hemligt".getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(401);

    HttpResponse<String> sida =
        klient.send(
            HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sida.body())
        .contains("Logga in med din organisations konto")
        .doesNotContain("name=\"password\"")
        .doesNotContain("demo");
    HttpResponse<String> formular =
        klient.send(
            HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=it%40forbundet.example&password=hemligt"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(formular.statusCode())
        .as("ingen formulärinloggning tar emot lösenordet")
        .isNotIn(200, 302);
    jdbc.update("update anvandare set losenord = null where id = 'it@forbundet.example'");
  }

  @Test
  void denForstaAdministratornLoggarInViaIdentitetsleverantoren() throws Exception {
    HttpClient webblasare = TestIdentitetsleverantor.webblasare();
    HttpResponse<String> sida =
        idp.loggaIn(
            webblasare,
            "http://localhost:" + port,
            Map.of("sub", "it-admin", "email", "it@forbundet.example"));
    assertThat(sida.statusCode()).isEqualTo(200);
    assertThat(sida.body()).contains("Logga ut");
    HttpResponse<String> admin =
        webblasare.send(
            HttpRequest.newBuilder(url("/admin/kategorier")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(admin.statusCode()).isEqualTo(200);
  }

  private URI url(String sokvag) {
    return URI.create("http://localhost:" + port + sokvag);
  }
}
