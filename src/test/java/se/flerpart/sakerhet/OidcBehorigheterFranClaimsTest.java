package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.flerpart.TestIdentitetsleverantor;

/**
 * With {@code flerpart.oidc.behorigheter=claims} the provider's groups give part and roles: the
 * user is created at the first login and follows the groups at every later one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flerpart.demo.arenden=false",
      "flerpart.oidc.anvandar-claim=sub",
      "flerpart.oidc.behorigheter=claims",
      "flerpart.oidc.grupp-claim=roles",
      "flerpart.oidc.parter.flerpart-af=AF",
      "flerpart.oidc.parter.flerpart-fk=FK",
      "flerpart.oidc.roller.flerpart-handlaggare=HANDLAGGARE",
      "flerpart.oidc.roller.flerpart-processledare=PROCESSLEDARE"
    })
class OidcBehorigheterFranClaimsTest {

  static final TestIdentitetsleverantor idp = new TestIdentitetsleverantor();

  @DynamicPropertySource
  static void oidc(DynamicPropertyRegistry registry) {
    idp.konfigurera(registry);
  }

  @AfterAll
  static void stoppa() {
    idp.stoppa();
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void gruppernaGerPartOchRollerOchAnvandarenFoljerDem() throws Exception {
    Map<String, Object> claims =
        Map.of(
            "sub", "e7f1c2a0-af-handl",
            "email", "ny.handlaggare@af.example",
            "name", "Nora Ny",
            "roles", List.of("flerpart-af", "flerpart-handlaggare", "en-annan-grupp"));
    assertThat(anrop(idp.token(claims))).isEqualTo(200);
    assertThat(
            jdbc.queryForMap(
                "select namn, epost, part from anvandare where id = ?", "e7f1c2a0-af-handl"))
        .containsEntry("namn", "Nora Ny")
        .containsEntry("epost", "ny.handlaggare@af.example")
        .containsEntry("part", "AF");
    assertThat(roller("e7f1c2a0-af-handl")).containsExactly("HANDLAGGARE");

    // Moved to FK as processledare at the provider: so in Flerpart at the next call.
    assertThat(
            anrop(
                idp.token(
                    Map.of(
                        "sub", "e7f1c2a0-af-handl",
                        "email", "ny.handlaggare@af.example",
                        "roles", List.of("flerpart-fk", "flerpart-processledare")))))
        .isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select part from anvandare where id = ?", String.class, "e7f1c2a0-af-handl"))
        .isEqualTo("FK");
    assertThat(roller("e7f1c2a0-af-handl")).containsExactly("PROCESSLEDARE");
  }

  @Test
  void utanPartEllerMedTvaParterSlippsIngenInOchIngetKontoSkapas() throws Exception {
    assertThat(
            anrop(
                idp.token(
                    Map.of(
                        "sub", "utan-part",
                        "email", "utan.part@af.example",
                        "roles", List.of("flerpart-handlaggare")))))
        .isEqualTo(403);
    assertThat(
            anrop(
                idp.token(
                    Map.of(
                        "sub", "tva-parter",
                        "email", "tva@af.example",
                        "roles", List.of("flerpart-af", "flerpart-fk", "flerpart-handlaggare")))))
        .isEqualTo(403);
    assertThat(
            anrop(
                idp.token(
                    Map.of(
                        "sub",
                        "utan-roll",
                        "email",
                        "utan.roll@af.example",
                        "roles",
                        "flerpart-af"))))
        .isEqualTo(403);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from anvandare where id in ('utan-part', 'tva-parter', 'utan-roll')",
                Long.class))
        .isZero();
  }

  @Test
  void enInaktiveradAnvandareForblirUtestangd() throws Exception {
    Map<String, Object> claims =
        Map.of(
            "sub", "inaktiv-af",
            "email", "inaktiv@af.example",
            "roles", List.of("flerpart-af", "flerpart-handlaggare"));
    assertThat(anrop(idp.token(claims))).isEqualTo(200);
    jdbc.update("update anvandare set aktiv = false where id = 'inaktiv-af'");
    assertThat(anrop(idp.token(claims))).isEqualTo(403);
    assertThat(
            jdbc.queryForObject(
                "select aktiv from anvandare where id = 'inaktiv-af'", Boolean.class))
        .isFalse();
  }

  private int anrop(String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/uppgifter"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private List<String> roller(String id) {
    return jdbc.queryForList(
        "select roll from anvandare_roll where anvandare_id = ?", String.class, id);
  }
}
