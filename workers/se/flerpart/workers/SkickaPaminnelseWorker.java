package se.flerpart.workers;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
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

  @JobWorker(type = "skicka-paminnelse")
  public void skicka(
      @Variable UUID arendeId,
      @Variable UUID kallelseId,
      @CustomHeaders Map<String, String> headers,
      @JobKey String jobKey) {
    String avser = headers.get("avser");
    switch (avser) {
      case "samtycke" ->
          paminnelse.paminn(
              arendeId,
              "inhamta-samtycke",
              "Samtycket har inte registrerats inom fristen. Inhämta samtycke eller registrera"
                  + " att det inte lämnas.",
              jobKey);
      case "kallelse" -> kallelser.paminn(kallelseId);
      case "forbered-kallelse" ->
          paminnelse.paminn(
              arendeId,
              "forbered-kallelse",
              "Beredningen beslutade Ja: kalla individen och parterna till flerpartsmöte. Ange"
                  + " mötets syfte, så kommer rätt personer med rätt underlag.",
              jobKey);
      case "genomfor-mote" ->
          paminnelse.paminn(
              arendeId,
              "genomfor-mote",
              "Mötestiden har passerat. Registrera närvaro, den gemensamma planen och"
                  + " minnesanteckningarna, så skickas planen till alla deltagare.",
              jobKey);
      case "uppfoljning" ->
          paminnelse.paminn(
              arendeId,
              "folj-upp-plan",
              "Planens uppföljningsdag har passerat. Följ upp åtgärderna med individen och"
                  + " parterna; utan uppföljning blir planen sällan genomförd.",
              jobKey);
      default -> throw new IllegalArgumentException("Okänd påminnelse: " + avser);
    }
  }
}
