package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Paminnelse;

/** Job {@code skicka-paminnelse}: reminds the holder of a late task (header {@code avser}). */
@Component
public class SkickaPaminnelseWorker {

  private final Paminnelse paminnelse;

  public SkickaPaminnelseWorker(Paminnelse paminnelse) {
    this.paminnelse = paminnelse;
  }

  @JobWorker(
      type = "skicka-paminnelse",
      fetchVariables = {"arendeId"})
  public void skicka(ActivatedJob job) {
    String avser = job.getCustomHeaders().get("avser");
    UUID arendeId = UUID.fromString((String) job.getVariablesAsMap().get("arendeId"));
    switch (avser) {
      case "samtycke" ->
          paminnelse.paminn(
              arendeId,
              "inhamta-samtycke",
              "Samtycket har inte registrerats inom fristen. Inhämta samtycke eller registrera"
                  + " att det inte lämnas.",
              String.valueOf(job.getKey()));
      default -> throw new IllegalArgumentException("Okänd påminnelse: " + avser);
    }
  }
}
