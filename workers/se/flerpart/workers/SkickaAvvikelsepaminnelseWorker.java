package se.flerpart.workers;

import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.AvvikelseService;

/** Job {@code skicka-avvikelsepaminnelse}: reminds the processledare of an untouched deviation. */
@Component
public class SkickaAvvikelsepaminnelseWorker {

  private final AvvikelseService avvikelser;

  public SkickaAvvikelsepaminnelseWorker(AvvikelseService avvikelser) {
    this.avvikelser = avvikelser;
  }

  @JobWorker(type = "skicka-avvikelsepaminnelse")
  public void skicka(@Variable(optional = false) UUID avvikelseId, @JobKey String jobKey) {
    avvikelser.paminn(avvikelseId, Jobbnyckel.inom(avvikelseId, jobKey));
  }
}
