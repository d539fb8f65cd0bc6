package se.flerpart.workers;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
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

  @JobWorker(type = "meddela-arendebarare")
  public void meddela(
      @Variable(optional = false) UUID kallelseId, @CustomHeaders Map<String, String> headers) {
    utskick.meddelaArendebarare(kallelseId, headers.get("handelse"));
  }
}
