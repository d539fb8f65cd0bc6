package se.flerpart.workers;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.avvikelse.AvvikelseService;

/**
 * Job {@code registrera-avvikelse}: any process registers a deviation automatically. Header {@code
 * typ} (a type code); variables {@code arendeId}, {@code berordPart} (default: the case's
 * aktualiserande part) and {@code avvikelseBeskrivning} (default: the type's standard text), all
 * optional. The job key makes a repeated delivery register nothing new.
 */
@Component
public class RegistreraAvvikelseWorker {

  private final AvvikelseService avvikelser;

  public RegistreraAvvikelseWorker(AvvikelseService avvikelser) {
    this.avvikelser = avvikelser;
  }

  @JobWorker(type = "registrera-avvikelse")
  public void registrera(
      @Variable String arendeId,
      @Variable String berordPart,
      @Variable String avvikelseBeskrivning,
      @CustomHeaders Map<String, String> headers,
      @JobKey long jobKey) {
    avvikelser.registreraAutomatiskt(
        headers.get("typ"),
        arendeId,
        berordPart,
        avvikelseBeskrivning,
        "jobb:" + Jobbnyckel.inom(arendeId, jobKey));
  }
}
