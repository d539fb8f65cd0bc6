package se.flerpart.uppgift;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.process.Processmodeller;

/**
 * Takes the engine's user tasks (jobs of type {@code io.camunda.zeebe:userTask}) into the task
 * list. A job is activated for {@link #AKTIVERING} only: an instance that dies between activating
 * it and storing the task leaves it to come back to any instance that soon. Once the task is stored
 * the job's timeout is extended to {@code flerpart.uppgift.jobb-tidsgrans}, so it stays activated
 * until the task is completed; if it still times out and comes back, an open stored task is kept as
 * it is. A task stored as completed whose job comes back has a completion the engine never got (the
 * engine was restored from a backup older than it): it goes back to {@link
 * UppgiftStatus#INSKICKAD}, and the retry sends its stored answer again, so the case does not stand
 * still. A job that comes with the key of another stored task (an engine restored or restarted
 * behind the database gives out its keys again) is counted and logged; the stale task is cancelled
 * and moved out of the key's way, and the job stored under it. Public because the Camunda client
 * calls its job worker reflectively.
 */
@Component
public class UppgiftMottagare {

  static final String TYP = "io.camunda.zeebe:userTask";

  /** How long a job activated but not yet stored stays with the instance that took it. */
  static final Duration AKTIVERING = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(UppgiftMottagare.class);

  private final UppgiftRepository uppgifter;
  private final CamundaClient camunda;
  private final Processmodeller modeller;
  private final ObjectMapper json;

  private final Clock klocka;

  /** How long a stored task's job stays activated; renewed if it ever comes back. */
  private final Duration lagrad;

  private final Counter skickadeIgen;

  private final Counter nycklarIgen;

  private final TransactionTemplate transaktion;

  UppgiftMottagare(
      UppgiftRepository uppgifter,
      CamundaClient camunda,
      Processmodeller modeller,
      ObjectMapper json,
      Clock klocka,
      MeterRegistry registry,
      TransactionTemplate transaktion,
      @Value("${flerpart.uppgift.jobb-tidsgrans}") Duration lagrad) {
    if (lagrad.compareTo(AKTIVERING) <= 0) {
      throw new IllegalArgumentException(
          "flerpart.uppgift.jobb-tidsgrans måste vara längre än " + AKTIVERING + ", var " + lagrad);
    }
    this.lagrad = lagrad;
    this.skickadeIgen =
        Counter.builder("flerpart.uppgifter.skickade.igen")
            .description(
                "Slutförda uppgifter vars jobb kom tillbaka från motorn, så att svaret skickas igen")
            .register(registry);
    this.nycklarIgen =
        Counter.builder("flerpart.uppgifter.nycklar.igen")
            .description(
                "Uppgiftsjobb som motorn gav en nyckel som en annan, sparad uppgift redan hade"
                    + " (motorn äldre än databasen); den gamla uppgiften fick ett eget id")
            .register(registry);
    this.klocka = klocka;
    this.transaktion = transaktion;
    this.camunda = camunda;
    this.uppgifter = uppgifter;
    this.modeller = modeller;
    this.json = json;
  }

