package se.flerpart.gallring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import se.flerpart.FlerpartApplication;
import se.flerpart.gallring.GallringStartkontroll.FelaktigGallringsinstallning;

/** A gallring setting below zero, or unreadable, stops Flerpart before anything starts. */
class GallringStartkontrollTest {

  @Test
  void enNegativGallringstidStopparStartenInnanNagotStartat() {
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
                            "--flerpart.gallring.efter=P-1Y", "--server.port=0")))
        .isInstanceOf(FelaktigGallringsinstallning.class)
        .hasMessageContaining("flerpart.gallring.efter")
        .hasMessageContaining("FLERPART_GALLRING_EFTER")
        .hasMessageContaining("får inte vara negativ");
    assertThat(kontextForberedd).isFalse();
  }

  @Test
  void enNegativLoggtidEllerEnOlasligTidAvvisasMedInstallningensNamn() {
    assertThatThrownBy(() -> kontrollera(Map.of("flerpart.gallring.granskningslogg-efter", "-P1Y")))
        .isInstanceOf(FelaktigGallringsinstallning.class)
        .hasMessageContaining("flerpart.gallring.granskningslogg-efter")
        .hasMessageContaining("får inte vara negativ");
    assertThatThrownBy(() -> kontrollera(Map.of("flerpart.gallring.efter", "två år")))
        .isInstanceOf(FelaktigGallringsinstallning.class)
        .hasMessageContaining("flerpart.gallring.efter = två år")
        .hasMessageContaining("går inte att läsa");
    assertThatThrownBy(() -> kontrollera(Map.of("flerpart.gallring.intervall", "PT0S")))
        .isInstanceOf(FelaktigGallringsinstallning.class)
        .hasMessageContaining("flerpart.gallring.intervall");
  }

  @Test
  void nollOchPositivaTiderGodtasOchUtanInstallningGallerStandardvardena() {
    assertThatNoException()
        .isThrownBy(
            () ->
                kontrollera(
                    Map.of(
                        "flerpart.gallring.efter", "P0D",
                        "flerpart.gallring.granskningslogg-efter", "P18M")));
    GallringEgenskaper standard =
        Binder.get(new StandardEnvironment())
            .bindOrCreate("flerpart.gallring", GallringEgenskaper.class);
    assertThat(standard.efter()).isEqualTo(Period.ofYears(2));
    assertThat(standard.granskningsloggEfter()).isEqualTo(Period.ofYears(3));
    assertThat(standard.intervall()).isEqualTo(Duration.ofHours(1));
  }

  private static void kontrollera(Map<String, Object> installningar) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", installningar));
    new GallringStartkontroll().postProcessEnvironment(env, null);
  }
}
