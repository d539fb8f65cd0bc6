package se.flerpart.sakerhet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Flerpart's one client at the identity provider, read from the provider's discovery document the
 * first time someone logs in, so that Flerpart starts even while the provider is still starting (an
 * unreachable provider is tried again at the next login).
 */
final class UpptacktKlient implements ClientRegistrationRepository {

  static final String ID = "flerpart";

  private static final Logger log = LoggerFactory.getLogger(UpptacktKlient.class);

  private final OidcInstallningar installningar;
  private volatile ClientRegistration registrering;

  UpptacktKlient(OidcInstallningar installningar) {
    this.installningar = installningar;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration r = registrering;
    if (r == null) {
      synchronized (this) {
        if (registrering == null) {
          registrering = upptack();
        }
        r = registrering;
      }
    }
    return r;
  }

  private ClientRegistration upptack() {
    try {
      ClientRegistration.Builder builder =
          ClientRegistrations.fromIssuerLocation(installningar.issuer())
              .registrationId(ID)
              .clientId(installningar.clientId())
              .scope("openid", "profile", "email")
              .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
      if (installningar.clientSecret() == null) {
        builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
      } else {
        builder.clientSecret(installningar.clientSecret());
      }
      return builder.build();
    } catch (RuntimeException e) {
      log.warn(
          "Identitetsleverantören {} svarar inte på discovery: {}",
          installningar.issuer(),
          e.getMessage());
      throw new IdentitetsleverantorNere(e);
    }
  }

  /** The provider could not be reached; the login page says so. */
  static final class IdentitetsleverantorNere extends RuntimeException {
    IdentitetsleverantorNere(Throwable orsak) {
      super("Identitetsleverantören kunde inte nås.", orsak);
    }
  }
}
