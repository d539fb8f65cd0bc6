package se.flerpart.workers;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
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

  @JobWorker(type = "skicka-kallelse")
  public Map<String, Object> skicka(
      @Variable String moteId,
      @Variable String kallelseId,
      @CustomHeaders Map<String, String> headers,
      @ProcessInstanceKey long processInstanceKey) {
    return utskick.skicka(processInstanceKey, headers.get("utskick"), moteId, kallelseId);
  }
}
