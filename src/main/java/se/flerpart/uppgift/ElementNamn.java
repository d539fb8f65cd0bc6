package se.flerpart.uppgift;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names of the BPMN elements in {@code processes/}, so a task is shown as the model names it.
 */
@Component
class ElementNamn {

  private final Map<String, String> namn = new HashMap<>();

  ElementNamn() throws IOException {
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      try (InputStream in = r.getInputStream()) {
        BpmnModelInstance modell = Bpmn.readModelFromStream(in);
        for (FlowElement e : modell.getModelElementsByType(FlowElement.class)) {
          if (e.getName() != null) {
            namn.putIfAbsent(e.getId(), e.getName());
          }
        }
      }
    }
  }

  public String namn(String elementId) {
    return namn.getOrDefault(elementId, elementId);
  }
}
