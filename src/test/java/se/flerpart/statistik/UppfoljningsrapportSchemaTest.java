package se.flerpart.statistik;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import se.flerpart.process.Timerschema;

/** The quarterly schedule: the configuration's default is the model's own, so nothing redeploys. */
class UppfoljningsrapportSchemaTest {

  @Test
  void standardinstallningenArModellensEgen() throws Exception {
    byte[] modell = Files.readAllBytes(Path.of("processes", UppfoljningsrapportSchema.RESURS));
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new FileSystemResource("src/main/resources/application.yaml"));
    assertThat(yaml.getObject().getProperty("flerpart.statistik.uppfoljningsrapport.schema"))
        .isEqualTo(Timerschema.schema(modell, UppfoljningsrapportSchema.TIMER));
    assertThat(
            Timerschema.schema(
                Timerschema.medSchema(modell, UppfoljningsrapportSchema.TIMER, "R/P7D"),
                UppfoljningsrapportSchema.TIMER))
        .isEqualTo("R/P7D");
  }
}
