package se.flerpart.uppgift;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.flerpart.process.SchedulerLock;

/**
 * Looks for each open task's job in the engine now and then, by renewing its activation (which an
 * open task keeps anyway, {@code flerpart.uppgift.jobb-tidsgrans}). A task whose job the engine no
 * longer has is one nobody can complete: the engine was restored from an older backup, or the
 * in-memory engine restarted and lost its state, or the process was ended outside Flerpart. It is
 * marked {@link UppgiftStatus#AVBRUTEN} instead of standing in someone's list for good, counted
 * ({@code flerpart.uppgifter.utan.jobb}) and logged with its keys (no personal data). Each run
 * takes at most {@code antal} tasks, those looked for longest ago, once they were last looked for
 * (or stored) more than {@code alder} ago; one instance takes them at a time, and the engine is
 * asked without holding a database connection. When the engine does not answer, the run stops and
 * leaves the rest to the next one.
 */
@Component
class UppgiftAvstamning {

  static final String JOBB = "uppgift-avstamning";

  /** The longest one question waits for the engine. */
  static final Duration TIDSGRANS = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(UppgiftAvstamning.class);

  private final UppgiftRepository uppgifter;
  private final CamundaClient camunda;
  private final SchedulerLock las;
  private final Clock klocka;
  private final Duration lagrad;
  private final Duration alder;
  private final int antal;
  private final Counter utanJobb;

  UppgiftAvstamning(
      UppgiftRepository uppgifter,
      CamundaClient camunda,
      SchedulerLock las,
      Clock klocka,
      MeterRegistry registry,
      @Value("${flerpart.uppgift.jobb-tidsgrans}") Duration lagrad,
      @Value("${flerpart.uppgift.avstamning.alder}") Duration alder,
      @Value("${flerpart.uppgift.avstamning.antal}") int antal) {
    this.uppgifter = uppgifter;
    this.camunda = camunda;
    this.las = las;
    this.klocka = klocka;
    this.lagrad = lagrad;
    this.alder = alder;
    this.antal = antal;
    this.utanJobb =
        Counter.builder("flerpart.uppgifter.utan.jobb")
            .description(
                "Öppna uppgifter vars jobb motorn inte längre hade (motorn återställd eller"
                    + " omstartad, eller processen avslutad utanför Flerpart); markerade avbrutna")
            .register(registry);
  }

  @Scheduled(
      fixedDelayString = "${flerpart.uppgift.avstamning.intervall}",
      initialDelayString = "${flerpart.uppgift.avstamning.intervall}")
  void schemalagd() {
    stamAv();
  }

  /** One run; how many tasks were looked for in the engine. */
  int stamAv() {
    List<Long> tagna = new ArrayList<>();
    Instant nu = klocka.instant();
    Instant fore = nu.minus(alder);
    las.korEnsam(JOBB, () -> tagna.addAll(uppgifter.taForAvstamning(fore, nu, antal)));
    int borta = 0;
    for (int i = 0; i < tagna.size(); i++) {
      long id = tagna.get(i);
      try {
        camunda.newUpdateTimeoutCommand(id).timeout(lagrad).requestTimeout(TIDSGRANS).send().join();
      } catch (ClientStatusException e) {
        Status.Code kod = e.getStatusCode();
        if (kod == Status.Code.NOT_FOUND) {
          borta += utanJobbet(id) ? 1 : 0;
          continue;
        }
        if (kod == Status.Code.FAILED_PRECONDITION || kod == Status.Code.INVALID_ARGUMENT) {
          // The job is there, but not activated just now (it timed out and waits to be handed
          // out again): the worker takes it and keeps it.
          continue;
        }
        return avbruten(tagna, i, fore, e);
      } catch (RuntimeException e) {
        return avbruten(tagna, i, fore, e);
      }
    }
    if (!tagna.isEmpty()) {
      log.info(
          "Avstämningen sökte {} öppna uppgifters jobb i motorn; {} fanns inte längre",
          tagna.size(),
          borta);
    }
    return tagna.size();
  }

  /** True when the task was open and is now cancelled. */
  private boolean utanJobbet(long id) {
    Uppgift u = uppgifter.hitta(id).orElse(null);
    if (u == null || !uppgifter.avbryt(id)) {
      return false;
    }
    utanJobb.increment();
    log.warn(
        "Uppgift {} ({}) i process {} fanns inte längre i motorn och är markerad avbruten"
            + " (motorn återställd eller omstartad, eller processen avslutad utanför Flerpart)",
        id,
        u.elementId(),
        u.processInstansNyckel());
    return true;
  }

  private int avbruten(List<Long> tagna, int fran, Instant fore, RuntimeException e) {
    uppgifter.slappAvstamning(tagna.subList(fran, tagna.size()), fore.minusSeconds(1));
    log.warn(
        "Avstämningen av öppna uppgifter mot motorn avbröts efter {} av {}: {}",
        fran,
        tagna.size(),
        e.toString());
    return fran;
  }
}
