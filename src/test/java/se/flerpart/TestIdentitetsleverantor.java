package se.flerpart;

import com.nimbusds.jose.JOSEObjectType;
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

  public void stoppa() {
    server.shutdown();
  }
}
