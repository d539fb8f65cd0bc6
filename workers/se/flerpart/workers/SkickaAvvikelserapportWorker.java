package se.flerpart.workers;

import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
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
  public void skicka(@JobKey String jobKey) {
    rapport.skicka(jobKey);
  }
}
