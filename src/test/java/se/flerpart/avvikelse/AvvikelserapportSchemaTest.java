package se.flerpart.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import se.flerpart.ProcessMotor;
import se.flerpart.ProcesstestIEgenJvmTest;

/** The report's schedule: the model's own, and another one applied from configuration. */
@ZeebeProcessTest
@Tag(ProcesstestIEgenJvmTest.TAGG)
class AvvikelserapportSchemaTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;

  private static byte[] modell() throws Exception {
    return Files.readAllBytes(Path.of("processes", AvvikelserapportSchema.RESURS));
  }

  @Test
  void standardinstallningenArModellensEgenSaIngetDriftsattsOm() throws Exception {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new FileSystemResource("src/main/resources/application.yaml"));
    assertThat(yaml.getObject().getProperty("flerpart.avvikelse.rapport.schema"))
        .isEqualTo(AvvikelserapportSchema.schema(modell()))
        .isEqualTo("0 0 6 1 * *");
  }

  @Test
  void ettAnnatSchemaStyrTimern() throws Exception {
    byte[] veckovis = AvvikelserapportSchema.medSchema(modell(), "R/P7D");
    assertThat(AvvikelserapportSchema.schema(veckovis)).isEqualTo("R/P7D");

    var deployment =
        client
            .newDeployResourceCommand()
            .addResourceBytes(veckovis, AvvikelserapportSchema.RESURS)
            .send()
            .join();
    engine.increaseTime(Duration.ofDays(7).plusMinutes(1));
    engine.waitForIdleState(Duration.ofSeconds(10));

    assertThat(
            new ProcessMotor(client, engine, deployment).vantaPaJobben("skicka-avvikelserapport"))
        .hasSize(1);
  }
}
