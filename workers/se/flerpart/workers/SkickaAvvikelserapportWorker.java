package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.Avvikelserapport;

/**
 * Job {@code skicka-avvikelserapport}: the summary per part and type, as PDF, to the arbetsgrupp.
 */
@Component
public class SkickaAvvikelserapportWorker {

  private final Avvikelserapport rapport;

  public SkickaAvvikelserapportWorker(Avvikelserapport rapport) {
    this.rapport = rapport;
  }

  @JobWorker(type = "skicka-avvikelserapport")
  public void skicka(ActivatedJob job) {
    rapport.skicka(String.valueOf(job.getKey()));
  }
}
