package se.flerpart.sakerhet;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login through the organisation's identity provider, under {@code flerpart.oidc}. Azure AD/Entra
 * ID, Keycloak, Inera's IdP and others differ only in these values.
 *
 * @param issuer the issuer URI (FLERPART_OIDC_ISSUER); discovery at {@code
 *     /.well-known/openid-configuration} gives the rest. Empty: no OIDC login.
 * @param clientId Flerpart's client at the provider (FLERPART_OIDC_CLIENT_ID)
 * @param clientSecret its secret (FLERPART_OIDC_CLIENT_SECRET); empty for a public client, which
 *     then relies on PKCE alone
 * @param audience the {@code aud} an API bearer token must carry (FLERPART_OIDC_AUDIENCE), by
 *     default the client id
 * @param anvandarClaim the claim that identifies the Flerpart user: {@code email} (the default) is
 *     matched against the users' e-mail addresses, any other claim (e.g. {@code sub}) against their
 *     user id
 * @param behorigheter where part and roles come from: {@code flerpart} (the default: Flerpart's own
 *     user administration) or {@code claims} (the mapping below; the user is then created or
 *     updated at each login)
 * @param gruppClaim with {@code claims}: the claim holding the user's groups or roles (a list or a
 *     single string)
 * @param parter with {@code claims}: a group value → the code of the part it means
 * @param roller with {@code claims}: a group value → the Flerpart role it gives
 * @param kontakt whom a user the login does not know should ask, as the page says it
 */
@ConfigurationProperties("flerpart.oidc")
public record OidcInstallningar(
    String issuer,
    String clientId,
    String clientSecret,
    String audience,
    String anvandarClaim,
    Behorigheter behorigheter,
    String gruppClaim,
    Map<String, String> parter,
    Map<String, String> roller,
    String kontakt) {

  /** Where part and roles come from. */
  public enum Behorigheter {
    FLERPART,
    CLAIMS
  }

  public OidcInstallningar {
    issuer = tom(issuer) ? null : issuer.strip();
    clientId = tom(clientId) ? null : clientId.strip();
    clientSecret = tom(clientSecret) ? null : clientSecret.strip();
    audience = tom(audience) ? clientId : audience.strip();
    anvandarClaim = tom(anvandarClaim) ? "email" : anvandarClaim.strip();
    behorigheter = behorigheter == null ? Behorigheter.FLERPART : behorigheter;
    gruppClaim = tom(gruppClaim) ? "groups" : gruppClaim.strip();
    parter = parter == null ? Map.of() : Map.copyOf(parter);
    roller = roller == null ? Map.of() : Map.copyOf(roller);
    kontakt = tom(kontakt) ? "förbundets administratör" : kontakt.strip();
  }

  public boolean aktiv() {
    return issuer != null;
  }

  boolean matcharEpost() {
    return "email".equals(anvandarClaim);
  }

  private static boolean tom(String s) {
    return s == null || s.isBlank();
  }
}
