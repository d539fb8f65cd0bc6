package se.flerpart.workers;

import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.statistik.Uppfoljningsrapporter;

/**
 * Job {@code sammanstall-rapport}: the uppföljningsrapport for the quarter just ended (or the
 * period asked for) and the year so far, stored as a draft for the processledare to review. Its
 * idempotency key is the job's key within {@code aktiverad}, the engine's time when the task was
 * entered (an input mapping of the task): a report process belongs to no case, and an engine that
 * lost its state gives out its job keys again.
 */
@Component
public class SammanstallRapportWorker {

  private final Uppfoljningsrapporter rapporter;

  public SammanstallRapportWorker(Uppfoljningsrapporter rapporter) {
    this.rapporter = rapporter;
  }

  @JobWorker(type = "sammanstall-rapport")
  public Map<String, Object> sammanstall(
      @JobKey long jobKey,
      @ProcessInstanceKey long processInstans,
      @Variable String aktiverad,
      @Variable String fran,
      @Variable String till) {
    Uppfoljningsrapporter.Sammanstallning s =
        rapporter.sammanstall(
            Jobbnyckel.inom(aktiverad, jobKey),
            processInstans,
            fran == null ? null : LocalDate.parse(fran),
            till == null ? null : LocalDate.parse(till));
    return Map.of(
        "rapportId", s.rapportId(), "fran", s.fran().toString(), "till", s.till().toString());
  }
}
