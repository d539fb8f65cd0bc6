package se.flerpart.sakerhet;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile Flerpart refuses to start with a missing secret or with the demo
 * profile's public one: anyone could then read the stored personnummer or forge an answer link.
 * Runs once the configuration is read and before anything starts (no embedded database, no engine),
 * and reports every missing setting at once, by the variable that sets it.
 */
public class Startkontroll implements EnvironmentPostProcessor, Ordered {

  /** The demo profile's keys (application.yaml): public, so never accepted outside it. */
  static final String DEMO_KRYPTERINGSNYCKEL = "ZGVtby1ueWNrZWwtZmxlcnBhcnQtZWotZm9yLXByb2Q=";

  static final String DEMO_SVARSLANKSNYCKEL =
      "ZGVtby1zdmFyc2xhbmthci1mbGVycGFydC1lai1mb3ItcHJvZHVrdGlvbg==";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (env.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    List<String> brister = brister(env);
    if (!brister.isEmpty()) {
      throw new OsakerStart(brister);
    }
  }

  static List<String> brister(ConfigurableEnvironment env) {
    List<String> brister = new ArrayList<>();
    nyckel(
        env,
        "flerpart.kryptering.nyckel",
        DEMO_KRYPTERINGSNYCKEL,
        "FLERPART_KRYPTERING_NYCKEL: en egen AES-256-nyckel (32 byte, base64) som krypterar"
            + " personnummer, t.ex. från openssl rand -base64 32",
        brister);
    nyckel(
        env,
        "flerpart.kallelse.token-nyckel",
        DEMO_SVARSLANKSNYCKEL,
        "FLERPART_KALLELSE_TOKEN_NYCKEL: en egen nyckel (minst 32 byte, base64) som signerar de"
            + " kallades svarslänkar",
        brister);
    // Outside the demo there is no password login: without an identity provider nobody could
    // log in.
    if (tom(env.getProperty("flerpart.oidc.issuer"))) {
      brister.add(
          "FLERPART_OIDC_ISSUER: identitetsleverantörens issuer-URI (t.ex."
              + " https://login.microsoftonline.com/<tenant>/v2.0), utan den kan ingen logga in"
              + " (saknas)");
    }
    if (tom(env.getProperty("flerpart.oidc.client-id"))) {
      brister.add(
          "FLERPART_OIDC_CLIENT_ID: Flerparts klient-id hos identitetsleverantören (saknas)");
    }
    return brister;
  }

  private static boolean tom(String varde) {
    return varde == null || varde.isBlank();
  }

  private static void nyckel(
      ConfigurableEnvironment env,
      String egenskap,
      String demovarde,
      String beskrivning,
      List<String> brister) {
    String varde = env.getProperty(egenskap);
    if (tom(varde)) {
      brister.add(beskrivning + " (saknas)");
    } else if (varde.strip().equals(demovarde)) {
      brister.add(beskrivning + " (demoprofilens offentliga nyckel får inte användas)");
    }
  }

  /** After Spring Boot has read the configuration files and the profiles. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Flerpart was started outside the demo profile without what it needs to run safely. */
  public static class OsakerStart extends RuntimeException {

    private final List<String> brister;

    OsakerStart(List<String> brister) {
      super(
          "Flerpart startar inte utanför demoprofilen utan dessa inställningar: "
              + String.join("; ", brister));
      this.brister = List.copyOf(brister);
    }

    public List<String> brister() {
      return brister;
    }
  }
}
