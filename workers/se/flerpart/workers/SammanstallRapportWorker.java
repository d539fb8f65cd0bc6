package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.statistik.Uppfoljningsrapporter;

/**
 * Job {@code sammanstall-rapport}: the uppföljningsrapport for the quarter just ended (or the
 * period asked for) and the year so far, stored as a draft for the processledare to review.
 */
@Component
public class SammanstallRapportWorker {

  private final Uppfoljningsrapporter rapporter;

  public SammanstallRapportWorker(Uppfoljningsrapporter rapporter) {
    this.rapporter = rapporter;
  }

  @JobWorker(type = "sammanstall-rapport")
  public Map<String, Object> sammanstall(
      ActivatedJob job, @Variable String fran, @Variable String till) {
    Uppfoljningsrapporter.Sammanstallning s =
        rapporter.sammanstall(
            String.valueOf(job.getKey()),
            job.getProcessInstanceKey(),
            fran == null ? null : LocalDate.parse(fran),
            till == null ? null : LocalDate.parse(till));
    return Map.of(
        "rapportId", s.rapportId(), "fran", s.fran().toString(), "till", s.till().toString());
  }
}
