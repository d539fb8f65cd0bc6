package se.flerpart.workers;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Aterkoppling;
import se.flerpart.beredning.BeredningAterkoppling;

/**
 * Job {@code skicka-aterkoppling}: återkoppling to the referring part (header {@code tillfalle}).
 */
@Component
public class SkickaAterkopplingWorker {

  private final Aterkoppling aterkoppling;
  private final BeredningAterkoppling beredning;

  public SkickaAterkopplingWorker(Aterkoppling aterkoppling, BeredningAterkoppling beredning) {
    this.aterkoppling = aterkoppling;
    this.beredning = beredning;
  }

  @JobWorker(type = "skicka-aterkoppling")
  public void skicka(
      @Variable(optional = false) UUID arendeId,
      @CustomHeaders Map<String, String> headers,
      @JobKey String jobKey) {
    String tillfalle = headers.get("tillfalle");
    String nyckel = Jobbnyckel.inom(arendeId, jobKey);
    if ("beredning".equals(tillfalle)) {
      beredning.skicka(arendeId, nyckel);
    } else {
      aterkoppling.skicka(arendeId, tillfalle, nyckel);
    }
  }
}
