package se.flerpart.avvikelse;

import io.camunda.client.CamundaClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code avvikelse} process for a registered deviation, after the registration has
 * committed. The row is locked while the instance is created and its key stored, so a publication
 * delivered again finds the key and starts nothing; only a crash in the instant between the
 * engine's answer and the commit could start a second instance.
 */
@Component
class AvvikelseProcessListener {

  private final AvvikelseRepository avvikelser;
  private final CamundaClient camunda;
  private final String paminnelseEfter;

  AvvikelseProcessListener(
      AvvikelseRepository avvikelser,
      CamundaClient camunda,
      @Value("${flerpart.avvikelse.paminnelse-efter:P30D}") String paminnelseEfter) {
    this.avvikelser = avvikelser;
    this.camunda = camunda;
    this.paminnelseEfter = paminnelseEfter;
  }

  @ApplicationModuleListener
  void startaProcessen(AvvikelseRegistrerad h) {
    Avvikelse a = avvikelser.hittaForUppdatering(h.avvikelseId()).orElseThrow();
    if (a.processInstansNyckel() != null) {
      return;
    }
    Map<String, Object> variabler = new LinkedHashMap<>();
    variabler.put("avvikelseId", a.id().toString());
    variabler.put("avvikelsenummer", a.nummer());
    variabler.put("typ", a.typ());
    variabler.put("berordPart", a.berordPart());
    variabler.put("paminnelseEfter", paminnelseEfter);
    long instans =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(AvvikelseService.PROCESS)
            .latestVersion()
            .variables(variabler)
            .send()
            .join()
            .getProcessInstanceKey();
    avvikelser.sattProcessInstans(a.id(), instans);
  }
}
