package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
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

  @JobWorker(type = "distribuera-plan")
  public void distribuera(@Variable(optional = false) UUID moteId) {
    planer.distribuera(moteId);
  }
}
