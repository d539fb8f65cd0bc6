package se.flerpart.workers;

import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.Avvikelserapport;

/**
 * Job {@code skicka-avvikelserapport}: the summary per part and type, as PDF, to the arbetsgrupp.
 * Its idempotency key is the job's key within {@code aktiverad}, the engine's time when the task
 * was entered (an input mapping of the task): the report belongs to no case, and an engine that
 * lost its state gives out its job keys again.
 */
@Component
public class SkickaAvvikelserapportWorker {

  private final Avvikelserapport rapport;

  public SkickaAvvikelserapportWorker(Avvikelserapport rapport) {
    this.rapport = rapport;
  }

  @JobWorker(type = "skicka-avvikelserapport")
  public void skicka(@JobKey long jobKey, @Variable String aktiverad) {
    rapport.skicka(Jobbnyckel.inom(aktiverad, jobKey));
  }
}
