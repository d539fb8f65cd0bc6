package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.mote.KallelseUtskick;

/**
 * Job {@code skicka-kallelse}: mails the kallelse, a changed kallelse, a cancellation or the
 * replacement's kallelse (header {@code utskick}); answers with the meeting's id and times and the
 * invitation ids the process waits on.
 */
@Component
public class SkickaKallelseWorker {

  private final KallelseUtskick utskick;

  public SkickaKallelseWorker(KallelseUtskick utskick) {
    this.utskick = utskick;
  }

  @JobWorker(
      type = "skicka-kallelse",
      fetchVariables = {"moteId", "kallelseId"})
  public Map<String, Object> skicka(ActivatedJob job) {
    Map<String, Object> variabler = job.getVariablesAsMap();
    return utskick.skicka(
        job.getProcessInstanceKey(),
        job.getCustomHeaders().get("utskick"),
        (String) variabler.get("moteId"),
        (String) variabler.get("kallelseId"));
  }
}
