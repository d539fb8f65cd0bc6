package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.sus.SusService;

/** Job {@code sus-inregistrering}: the case enters SUS after JA in beredning. */
@Component
public class SusInregistreringWorker {

  private final SusService sus;

  public SusInregistreringWorker(SusService sus) {
    this.sus = sus;
  }

  @JobWorker(
      type = "sus-inregistrering",
      fetchVariables = {"arendeId"})
  public void inregistrera(ActivatedJob job) {
    sus.inregistrera(
        UUID.fromString((String) job.getVariablesAsMap().get("arendeId")),
        String.valueOf(job.getKey()));
  }
}
