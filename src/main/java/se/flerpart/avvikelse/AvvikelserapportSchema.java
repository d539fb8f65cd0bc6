package se.flerpart.avvikelse;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Applies {@code flerpart.avvikelse.rapport.schema} to the timer of {@code avvikelserapport}. When
 * it equals the model's own cycle nothing happens; otherwise, after the processes are deployed, the
 * model is deployed again with the configured cycle. A timer start event cannot read configuration
 * itself, and the engine restarts a cycle on each new version, so a cron expression (anchored to
 * the calendar) is the kind of schedule that survives restarts.
 */
@Component
@Order(1)
class AvvikelserapportSchema implements ApplicationRunner {

  static final String RESURS = "avvikelserapport.bpmn";
  static final String TIMER = "rapportperiod-avslutad";
  private static final Logger log = LoggerFactory.getLogger(AvvikelserapportSchema.class);

  private final CamundaClient camunda;
  private final String schema;

  AvvikelserapportSchema(
      CamundaClient camunda, @Value("${flerpart.avvikelse.rapport.schema:}") String schema) {
    this.camunda = camunda;
    this.schema = schema.strip();
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    byte[] modell;
    try (InputStream in = new ClassPathResource("processes/" + RESURS).getInputStream()) {
      modell = in.readAllBytes();
    }
    if (schema.isEmpty() || schema.equals(schema(modell))) {
      return;
    }
    camunda
        .newDeployResourceCommand()
        .addResourceBytes(medSchema(modell, schema), RESURS)
        .send()
        .join();
    log.info("Avvikelserapporten skickas enligt schemat {}", schema);
  }

  /** The timer cycle of the model's timer start event. */
  static String schema(byte[] bpmn) {
    return timer(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)))
        .getTimeCycle()
        .getTextContent()
        .strip();
  }

  /** The model with another timer cycle. */
  static byte[] medSchema(byte[] bpmn, String schema) {
    BpmnModelInstance modell = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    timer(modell).getTimeCycle().setTextContent(schema);
    return Bpmn.convertToString(modell).getBytes(StandardCharsets.UTF_8);
  }

  private static TimerEventDefinition timer(BpmnModelInstance modell) {
    StartEvent start = modell.getModelElementById(TIMER);
    return start.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance)
        .map(TimerEventDefinition.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(TIMER + " saknar timer"));
  }
}
