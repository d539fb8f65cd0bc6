package se.flerpart.workers;

import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
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

  @JobWorker(type = "sus-utregistrering")
  public void utregistrera(@Variable(optional = false) UUID arendeId, @JobKey String jobKey) {
    sus.utregistrera(arendeId, Jobbnyckel.inom(arendeId, jobKey));
  }
}
