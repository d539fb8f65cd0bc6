package se.flerpart.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProcessmodellerTest {

  private Processmodeller modeller;

  @BeforeEach
  void las() throws IOException {
    modeller = new Processmodeller();
  }

  @Test
  void varjeProcessIProcessesFinnsUnderSittId() {
    for (String id :
        List.of(
            "arende",
            "avvikelse",
            "avvikelserapport",
            "flerpartsmote",
            "uppfoljning",
            "uppfoljningsrapport")) {
      assertThat(modeller.modell(id).getModelElementsByType(Process.class))
          .extracting(Process::getId)
          .contains(id);
    }
    assertThat(modeller.modell("uppfoljning").getModelElementsByType(UserTask.class))
        .extracting(UserTask::getId)
        .contains("folj-upp-plan");
  }

  @Test
  void ettElementHeterSomIDenProcessDetStarI() {
    assertThat(modeller.namn("uppfoljning", "folj-upp-plan")).isEqualTo("Följ upp plan");
    assertThat(modeller.namn("arende", "uppfoljning")).isEqualTo("Följ upp planen");
    // Another process's element is not named from it: the id stays an id there.
    assertThat(modeller.namn("flerpartsmote", "folj-upp-plan")).isEqualTo("folj-upp-plan");
  }

  @Test
  void detOkandaGerIdtOchIngenModell() {
    assertThat(modeller.namn("arende", "finns-inte")).isEqualTo("finns-inte");
    assertThat(modeller.namn("finns-inte", "folj-upp-plan")).isEqualTo("folj-upp-plan");
    assertThatThrownBy(() -> modeller.modell("finns-inte"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finns-inte");
  }
}
