package se.flerpart.statistik;

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
 * Applies {@code flerpart.statistik.uppfoljningsrapport.schema} to the timer of {@code
 * uppfoljningsrapport}, after the processes are deployed (see {@link Timerschema}).
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
    this.schema = schema;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (Timerschema.tillampa(camunda, RESURS, TIMER, schema)) {
      log.info("Uppföljningsrapporten sammanställs enligt schemat {}", schema.strip());
    }
  }
}
