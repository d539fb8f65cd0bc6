package se.flerpart.workers;

import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
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

  @JobWorker(type = "sus-inregistrering")
  public void inregistrera(@Variable(optional = false) UUID arendeId, @JobKey String jobKey) {
    sus.inregistrera(arendeId, Jobbnyckel.inom(arendeId, jobKey));
  }
}
