package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.AvvikelseService;

/** Job {@code skicka-avvikelsepaminnelse}: reminds the processledare of an untouched deviation. */
@Component
public class SkickaAvvikelsepaminnelseWorker {

  private final AvvikelseService avvikelser;

  public SkickaAvvikelsepaminnelseWorker(AvvikelseService avvikelser) {
    this.avvikelser = avvikelser;
  }

  @JobWorker(
      type = "skicka-avvikelsepaminnelse",
      fetchVariables = {"avvikelseId"})
  public void skicka(ActivatedJob job) {
    avvikelser.paminn(
        UUID.fromString((String) job.getVariablesAsMap().get("avvikelseId")),
        String.valueOf(job.getKey()));
  }
}
