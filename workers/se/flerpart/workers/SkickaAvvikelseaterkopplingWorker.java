package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.AvvikelseService;

/** Job {@code skicka-avvikelseaterkoppling}: tells the reporter that the deviation is closed. */
@Component
public class SkickaAvvikelseaterkopplingWorker {

  private final AvvikelseService avvikelser;

  public SkickaAvvikelseaterkopplingWorker(AvvikelseService avvikelser) {
    this.avvikelser = avvikelser;
  }

  @JobWorker(type = "skicka-avvikelseaterkoppling")
  public void skicka(@Variable(optional = false) UUID avvikelseId) {
    avvikelser.skickaAterkoppling(avvikelseId);
  }
}
