package se.flerpart.statistik;

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
 * Applies {@code flerpart.statistik.uppfoljningsrapport.schema} (a cron expression) to the timer of
 * {@code uppfoljningsrapport}: when it differs from the model's own quarterly cycle, the model is
 * deployed again, after the processes, with the configured one. A cron cycle is anchored to the
 * calendar, so it survives restarts and new versions.
 */
@Component
@Order(1)
class UppfoljningsrapportSchema implements ApplicationRunner {

  static final String RESURS = "uppfoljningsrapport.bpmn";
  static final String TIMER = "kvartal-avslutat";
  private static final Logger log = LoggerFactory.getLogger(UppfoljningsrapportSchema.class);

  private final CamundaClient camunda;
  private final String schema;

  UppfoljningsrapportSchema(
      CamundaClient camunda,
      @Value("${flerpart.statistik.uppfoljningsrapport.schema:}") String schema) {
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
    log.info("Uppföljningsrapporten sammanställs enligt schemat {}", schema);
  }

  static String schema(byte[] bpmn) {
    return timer(Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn)))
        .getTimeCycle()
        .getTextContent()
        .strip();
  }

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
