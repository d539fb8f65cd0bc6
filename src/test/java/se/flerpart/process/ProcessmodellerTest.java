package se.flerpart.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessmodellerTest {

  private final Processmodeller modeller = new Processmodeller();

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
    // The same id names different steps in two processes: the case's call and the meeting's own.
    assertThat(modeller.namn("arende", "flerpartsmote")).isEqualTo("Håll flerpartsmöte");
    assertThat(modeller.namn("arende", "uppfoljning")).isEqualTo("Följ upp planen");
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
