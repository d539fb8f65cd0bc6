package se.flerpart.avvikelse;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.flerpart.process.Timerschema;

/**
 * Applies {@code flerpart.avvikelse.rapport.schema} to the timer of {@code avvikelserapport}, after
 * the processes are deployed (see {@link Timerschema}).
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
    this.schema = schema;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (Timerschema.tillampa(camunda, RESURS, TIMER, schema)) {
      log.info("Avvikelserapporten skickas enligt schemat {}", schema.strip());
    }
  }

  /** The timer cycle of the model. */
  static String schema(byte[] bpmn) {
    return Timerschema.schema(bpmn, TIMER);
  }

  /** The model with another timer cycle. */
  static byte[] medSchema(byte[] bpmn, String schema) {
    return Timerschema.medSchema(bpmn, TIMER, schema);
  }
}
