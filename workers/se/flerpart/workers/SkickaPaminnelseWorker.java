package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Paminnelse;
import se.flerpart.mote.KallelseUtskick;

/**
 * Job {@code skicka-paminnelse}: reminds the holder of a late task, or an invitee who has not
 * answered a kallelse (header {@code avser}).
 */
@Component
public class SkickaPaminnelseWorker {

  private final Paminnelse paminnelse;
  private final KallelseUtskick kallelser;

  public SkickaPaminnelseWorker(Paminnelse paminnelse, KallelseUtskick kallelser) {
    this.paminnelse = paminnelse;
    this.kallelser = kallelser;
  }

  @JobWorker(
      type = "skicka-paminnelse",
      fetchVariables = {"arendeId", "kallelseId"})
  public void skicka(ActivatedJob job) {
    String avser = job.getCustomHeaders().get("avser");
    UUID arendeId = UUID.fromString((String) job.getVariablesAsMap().get("arendeId"));
    String nyckel = String.valueOf(job.getKey());
    switch (avser) {
      case "samtycke" ->
          paminnelse.paminn(
              arendeId,
              "inhamta-samtycke",
              "Samtycket har inte registrerats inom fristen. Inhämta samtycke eller registrera"
                  + " att det inte lämnas.",
              nyckel);
      case "kallelse" ->
          kallelser.paminn(UUID.fromString((String) job.getVariablesAsMap().get("kallelseId")));
      case "forbered-kallelse" ->
          paminnelse.paminn(
              arendeId,
              "forbered-kallelse",
              "Beredningen beslutade Ja: kalla individen och parterna till flerpartsmöte. Ange"
                  + " mötets syfte, så kommer rätt personer med rätt underlag.",
              nyckel);
      case "genomfor-mote" ->
          paminnelse.paminn(
              arendeId,
              "genomfor-mote",
              "Mötestiden har passerat. Registrera närvaro, den gemensamma planen och"
                  + " minnesanteckningarna, så skickas planen till alla deltagare.",
              nyckel);
      case "uppfoljning" ->
          paminnelse.paminn(
              arendeId,
              "folj-upp-plan",
              "Planens uppföljningsdag har passerat. Följ upp åtgärderna med individen och"
                  + " parterna; utan uppföljning blir planen sällan genomförd.",
              nyckel);
      default -> throw new IllegalArgumentException("Okänd påminnelse: " + avser);
    }
  }
}
