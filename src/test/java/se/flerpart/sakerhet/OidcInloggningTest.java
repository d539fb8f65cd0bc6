package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.flerpart.Sidklient;
import se.flerpart.TestIdentitetsleverantor;

/**
 * Login through a real OpenID Connect provider running in the test (the demo profile's users
 * matched by e-mail), bearer tokens for the API, and the security headers, CSRF rule and login
 * throttling that hold however one logs in.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class OidcInloggningTest {

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

  private final ObjectMapper json = new ObjectMapper();

  // --- the API with bearer tokens ---

  @Test
  void ettApiAnropMedBearerTokenArAnvandarensOchBehoverIngenCsrfToken() throws Exception {
    String token = idp.token(Map.of("email", "anna@fk.example"));
    assertThat(api("GET", "/api/uppgifter?vy=mina", token, null).statusCode()).isEqualTo(200);

    HttpResponse<String> ny =
        api(
            "POST",
            "/api/arenden",
            token,
            """
            {"personnummer": "19121212-1212", "insats": "flerpartssamverkan",
             "behov": ["FK", "AF"], "skal": "Behöver samordnat stöd."}
            """);
    assertThat(ny.statusCode()).as(ny.body()).isEqualTo(201);
    String id = json.readTree(ny.body()).path("id").asText();
    assertThat(
            jdbc.queryForObject(
                "select aktualiserad_av from arende where id = ?::uuid", String.class, id))
        .isEqualTo("anna");
  }

  @Test
  void enTokenForEnAnnanMottagareAvvisas() throws Exception {
    String token =
        idp.token(
            TestIdentitetsleverantor.UTFARDARE,
            List.of("ett-annat-system"),
            Map.of("email", "anna@fk.example"),
            3600);
    HttpResponse<String> svar = api("GET", "/api/uppgifter", token, null);
    assertThat(svar.statusCode()).isEqualTo(401);
    assertThat(svar.headers().firstValue("WWW-Authenticate")).get().asString().contains("Bearer");
    assertThat(meddelande(svar)).contains("annan mottagare");
  }

  @Test
  void enUtgangenTokenAvvisas() throws Exception {
    long nu = java.time.Instant.now().getEpochSecond();
    String token =
        idp.token(
            TestIdentitetsleverantor.UTFARDARE,
            List.of(TestIdentitetsleverantor.KLIENT),
            Map.of(
                "email", "anna@fk.example", "iat", nu - 7200, "nbf", nu - 7200, "exp", nu - 3600),
            3600);
    HttpResponse<String> svar = api("GET", "/api/uppgifter", token, null);
    assertThat(svar.statusCode()).isEqualTo(401);
    assertThat(meddelande(svar))
        .as(svar.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("gått ut");
  }

  @Test
  void enTokenFranEnAnnanUtfardareOchEnForfalskadAvvisas() throws Exception {
    String annan =
        idp.token(
            "en-annan-idp",
            List.of(TestIdentitetsleverantor.KLIENT),
            Map.of("email", "anna@fk.example"),
            3600);
    assertThat(api("GET", "/api/uppgifter", annan, null).statusCode()).isEqualTo(401);

    String token = idp.token(Map.of("email", "anna@fk.example"));
    String[] delar = token.split("\\.");
    String forfalskad = delar[0] + "." + delar[1] + "." + new StringBuilder(delar[2]).reverse();
    HttpResponse<String> svar = api("GET", "/api/uppgifter", forfalskad, null);
    assertThat(svar.statusCode()).isEqualTo(401);
    assertThat(meddelande(svar)).isEqualTo("Ogiltig token.");
  }

  @Test
  void enOkandAnvandaresTokenGer403OchSkaparIngetKonto() throws Exception {
    long fore = jdbc.queryForObject("select count(*) from anvandare", Long.class);
    HttpResponse<String> svar =
        api("GET", "/api/uppgifter", idp.token(Map.of("email", "okand@fk.example")), null);
    assertThat(svar.statusCode()).isEqualTo(403);
    assertThat(meddelande(svar)).contains("finns inte i Flerpart");
    assertThat(jdbc.queryForObject("select count(*) from anvandare", Long.class)).isEqualTo(fore);
  }

  @Test
  void enBearerTokenLoggarInteInPaSidorna() throws Exception {
    HttpResponse<String> svar =
        klient(HttpClient.Redirect.NEVER)
            .send(
                HttpRequest.newBuilder(url("/uppgifter"))
                    .header(
                        "Authorization", "Bearer " + idp.token(Map.of("email", "anna@fk.example")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    // Not logged in: sent to log in (or told to), never shown the page.
    assertThat(svar.statusCode()).isIn(302, 401);
    assertThat(svar.body()).doesNotContain("Anna Lind").doesNotContain("Logga ut");
  }

  // --- the pages through the provider ---

  @Test
  void inloggningGarViaIdentitetsleverantorenMedPkceOchUtloggningAvslutarDessSession()
      throws Exception {
    HttpClient webblasare = klient(HttpClient.Redirect.NEVER);
    HttpResponse<String> start =
        webblasare.send(
            HttpRequest.newBuilder(url("/oauth2/authorization/flerpart")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(start.statusCode()).isEqualTo(302);
    String authorize = start.headers().firstValue("Location").orElseThrow();
    assertThat(authorize)
        .startsWith(idp.issuer())
        .contains("code_challenge=")
        .contains("code_challenge_method=S256")
        .contains("client_id=flerpart");

    idp.nastaInloggning(Map.of("sub", "cecilia-idp", "email", "Cecilia@Uppsala.example"));
    HttpResponse<String> sida = TestIdentitetsleverantor.folj(webblasare, authorize);
    assertThat(sida.statusCode()).isEqualTo(200);
    assertThat(sida.uri().getPath()).isEqualTo("/uppgifter");
    assertThat(sida.body())
        .contains("Cecilia Berg (Uppsala kommun)")
        .doesNotContain("KOMMUN-UPPSALA")
        .contains("Logga ut");

    String csrf = csrf(sida.body());
    HttpResponse<String> ut =
        webblasare.send(
            HttpRequest.newBuilder(url("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ut.statusCode()).isEqualTo(302);
    String endSession = ut.headers().firstValue("Location").orElseThrow();
    assertThat(endSession)
        .as("RP-initierad utloggning hos identitetsleverantören")
        .startsWith(idp.issuer())
        .contains("id_token_hint=")
        .contains("post_logout_redirect_uri=http://localhost:" + port + "/login?utloggad");
    HttpResponse<String> efter =
        webblasare.send(
            HttpRequest.newBuilder(url("/uppgifter")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(efter.statusCode()).as("sessionen är slut").isEqualTo(302);
  }

  @Test
  void enOkandAnvandareFarEnSvenskSidaOchIngenSession() throws Exception {
    HttpClient webblasare = klient(HttpClient.Redirect.NEVER);
    idp.nastaInloggning(Map.of("sub", "okand-idp", "email", "okand@region.example"));
    HttpResponse<String> sida =
        TestIdentitetsleverantor.folj(webblasare, url("/oauth2/authorization/flerpart").toString());
    assertThat(sida.statusCode()).isEqualTo(403);
    assertThat(sida.body())
        .contains("Du har inget konto i Flerpart")
        .contains("okand@region.example")
        .contains("förbundets administratör");
    HttpResponse<String> efter =
        webblasare.send(
            HttpRequest.newBuilder(url("/uppgifter")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(efter.statusCode()).isEqualTo(302);
    assertThat(efter.headers().firstValue("Location")).get().asString().endsWith("/login");
  }

  @Test
  void inloggningssidanVisarBadeIdentitetsleverantorenOchDemoinloggningen() throws Exception {
    HttpResponse<String> sida =
        klient(HttpClient.Redirect.NEVER)
            .send(
                HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(sida.body())
        .contains("Logga in med din organisations konto")
        .contains("name=\"password\"");
  }

  // --- what holds however one logs in ---

  @Test
  void enHtmlSidaKraverCsrfTokenAvenMedAuthorizationHeader() throws Exception {
    long fore = jdbc.queryForObject("select count(*) from arende", Long.class);
    HttpResponse<String> svar =
        klient(HttpClient.Redirect.NEVER)
            .send(
                HttpRequest.newBuilder(url("/arenden"))
                    .header("Authorization", basic("anna", "demo"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "personnummer=191212121212&insats=flerpartssamverkan&skal=x"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(svar.statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from arende", Long.class)).isEqualTo(fore);
  }

  @Test
  void sidornaHarSakerhetshuvudenOchKakanArSameSiteLax() throws Exception {
    HttpResponse<String> sida =
        klient(HttpClient.Redirect.NEVER)
            .send(
                HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(sida.headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'self'")
        .contains("script-src 'self';")
        .contains("img-src 'self' data:")
        .contains("style-src 'self' 'unsafe-inline'");
    assertThat(sida.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(sida.headers().firstValue("Permissions-Policy"))
        .get()
        .asString()
        .contains("camera=()");
    assertThat(sida.headers().firstValue("Strict-Transport-Security"))
        .as("inte utan TLS")
        .isEmpty();
    assertThat(sida.headers().allValues("Set-Cookie"))
        .anySatisfy(
            k ->
                assertThat(k)
                    .startsWith("SESSION=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .doesNotContain("Secure"));

    HttpResponse<String> tls =
        klient(HttpClient.Redirect.NEVER)
            .send(
                HttpRequest.newBuilder(url("/login")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(tls.headers().firstValue("Strict-Transport-Security"))
        .get()
        .asString()
        .contains("max-age=31536000");
    assertThat(tls.headers().allValues("Set-Cookie"))
        .anySatisfy(
            k -> assertThat(k).startsWith("SESSION=").contains("Secure").contains("SameSite=Lax"));
  }

  @Test
  void efterFemFelaktigaLosenordSparrasAnvandarenAvenMedRattLosenord() throws Exception {
    HttpClient klient = klient(HttpClient.Redirect.NEVER);
    for (int i = 0; i < InloggningsSparr.PER_ANVANDARE; i++) {
      HttpResponse<String> fel =
          klient.send(
              HttpRequest.newBuilder(url("/api/uppgifter"))
                  .header("Authorization", basic("david", "fel" + i))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(fel.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> ratt =
        klient.send(
            HttpRequest.newBuilder(url("/api/uppgifter"))
                .header("Authorization", basic("david", "demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ratt.statusCode()).isEqualTo(429);
    assertThat(ratt.headers().firstValue("Retry-After")).isPresent();
    assertThat(meddelande(ratt)).contains("För många misslyckade inloggningar");

    // The login form is refused the same way, with the page saying why.
    String formular = "username=david&password=demo&_csrf=";
    HttpClient webblasare = klient(HttpClient.Redirect.NEVER);
    HttpResponse<String> login =
        webblasare.send(
            HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> post =
        webblasare.send(
            HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formular + enc(csrf(login.body()))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(302);
    assertThat(post.headers().firstValue("Location")).get().asString().contains("/login?sparrad=");
  }

  @Test
  void sessionenFoljerAnvandaradministrationenOchTarSlutNarAnvandarenInaktiveras()
      throws Exception {
    jdbc.update(
        "insert into anvandare (id, namn, epost, part, losenord) values"
            + " ('tillfallig', 'Tora Tillfällig', 'tora@fk.example', 'FK', '{noop}demo')");
    jdbc.update(
        "insert into anvandare_roll (anvandare_id, roll) values ('tillfallig', 'HANDLAGGARE')");
    Sidklient tora = Sidklient.inloggad(port, "tillfallig");
    assertThat(tora.get("/uppgifter").status()).isEqualTo(200);

    // A role given or taken by the administrator holds at once, without logging in again.
    assertThat(tora.get("/admin/kategorier").status()).isEqualTo(403);
    jdbc.update("insert into anvandare_roll (anvandare_id, roll) values ('tillfallig', 'ADMIN')");
    assertThat(tora.get("/admin/kategorier").status()).isEqualTo(200);
    jdbc.update("delete from anvandare_roll where anvandare_id = 'tillfallig' and roll = 'ADMIN'");
    assertThat(tora.get("/admin/kategorier").status()).isEqualTo(403);
    assertThat(tora.get("/uppgifter").status()).isEqualTo(200);

    jdbc.update("update anvandare set aktiv = false where id = 'tillfallig'");
    Sidklient.Sida efter = tora.get("/uppgifter");
    assertThat(efter.status()).isEqualTo(302);
    assertThat(efter.plats()).endsWith("/login?inaktiv");
    assertThat(tora.get("/uppgifter").status()).as("sessionen är borta").isIn(302, 401);
    assertThat(tora.get("/login?inaktiv").html()).contains("Ditt konto i Flerpart är inaktiverat");
  }

  // --- helpers ---

  private HttpResponse<String> api(String metod, String sokvag, String token, String kropp)
      throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url(sokvag))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (kropp != null) {
      req.header("Content-Type", "application/json");
    }
    req.method(
        metod,
        kropp == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(kropp));
    return klient(HttpClient.Redirect.NEVER)
        .send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient klient(HttpClient.Redirect redirect) {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(redirect)
        .build();
  }

  private String meddelande(HttpResponse<String> svar) throws IOException {
    JsonNode kropp = json.readTree(svar.body());
    return kropp.path("meddelande").asText();
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
      assertThat(m.find()).as("CSRF-token på sidan").isTrue();
    }
    return m.group(1);
  }

  private static String basic(String anvandare, String losenord) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((anvandare + ":" + losenord).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private URI url(String sokvag) {
    return URI.create("http://localhost:" + port + sokvag);
  }
}
