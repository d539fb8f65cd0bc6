package se.flerpart.oversikt;

import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.flerpart.process.Processmodeller;

/**
 * How many open cases stand at each step, for {@code /actuator/prometheus} ({@code
 * flerpart_arenden_steg{process, steg}}): every user task of the case's processes and the two waits
 * the overview knows, 0 where nobody stands. The same figures as the Processöversikt, computed at
 * most once per {@link #GILTIG} however many gauges a scrape reads.
 */
@Component
class OversiktMetrik {

  static final Duration GILTIG = Duration.ofSeconds(5);

  private final Processoversikt oversikt;
  private Map<String, Integer> antal = Map.of();
  private long beraknad = Long.MIN_VALUE;

  OversiktMetrik(MeterRegistry registry, Processoversikt oversikt, Processmodeller modeller) {
    this.oversikt = oversikt;
    for (String[] steg : steg(modeller)) {
      String nyckel = steg[0] + "/" + steg[1];
      Gauge.builder("flerpart.arenden.steg", () -> antal().getOrDefault(nyckel, 0))
          .description("Öppna ärenden som står vid steget nu")
          .tag("process", steg[0])
          .tag("steg", steg[1])
          .register(registry);
    }
  }

  private synchronized Map<String, Integer> antal() {
    long nu = System.nanoTime();
    if (beraknad == Long.MIN_VALUE || nu - beraknad > GILTIG.toNanos()) {
      antal =
          oversikt.steg(new Processoversikt.Urval(null, null)).stream()
              .collect(
                  Collectors.toMap(
                      s -> s.process() + "/" + s.elementId(), Processoversikt.Steg::antal));
      beraknad = nu;
    }
    return antal;
  }

  private static List<String[]> steg(Processmodeller modeller) {
    List<String[]> steg = new ArrayList<>();
    for (String process : Processoversikt.PROCESSER) {
      for (UserTask u : modeller.modell(process).getModelElementsByType(UserTask.class)) {
        steg.add(new String[] {process, u.getId()});
      }
    }
    steg.add(new String[] {"flerpartsmote", Processoversikt.SAMLA_IN_SVAR});
    steg.add(new String[] {"uppfoljning", Processoversikt.VANTAR_PA_UPPFOLJNINGSDAG});
    return steg;
  }
}
