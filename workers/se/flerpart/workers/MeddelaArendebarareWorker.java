package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.mote.KallelseUtskick;

/**
 * Job {@code meddela-arendebarare}: tells the ärendebärare that a required part declined or did not
 * answer the kallelse (header {@code handelse}).
 */
@Component
public class MeddelaArendebarareWorker {

  private final KallelseUtskick utskick;

  public MeddelaArendebarareWorker(KallelseUtskick utskick) {
    this.utskick = utskick;
  }

  @JobWorker(
      type = "meddela-arendebarare",
      fetchVariables = {"kallelseId"})
  public void meddela(ActivatedJob job) {
    utskick.meddelaArendebarare(
        UUID.fromString((String) job.getVariablesAsMap().get("kallelseId")),
        job.getCustomHeaders().get("handelse"));
  }
}
