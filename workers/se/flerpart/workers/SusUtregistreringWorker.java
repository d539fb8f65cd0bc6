package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.sus.SusService;

/** Job {@code sus-utregistrering}: the case leaves SUS at avslut. */
@Component
public class SusUtregistreringWorker {

  private final SusService sus;

  public SusUtregistreringWorker(SusService sus) {
    this.sus = sus;
  }

  @JobWorker(
      type = "sus-utregistrering",
      fetchVariables = {"arendeId"})
  public void utregistrera(ActivatedJob job) {
    sus.utregistrera(
        UUID.fromString((String) job.getVariablesAsMap().get("arendeId")),
        String.valueOf(job.getKey()));
  }
}
