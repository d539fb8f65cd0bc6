package se.flerpart;

import com.nimbusds.jose.JOSEObjectType;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider in the test's process (discovery, authorization code with PKCE,
 * tokens signed with its own keys, userinfo, end session), with Flerpart registered as the client
 * {@value #KLIENT}.
 */
public final class TestIdentitetsleverantor {

  public static final String UTFARDARE = "flerpart-idp";
  public static final String KLIENT = "flerpart";

  private final MockOAuth2Server server = new MockOAuth2Server();

  public TestIdentitetsleverantor() {
    server.start();
  }

  /** Points Flerpart at this provider. */
  public void konfigurera(DynamicPropertyRegistry registry) {
    registry.add("flerpart.oidc.issuer", this::issuer);
    registry.add("flerpart.oidc.client-id", () -> KLIENT);
    registry.add("flerpart.oidc.client-secret", () -> "testhemlighet");
  }

  public String issuer() {
    return server.issuerUrl(UTFARDARE).toString();
  }

  /** The next browser login through the provider is this person. */
  public void nastaInloggning(Map<String, Object> claims) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            UTFARDARE,
            String.valueOf(claims.getOrDefault("sub", "person-" + claims.hashCode())),
            JOSEObjectType.JWT.getType(),
            null,
            claims,
            3600));
  }

  /** An access token for Flerpart's API. */
  public String token(Map<String, Object> claims) {
    return token(UTFARDARE, List.of(KLIENT), claims, 3600);
  }

  /**
   * A token from the given issuer (on this server) for the given audiences, valid for {@code
   * sekunder} (negative: already expired).
   */
  public String token(
      String utfardare, List<String> mottagare, Map<String, Object> claims, long sekunder) {
    return server
        .issueToken(
            utfardare,
            "api-klient",
            new DefaultOAuth2TokenCallback(
                utfardare,
                String.valueOf(claims.getOrDefault("sub", "api-person")),
                JOSEObjectType.JWT.getType(),
                mottagare,
                claims,
                sekunder))
        .serialize();
  }

  /** A client that keeps cookies and follows no redirects by itself, like a browser's first hop. */
  public static HttpClient webblasare() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Follows redirects as a browser does, across Flerpart and the provider, and returns the first
   * answer that is not a redirect.
   */
  public static HttpResponse<String> folj(HttpClient webblasare, String start)
      throws IOException, InterruptedException {
    URI uri = URI.create(start);
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> svar =
          webblasare.send(
              HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
              HttpResponse.BodyHandlers.ofString());
      if (svar.statusCode() / 100 != 3) {
        return svar;
      }
      uri = uri.resolve(svar.headers().firstValue("Location").orElseThrow());
    }
    throw new AssertionError("För många omdirigeringar från " + start);
  }

  /** Logs the person in to Flerpart at {@code bas} through this provider, in {@code webblasare}. */
  public HttpResponse<String> loggaIn(HttpClient webblasare, String bas, Map<String, Object> claims)
      throws IOException, InterruptedException {
    nastaInloggning(claims);
    return folj(webblasare, bas + "/oauth2/authorization/flerpart");
  }

  public void stoppa() {
    server.shutdown();
  }
}
