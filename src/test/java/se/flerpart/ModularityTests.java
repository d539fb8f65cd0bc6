package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Flerpart's application modules: each top-level package under {@code se.flerpart} is one. The
 * build fails on a cycle between modules or on a module using another's internals, and writes the
 * module diagrams under {@code src/docs/moduler} and the Mermaid diagram the README shows.
 */
class ModularityTests {

  static final ApplicationModules MODULER = ApplicationModules.of(FlerpartApplication.class);
  static final Path DOKUMENTATION = Path.of("src/docs/moduler");
  static final String MERMAID_START = "```mermaid\n";

  @Test
  @DisplayName("Modulerna har inga cykler och rör inte varandras interna delar")
  void verifiera() {
    MODULER.verify();
  }

  @Test
  @DisplayName(
      "Ett avsiktligt intrång i en annan moduls interna paket får verifieringen att fallera")
  void intrangUpptacks() {
    ApplicationModules medIntrang =
        ApplicationModules.of("modulfel", ImportOption.Predefined.ONLY_INCLUDE_TESTS);
    assertThat(medIntrang.stream().map(ApplicationModule::getName)).contains("ansokan", "register");
    assertThatThrownBy(medIntrang::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("modulfel.register.intern.Hemlighet");
  }

  @Test
  @DisplayName("Moduldiagrammen skrivs under src/docs/moduler och README visar dem aktuella")
  void dokumentation() throws IOException {
    Path genererat = Files.createTempDirectory("moduler");
    new Documenter(MODULER, Documenter.Options.defaults().withOutputFolder(genererat.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    String mermaid = mermaid(MODULER);
    Files.writeString(genererat.resolve("moduler.mmd"), mermaid, StandardCharsets.UTF_8);
    uppdatera(genererat, DOKUMENTATION);

    assertThat(Files.list(DOKUMENTATION).map(p -> p.getFileName().toString()))
        .contains("components.puml", "module-arende.puml", "module-arende.adoc");
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertThat(readme)
        .as(
            "README:s Mermaid-diagram över modulerna ska vara det som genereras; kopiera"
                + " src/docs/moduler/moduler.mmd in i README.md")
        .contains(MERMAID_START + mermaid + "```");
  }

  /**
   * Copies what was generated over the committed docs, but only where a file really changed: the
   * Documenter writes some lines in a different order from run to run.
   */
  static void uppdatera(Path genererat, Path dokumentation) throws IOException {
    Files.createDirectories(dokumentation);
    try (var filer = Files.list(genererat)) {
      for (Path ny : filer.toList()) {
        Path gammal = dokumentation.resolve(ny.getFileName().toString());
        if (!Files.exists(gammal) || !sammaRader(ny, gammal)) {
          Files.copy(ny, gammal, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.delete(ny);
      }
    }
    Files.delete(genererat);
  }

  private static boolean sammaRader(Path a, Path b) throws IOException {
    return Files.readAllLines(a).stream()
        .sorted()
        .toList()
        .equals(Files.readAllLines(b).stream().sorted().toList());
  }

  /** The modules and their direct dependencies, as a Mermaid flowchart. */
  static String mermaid(ApplicationModules moduler) {
    StringBuilder ut = new StringBuilder("flowchart TD\n");
    moduler.stream()
        .sorted(Comparator.comparing(ApplicationModule::getName))
        .forEach(
            modul -> {
              var beroenden =
                  modul.getDirectDependencies(moduler).stream()
                      .map(ApplicationModuleDependency::getTargetModule)
                      .map(ApplicationModule::getName)
                      .filter(namn -> !namn.equals(modul.getName()))
                      .distinct()
                      .sorted()
                      .collect(Collectors.toList());
              if (beroenden.isEmpty()) {
                ut.append("  ").append(modul.getName()).append('\n');
              }
              for (String mal : beroenden) {
                ut.append("  ").append(modul.getName()).append(" --> ").append(mal).append('\n');
              }
            });
    return ut.toString();
  }
}
