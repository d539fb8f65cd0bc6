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
 * answered a kallelse (header {@code avser}). The reminder of a late task is the mail template
 * {@code paminnelse-<avser>}.
 */
@Component
public class SkickaPaminnelseWorker {

  /** The late task each {@code avser} reminds of. */
  static final Map<String, String> FORSENAD_UPPGIFT =
      Map.of(
          "samtycke", "inhamta-samtycke",
          "forbered-kallelse", "forbered-kallelse",
          "genomfor-mote", "genomfor-mote",
          "uppfoljning", "folj-upp-plan");

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
    if ("kallelse".equals(avser)) {
      kallelser.paminn(kallelseId);
      return;
    }
    String uppgift = avser == null ? null : FORSENAD_UPPGIFT.get(avser);
    if (uppgift == null) {
      throw new IllegalArgumentException("Okänd påminnelse: " + avser);
    }
    paminnelse.paminn(arendeId, uppgift, "paminnelse-" + avser, Jobbnyckel.inom(arendeId, jobKey));
  }
}
