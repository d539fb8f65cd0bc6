package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;
import se.flerpart.statistik.Uppfoljningsrapporter;

/**
 * Job {@code skicka-rapport}: the approved uppföljningsrapport, PDF and Excel, to the styrgrupp.
 */
@Component
public class SkickaRapportWorker {

  private final Uppfoljningsrapporter rapporter;

  public SkickaRapportWorker(Uppfoljningsrapporter rapporter) {
    this.rapporter = rapporter;
  }

  @JobWorker(type = "skicka-rapport")
  public void skicka(@Variable(optional = false) Long rapportId) {
    rapporter.skicka(rapportId);
  }
}
