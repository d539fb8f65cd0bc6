package se.flerpart.process;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/**
 * A configured schedule for a process's timer start event. A timer start event cannot read
 * configuration itself, and the engine restarts a cycle on each new version, so the model is
 * deployed again with the configured cycle — a cron expression, anchored to the calendar, is the
 * kind of schedule that survives restarts. When the configuration equals the model's own cycle,
 * nothing is deployed.
 */
public final class Timerschema {

  private Timerschema() {}

  /**
   * Deploys {@code processes/<resurs>} again with {@code schema} on the timer start event {@code
   * timer}, unless the schema is empty or already the model's; true when it deployed.
   */
  public static boolean tillampa(CamundaClient camunda, String resurs, String timer, String schema)
      throws IOException {
    byte[] modell;
    try (InputStream in = new ClassPathResource("processes/" + resurs).getInputStream()) {
      modell = in.readAllBytes();
    }
    String onskat = schema == null ? "" : schema.strip();
    if (onskat.isEmpty() || onskat.equals(schema(modell, timer))) {
      return false;
    }
    camunda
        .newDeployResourceCommand()
        .addResourceBytes(medSchema(modell, timer, onskat), resurs)
        .send()
        .join();
    return true;
  }

  /** The timer cycle of the model's timer start event {@code timer}. */
  public static String schema(byte[] bpmn, String timer) {
    return definition(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)), timer)
        .getTimeCycle()
        .getTextContent()
        .strip();
  }

  /** The model with another cycle on its timer start event {@code timer}. */
  public static byte[] medSchema(byte[] bpmn, String timer, String schema) {
    BpmnModelInstance modell = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    definition(modell, timer).getTimeCycle().setTextContent(schema);
    return Bpmn.convertToString(modell).getBytes(StandardCharsets.UTF_8);
  }

  private static TimerEventDefinition definition(BpmnModelInstance modell, String timer) {
    StartEvent start = modell.getModelElementById(timer);
    return start.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance)
        .map(TimerEventDefinition.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(timer + " saknar timer"));
  }
}
