package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded engine's clock and what the benchmark reads from its record stream. */
class EmbeddedMotorTest {

  private ZeebeTestEngine engine;
  private ZeebeClient klient;
  private EmbeddedMotor motor;

  @BeforeEach
  void starta() {
    engine = EmbeddedStack.startaMotor();
    klient = engine.createClient();
    motor = new EmbeddedMotor(engine);
    TjansterTest.driftsattProv(klient);
  }

  @AfterEach
  void stoppa() {
    klient.close();
    engine.stop();
  }

  @Test
  @DisplayName(
      "Ett jobbs skapelsetid ur motorns logg ligger på samma klocka som nu(), också efter att"
          + " klockan flyttats fram")
  void jobbSkapadePaMotornsKlocka() throws Exception {
    long fore = motor.nu().toEpochMilli();
    long forsta = nyttJobb();
    long efter = motor.nu().toEpochMilli();

    motor.flyttaKlockanFram(Duration.ofHours(1));
    long foreAndra = motor.nu().toEpochMilli();
    long andra = nyttJobb();
    long efterAndra = motor.nu().toEpochMilli();

    Map<Long, Instant> skapade = motor.jobbSkapade(List.of(forsta, andra, 424242L));
    assertThat(andra).isNotEqualTo(forsta);
    assertThat(skapade).containsOnlyKeys(forsta, andra);
    assertThat(skapade.get(forsta).toEpochMilli()).isBetween(fore, efter);
    assertThat(skapade.get(andra).toEpochMilli()).isBetween(foreAndra, efterAndra);
    assertThat(foreAndra - efter).isGreaterThanOrEqualTo(Duration.ofHours(1).toMillis());
    assertThat(motor.jobbSkapade(List.of())).isEmpty();
  }

  @Test
  @DisplayName(
      "Loggen läses post för post utan att motorns postström behåller något, med bara de"
          + " värdetyper som efterfrågas och samma poster som postströmmen")
  void loggenLasesUtanAttNagotBehalls() throws Exception {
    nyttJobb();
    nyttJobb();
    List<Record<?>> jobb = new ArrayList<>();
    List<Record<?>> alla = new ArrayList<>();
    EmbeddedMotor.lasLoggen(engine, Set.of(ValueType.JOB), jobb::clear, jobb::add);
    EmbeddedMotor.lasLoggen(engine, EnumSet.allOf(ValueType.class), alla::clear, alla::add);

    Object strom = engine.getRecordStreamSource();
    assertThat((List<?>) MotorloggSynkronisering.falt(strom, "records"))
        .as("motorns postström har inte läst (och behållit) något")
        .isEmpty();
    assertThat(jobb).isNotEmpty().allMatch(r -> r.getValueType() == ValueType.JOB);
    assertThat(jobb).extracting(Record::getIntent).contains(JobIntent.CREATED, JobIntent.COMPLETED);
    assertThat(alla.size()).isGreaterThan(jobb.size());

    List<Record<?>> strommens = new ArrayList<>();
    engine.getRecordStreamSource().getRecords().forEach(strommens::add);
    assertThat(alla)
        .extracting(Record::getPosition, Record::getKey, Record::getIntent, Record::getTimestamp)
        .containsExactlyElementsOf(
            strommens.subList(0, alla.size()).stream()
                .map(r -> tuple(r.getPosition(), r.getKey(), r.getIntent(), r.getTimestamp()))
                .toList());
    assertThat(jobb.get(0).getValue())
        .isEqualTo(
            strommens.stream()
                .filter(r -> r.getPosition() == jobb.get(0).getPosition())
                .findFirst()
                .orElseThrow()
                .getValue());
  }

  @Test
  @DisplayName("Motorns poster räknas per slag: två jobb skapade och slutförda ger två av varje")
  void posterRaknasPerSlag() throws Exception {
    nyttJobb();
    nyttJobb();
    Map<String, Long> slag = motor.posterPerSlag();
    assertThat(slag)
        .containsEntry("EVENT JOB.CREATED", 2L)
        .containsEntry("COMMAND JOB.COMPLETE", 2L)
        .containsEntry("EVENT JOB.COMPLETED", 2L)
        .containsEntry("COMMAND PROCESS_INSTANCE_CREATION.CREATE", 2L);
    List<Record<?>> alla = new ArrayList<>();
    EmbeddedMotor.lasLoggen(engine, EnumSet.allOf(ValueType.class), alla::clear, alla::add);
    assertThat(slag.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(alla.size());
  }

  /**
   * Starts an instance and returns the key of its user-task job, taken and completed at once (so
   * that the clock's move cannot time it out and hand it out again).
   */
  private long nyttJobb() throws Exception {
    klient.newCreateInstanceCommand().bpmnProcessId("prov").latestVersion().send().join();
    for (int forsok = 0; forsok < 100; forsok++) {
      List<ActivatedJob> jobb =
          klient
              .newActivateJobsCommand()
              .jobType("io.camunda.zeebe:userTask")
              .maxJobsToActivate(1)
              .requestTimeout(Duration.ofSeconds(5))
              .send()
              .join()
              .getJobs();
      if (!jobb.isEmpty()) {
        klient.newCompleteCommand(jobb.get(0).getKey()).send().join();
        return jobb.get(0).getKey();
      }
    }
    throw new AssertionError("Inget användaruppgiftsjobb");
  }
}