  @JobWorker(type = TYP, autoComplete = false, timeout = 60L * 1000, fetchAllVariables = true)
  public void taEmot(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> variabler = new HashMap<>(job.getVariablesAsMap());
    Object arendeId = variabler.get("arendeId");
    Uppgift uppgift =
        new Uppgift(
            job.getKey(),
            job.getElementInstanceKey(),
            job.getProcessInstanceKey(),
            job.getBpmnProcessId(),
            job.getElementId(),
            modeller.namn(job.getBpmnProcessId(), job.getElementId()),
            arendeId == null ? null : UUID.fromString(arendeId.toString()),
            job.getElementId(),
            blank(headers.get("io.camunda.zeebe:assignee")),
            grupper(headers.get("io.camunda.zeebe:candidateGroups")),
            datum(headers.get("io.camunda.zeebe:dueDate")),
            variabler,
            UppgiftStatus.OPPEN,
            klocka.instant(),
            null,
            null,
            null);
    if (uppgifter.skapaOmNy(uppgift)) {
      nyUppgift(uppgift);
    } else {
      // The job came back (its activation timed out): one question tells whether the stored task
      // is this job's, and how it stands.
      var lagradStatus = uppgifter.sammaJobbetsStatus(uppgift);
      if (lagradStatus.isEmpty()) {
        if (annatJobbsNyckel(uppgift)) {
          nyUppgift(uppgift);
          forlang(job.getKey());
        }
        return;
      }
      if (lagradStatus.get() == UppgiftStatus.SLUTFORD && uppgifter.skickaIgenOmSlutford(uppgift)) {
        skickadeIgen.increment();
        log.warn(
            "Uppgift {} ({}) i process {} var slutförd men motorn väntar fortfarande på den; det"
                + " sparade svaret skickas igen",
            uppgift.id(),
            uppgift.elementId(),
            job.getProcessInstanceKey());
      }
    }
    forlang(job.getKey());
  }

  private void nyUppgift(Uppgift uppgift) {
    log.info(
        "Ny uppgift {} ({}) i process {}",
        uppgift.id(),
        uppgift.elementId(),
        uppgift.processInstansNyckel());
  }

  /**
   * The engine gave out this job's key again, to another job: it was restored or restarted and is
   * older than the database. The stored row is from its earlier state, and its own job is gone: in
   * one transaction it is cancelled if it was still to be done or sent, so that its answer can
   * never complete this other job, moved to an id of its own, and the job stored under its key.
   * True when the job is stored now; false when the key turned out to be this job's after all (an
   * instance that took the job before did the same just now), and the job comes back as any job.
   * Package-private for the test of two instances doing this at once.
   */
  boolean annatJobbsNyckel(Uppgift uppgift) {
    UppgiftRepository.Flyttad flyttad =
        transaktion.execute(
            t -> {
              var undan = uppgifter.flyttaUndan(uppgift);
              if (undan.isPresent() && !uppgifter.skapaOmNy(uppgift)) {
                // Stored under the key meanwhile: nothing is moved, the job comes back as any job.
                t.setRollbackOnly();
                return null;
              }
              return undan.orElse(null);
            });
    if (flyttad == null) {
      return false;
    }
    nycklarIgen.increment();
    log.error(
        "Motorn gav ut nyckeln {} igen, till ett annat jobb ({} i process {}): uppgiften som var"
            + " sparad under den från motorns tidigare tillstånd{} har nu id {}, och den nya"
            + " uppgiften är sparad under nyckeln. Motorn och databasen är från olika tidpunkter"
            + " (återställda eller omstartade var för sig).",
        uppgift.id(),
        uppgift.elementId(),
        uppgift.processInstansNyckel(),
        flyttad.avbruten() ? " är avbruten och" : "",
        flyttad.id());
    return true;
  }

  /**
   * The task is stored: keep the job activated while it is open (or until its stored answer has
   * been sent). If this fails (the engine is away), the job comes back after {@link #AKTIVERING},
   * finds the task stored and tries again.
   */
  private void forlang(long jobbnyckel) {
    try {
      camunda.newUpdateTimeoutCommand(jobbnyckel).timeout(lagrad).send().join();
    } catch (RuntimeException e) {
      log.warn("Uppgiftsjobbet {} fick inte längre tidsgräns: {}", jobbnyckel, e.getMessage());
    }
  }

  private List<String> grupper(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(header, new TypeReference<List<String>>() {});
    } catch (Exception e) {
      return List.of(header.split("\\s*,\\s*"));
    }
  }

  private static Instant datum(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      // The engine writes e.g. 2026-12-07T06:31:53.368Z[Etc/UTC]: a zoned date-time.
      return ZonedDateTime.parse(header, DateTimeFormatter.ISO_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
