package se.flerpart.workers;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
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

  @JobWorker(
      type = "registrera-avvikelse",
      fetchVariables = {"arendeId", "berordPart", "avvikelseBeskrivning"})
  public void registrera(ActivatedJob job) {
    Map<String, Object> variabler = job.getVariablesAsMap();
    avvikelser.registreraAutomatiskt(
        job.getCustomHeaders().get("typ"),
        text(variabler.get("arendeId")),
        text(variabler.get("berordPart")),
        text(variabler.get("avvikelseBeskrivning")),
        "jobb:" + job.getKey());
  }

  private static String text(Object varde) {
    return varde == null ? null : varde.toString();
  }
}
