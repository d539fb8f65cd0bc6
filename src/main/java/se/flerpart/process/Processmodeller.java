package se.flerpart.process;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN models in {@code processes/}, each read once, by process id: the task list names its
 * tasks from them, the process overview draws them.
 */
@Component
public class Processmodeller {

  /** A model and the names of its elements by id, taken from it once. */
  private record Modell(BpmnModelInstance instans, Map<String, String> namn) {}

  private final Map<String, Modell> modeller;

  public Processmodeller() throws IOException {
    Map<String, Modell> lasta = new HashMap<>();
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      try (InputStream in = r.getInputStream()) {
        BpmnModelInstance modell = Bpmn.readModelFromStream(in);
        Map<String, String> namn = new HashMap<>();
        for (FlowElement e : modell.getModelElementsByType(FlowElement.class)) {
          if (e.getName() != null) {
            namn.put(e.getId(), e.getName());
          }
        }
        for (Process p : modell.getModelElementsByType(Process.class)) {
          lasta.putIfAbsent(p.getId(), new Modell(modell, Map.copyOf(namn)));
        }
      }
    }
    modeller = Map.copyOf(lasta);
  }

  /**
   * The model with the process {@code processId}.
   *
   * @throws IllegalArgumentException when no model in {@code processes/} has it
   */
  public BpmnModelInstance modell(String processId) {
    Modell modell = modeller.get(processId);
    if (modell == null) {
      throw new IllegalArgumentException("Ingen process med id " + processId);
    }
    return modell.instans();
  }

  /**
   * The element's name in the process's model, or its id when it has none or is unknown; from a map
   * made when the model was read, so that naming a task does not walk the model.
   */
  public String namn(String processId, String elementId) {
    Modell modell = modeller.get(processId);
    return modell == null ? elementId : modell.namn().getOrDefault(elementId, elementId);
  }
}
