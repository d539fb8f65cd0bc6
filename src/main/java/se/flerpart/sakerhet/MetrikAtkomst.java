package se.flerpart.sakerhet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read {@code /actuator/prometheus}: a Prometheus server sending the configured token
 * ({@code flerpart.metrik.token}) as its bearer token, or a logged-in administrator. The metrics
 * hold counts only, never personal data, but how many cases stand where is still the förbund's
 * business.
 */
final class MetrikAtkomst implements AuthorizationManager<RequestAuthorizationContext> {

  static final int MIN_LANGD = 32;

  private final byte[] token;

  MetrikAtkomst(String token) {
    if (token != null && !token.isBlank() && token.strip().length() < MIN_LANGD) {
      throw new IllegalStateException(
          "flerpart.metrik.token (FLERPART_METRIK_TOKEN) ska vara minst " + MIN_LANGD + " tecken.");
    }
    this.token =
        token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> autentisering, RequestAuthorizationContext kontext) {
    String rubrik = kontext.getRequest().getHeader("Authorization");
    if (token != null && rubrik != null && rubrik.startsWith("Bearer ")) {
      byte[] skickat =
          rubrik.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
      return new AuthorizationDecision(MessageDigest.isEqual(token, skickat));
    }
    Authentication a = autentisering.get();
    return new AuthorizationDecision(
        a != null
            && a.isAuthenticated()
            && a.getPrincipal() instanceof Inloggning in
            && in.anvandare().harRoll(Anvandare.ADMIN));
  }
}
