package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.uppfoljning.UppfoljningService;

/** Job {@code planera-uppfoljning}: when the plan is to be followed up, and the deadlines. */
@Component
public class PlaneraUppfoljningWorker {

  private final UppfoljningService uppfoljning;

  public PlaneraUppfoljningWorker(UppfoljningService uppfoljning) {
    this.uppfoljning = uppfoljning;
  }

  @JobWorker(type = "planera-uppfoljning")
  public Map<String, Object> planera(@Variable(optional = false) UUID arendeId) {
    return uppfoljning.planera(arendeId);
  }
}
