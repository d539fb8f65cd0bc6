package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import se.flerpart.FlerpartApplication;

/** Outside the demo profile Flerpart needs its own keys, and says which before anything starts. */
class StartkontrollTest {

  private static final String EGEN_NYCKEL = "ZWdlbi1ueWNrZWwtZm9yLWV0dC1mb3JidW5kLTMyYnk=";

  @Test
  void utanforDemoprofilenStartarFlerpartInteUtanEgnaNycklar() {
    AtomicBoolean kontextForberedd = new AtomicBoolean();
    assertThatThrownBy(
            () ->
                SpringApplication.withHook(
                    app ->
                        new SpringApplicationRunListener() {
                          @Override
                          public void contextPrepared(ConfigurableApplicationContext context) {
                            kontextForberedd.set(true);
                          }
                        },
                    () ->
                        FlerpartApplication.start(
                            "--spring.profiles.active=drift", "--server.port=0")))
        .isInstanceOf(Startkontroll.OsakerStart.class)
        .hasMessageContaining("FLERPART_KRYPTERING_NYCKEL")
        .hasMessageContaining("FLERPART_KALLELSE_TOKEN_NYCKEL")
        .as("utan lösenordsinloggning behövs identitetsleverantören")
        .hasMessageContaining("FLERPART_OIDC_ISSUER")
        .hasMessageContaining("FLERPART_OIDC_CLIENT_ID");
    // Refused before the context was prepared: the embedded stack (an initializer) never started.
    assertThat(kontextForberedd).isFalse();
  }

  @Test
  void demoprofilensNycklarGodtasInteUtanforDen() {
    StandardEnvironment env = miljo("drift");
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "flerpart.kryptering.nyckel",
                    Startkontroll.DEMO_KRYPTERINGSNYCKEL,
                    "flerpart.kallelse.token-nyckel",
                    EGEN_NYCKEL,
                    "flerpart.oidc.issuer",
                    "https://idp.forbund.example/realms/flerpart",
                    "flerpart.oidc.client-id",
                    "flerpart")));

    List<String> brister = Startkontroll.brister(env);

    assertThat(brister).hasSize(1);
    assertThat(brister.get(0))
        .startsWith("FLERPART_KRYPTERING_NYCKEL")
        .contains("demoprofilens offentliga nyckel");
  }

  @Test
  void medEgnaNycklarStartarFlerpartUtanforDemoprofilen() {
    StandardEnvironment env = miljo("drift");
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "flerpart.kryptering.nyckel",
                    EGEN_NYCKEL,
                    "flerpart.kallelse.token-nyckel",
                    EGEN_NYCKEL,
                    "flerpart.oidc.issuer",
                    "https://idp.forbund.example/realms/flerpart",
                    "flerpart.oidc.client-id",
                    "flerpart")));

    new Startkontroll().postProcessEnvironment(env, null);
  }

  @Test
  void utanIdentitetsleverantorKanIngenLoggaInUtanforDemoprofilen() {
    StandardEnvironment env = miljo("drift");
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "flerpart.kryptering.nyckel", EGEN_NYCKEL,
                    "flerpart.kallelse.token-nyckel", EGEN_NYCKEL,
                    "flerpart.oidc.client-id", " ")));

    assertThat(Startkontroll.brister(env))
        .hasSize(2)
        .anySatisfy(b -> assertThat(b).startsWith("FLERPART_OIDC_ISSUER").contains("saknas"))
        .anySatisfy(b -> assertThat(b).startsWith("FLERPART_OIDC_CLIENT_ID").contains("saknas"));
  }

  @Test
  void demoprofilenHarSinaNycklarOchKontrollenKannerIgenDem() throws IOException {
    var dokument =
        new YamlPropertySourceLoader()
            .load("application", new ClassPathResource("application.yaml"));
    var demo =
        dokument.stream().filter(d -> d.containsProperty("flerpart.kryptering.nyckel")).toList();
    assertThat(demo).hasSize(1);
    assertThat(demo.get(0).getProperty("spring.config.activate.on-profile")).isEqualTo("demo");
    assertThat(String.valueOf(demo.get(0).getProperty("flerpart.kryptering.nyckel")))
        .isEqualTo(Startkontroll.DEMO_KRYPTERINGSNYCKEL);
    assertThat(String.valueOf(demo.get(0).getProperty("flerpart.kallelse.token-nyckel")))
        .isEqualTo(Startkontroll.DEMO_SVARSLANKSNYCKEL);
    new Startkontroll().postProcessEnvironment(miljo("demo"), null);
  }

  private static StandardEnvironment miljo(String profil) {
    StandardEnvironment env = new StandardEnvironment();
    env.setActiveProfiles(profil);
    return env;
  }
}
