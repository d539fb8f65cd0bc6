package se.flerpart.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.flerpart.ProcessMotor;
import se.flerpart.ProcesstestIEgenJvmTest;

/** Processen {@code avvikelserapport}: varje månad och när processledaren begär den. */
@ZeebeProcessTest
@Tag(ProcesstestIEgenJvmTest.TAGG)
class AvvikelserapportProcessTest {

  private static final String JOBB = "skicka-avvikelserapport";
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessMotor motor;

  @BeforeEach
  void deploy() {
    var deployment =
        client
            .newDeployResourceCommand()
            .addResourceFile("processes/avvikelserapport.bpmn")
            .send()
            .join();
    BpmnAssert.assertThat(deployment).containsProcessesByBpmnProcessId("avvikelserapport");
    motor = new ProcessMotor(client, engine, deployment);
  }

  @Test
  @DisplayName(
      "Givet att en rapportperiod avslutas, så skickas avvikelserapporten den första i månaden"
          + " kl. 06 och inte däremellan")
  void skickasDenForstaVarjeManad() throws Exception {
    assertThat(aktivera()).isEmpty();
    ZonedDateTime nu = ZonedDateTime.now(ZoneId.systemDefault());
    ZonedDateTime forsta = nu.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).withHour(6);
    if (!forsta.isAfter(nu)) {
      forsta = forsta.plusMonths(1);
    }

    flyttaKlockan(Duration.between(nu, forsta).minusMinutes(5));
    assertThat(aktivera()).as("ingen rapport före den första").isEmpty();
    flyttaKlockan(Duration.ofMinutes(10));
    List<ActivatedJob> jobb = motor.vantaPaJobben(JOBB);
    assertThat(jobb).hasSize(1);
    BpmnAssert.assertThat(jobb.get(0))
        .hasElementId("skicka-avvikelserapport")
        .hasBpmnProcessId("avvikelserapport");
    // The engine's time when the task was entered: with the job's key, the report's idempotency
    // key, which an engine that gives out its keys again does not repeat.
    Object aktiverad = jobb.get(0).getVariablesAsMap().get("aktiverad");
    assertThat(aktiverad).asString().startsWith(forsta.toLocalDate().toString());
    slutfor(jobb.get(0));

    ZonedDateTime nasta = forsta.plusMonths(1);
    flyttaKlockan(Duration.between(forsta, nasta).minusMinutes(10));
    assertThat(aktivera()).as("ingen ny rapport under månaden").isEmpty();
    flyttaKlockan(Duration.ofMinutes(10));
    List<ActivatedJob> nastaJobb = motor.vantaPaJobben(JOBB);
    assertThat(nastaJobb).hasSize(1);
    assertThat(nastaJobb.get(0).getVariablesAsMap().get("aktiverad"))
        .asString()
        .startsWith(nasta.toLocalDate().toString());
  }

  @Test
  @DisplayName("Givet att processledaren begär rapporten, så skickas den direkt")
  void skickasNarDenBegars() throws Exception {
    var instans =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("avvikelserapport")
            .latestVersion()
            .send()
            .join();
    engine.waitForIdleState(IDLE_TIMEOUT);

    List<ActivatedJob> jobb = motor.vantaPaJobben(JOBB);
    assertThat(jobb).hasSize(1);
    slutfor(jobb.get(0));

    BpmnAssert.assertThat(instans)
        .hasPassedElementsInOrder(
            "rapport-begard",
            "rapport-ska-skickas",
            "skicka-avvikelserapport",
            "avvikelserapport-skickad")
        .isCompleted()
        .hasNoIncidents();
  }

  private void flyttaKlockan(Duration tid) throws Exception {
    engine.increaseTime(tid);
    engine.waitForIdleState(IDLE_TIMEOUT);
  }

  /** The report jobs there are now; to check that there are none. */
  private List<ActivatedJob> aktivera() {
    return motor.aktiveraJobben(JOBB);
  }

  private void slutfor(ActivatedJob job) throws Exception {
    client.newCompleteCommand(job).send().join();
    engine.waitForIdleState(IDLE_TIMEOUT);
  }
}
