package se.flerpart.sakerhet;

import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user logged in through the organisation's identity provider. Keeps the ID token, which the
 * logout hands back to the provider so that its session ends too.
 */
final class OidcInloggning extends Inloggning implements OidcUser {

  private final OidcIdToken idToken;
  private final OidcUserInfo userInfo;

  OidcInloggning(Anvandare anvandare, OidcIdToken idToken, OidcUserInfo userInfo) {
    super(anvandare, null);
    this.idToken = idToken;
    this.userInfo = userInfo;
  }

  @Override
  public Map<String, Object> getClaims() {
    return idToken.getClaims();
  }

  @Override
  public OidcUserInfo getUserInfo() {
    return userInfo;
  }

  @Override
  public OidcIdToken getIdToken() {
    return idToken;
  }

  @Override
  public Map<String, Object> getAttributes() {
    return getClaims();
  }

  @Override
  public String getName() {
    return anvandare().id();
  }
}
