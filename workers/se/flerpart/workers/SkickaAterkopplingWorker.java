package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Aterkoppling;

/**
 * Job {@code skicka-aterkoppling}: återkoppling to the referring part (header {@code tillfalle}).
 */
@Component
public class SkickaAterkopplingWorker {

  private final Aterkoppling aterkoppling;

  public SkickaAterkopplingWorker(Aterkoppling aterkoppling) {
    this.aterkoppling = aterkoppling;
  }

  @JobWorker(
      type = "skicka-aterkoppling",
      fetchVariables = {"arendeId", "motivering"})
  public void skicka(ActivatedJob job) {
    Object motivering = job.getVariablesAsMap().get("motivering");
    aterkoppling.skicka(
        UUID.fromString((String) job.getVariablesAsMap().get("arendeId")),
        job.getCustomHeaders().get("tillfalle"),
        motivering == null ? null : motivering.toString(),
        String.valueOf(job.getKey()));
  }
}
