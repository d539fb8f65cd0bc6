package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.AvvikelseService;

/** Job {@code skicka-avvikelseaterkoppling}: tells the reporter that the deviation is closed. */
@Component
public class SkickaAvvikelseaterkopplingWorker {

  private final AvvikelseService avvikelser;

  public SkickaAvvikelseaterkopplingWorker(AvvikelseService avvikelser) {
    this.avvikelser = avvikelser;
  }

  @JobWorker(
      type = "skicka-avvikelseaterkoppling",
      fetchVariables = {"avvikelseId"})
  public void skicka(ActivatedJob job) {
    avvikelser.skickaAterkoppling(
        UUID.fromString((String) job.getVariablesAsMap().get("avvikelseId")));
  }
}
