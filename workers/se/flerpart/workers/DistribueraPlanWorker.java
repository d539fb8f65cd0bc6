package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.mote.PlanUtskick;

/** Job {@code distribuera-plan}: the meeting's gemensam plan as a PDF to every participant. */
@Component
public class DistribueraPlanWorker {

  private final PlanUtskick planer;

  public DistribueraPlanWorker(PlanUtskick planer) {
    this.planer = planer;
  }

  @JobWorker(
      type = "distribuera-plan",
      fetchVariables = {"moteId"})
  public void distribuera(ActivatedJob job) {
    planer.distribuera(UUID.fromString((String) job.getVariablesAsMap().get("moteId")));
  }
}
