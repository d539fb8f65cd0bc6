package se.flerpart.uppfoljning;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.flerpart.ProcessMotor;
import se.flerpart.ProcesstestIEgenJvmTest;

/**
 * Processen {@code uppfoljning}: väntar till planens uppföljningsdag, låter ärendebäraren följa upp
 * och upprepar tills beslutet är nytt möte eller avslut. Tiden flyttas med motorns klocka.
 */
@ZeebeProcessTest
@Tag(ProcesstestIEgenJvmTest.TAGG)
class UppfoljningProcessTest {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final Duration IDLE = Duration.ofSeconds(10);

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessMotor motor;

  @BeforeEach
  void driftsatt() {
    var deployment =
        client
            .newDeployResourceCommand()
            .addResourceFile("processes/uppfoljning.bpmn")
            .addResourceFile("forms/folj-upp-plan.form")
            .send()
            .join();
    motor = new ProcessMotor(client, engine, deployment);
  }

  private ProcessInstanceEvent starta(LocalDate datum) throws Exception {
    ProcessInstanceEvent instans =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("uppfoljning")
            .latestVersion()
            .variables(
                Map.of(
                    "arendeId", "a1",
                    "arendebarare", "anna",
                    "uppfoljningsdatum", datum.toString(),
                    "uppfoljningPaminnelse", "P7D",
                    "uppfoljningFrist", "P21D"))
            .send()
            .join();
    engine.waitForIdleState(IDLE);
    return instans;
  }

  /** The job of the type if there is one now; to check that there is none. */
  private Optional<ActivatedJob> jobb(String typ) {
    return motor.aktiveraJobben(typ).stream().findFirst();
  }

  /** The one job of the type, waited for while the engine creates it. */
  private ActivatedJob vantaPa(String typ) {
    return motor.aktiveraJobb(typ);
  }

  private void fram(Duration tid) throws Exception {
    engine.increaseTime(tid);
    engine.waitForIdleState(IDLE);
  }

  private static LocalDate idag() {
    return LocalDate.now(ZoneId.of("Europe/Stockholm"));
  }

  @Test
  void uppfoljningenVantarTillPlanensDagOchGarTillArendebararen() throws Exception {
    ProcessInstanceEvent instans = starta(idag().plusDays(10));
    BpmnAssert.assertThat(instans).isWaitingAtElements("vantar-pa-uppfoljningsdag");
    assertThat(jobb(USER_TASK)).isEmpty();

    fram(Duration.ofDays(11));
    ActivatedJob uppgift = vantaPa(USER_TASK);
    assertThat(uppgift.getElementId()).isEqualTo("folj-upp-plan");
    assertThat(uppgift.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "anna");
  }

  @Test
  void uppfoljningsdagenFlyttasMedanProcessenVantarPaDen() throws Exception {
    ProcessInstanceEvent instans = starta(idag().plusDays(10));
    BpmnAssert.assertThat(instans).isWaitingAtElements("vantar-pa-uppfoljningsdag");

    client
        .newPublishMessageCommand()
        .messageName("uppfoljning-flyttad")
        .correlationKey("a1")
        .variables(Map.of("uppfoljningsdatum", idag().plusDays(40).toString()))
        .send()
        .join();
    engine.waitForIdleState(IDLE);
    BpmnAssert.assertThat(instans)
        .hasPassedElement("uppfoljningsdag-flyttad")
        .isWaitingAtElements("vantar-pa-uppfoljningsdag")
        .hasVariableWithValue("uppfoljningsdatum", idag().plusDays(40).toString());

    fram(Duration.ofDays(11));
    assertThat(jobb(USER_TASK)).as("inte på den gamla dagen").isEmpty();
    fram(Duration.ofDays(30));
    assertThat(vantaPa(USER_TASK).getElementId()).isEqualTo("folj-upp-plan");
  }

  @Test
  void fortsattPlanerarEnNyUppfoljningPaDetNyaDatumet() throws Exception {
    ProcessInstanceEvent instans = starta(idag().minusDays(1));
    fram(Duration.ofMinutes(1));
    ActivatedJob forsta = vantaPa(USER_TASK);
    client
        .newCompleteCommand(forsta)
        .variables(
            Map.of("uppfoljningsbeslut", "FORTSATT", "nyttDatum", idag().plusDays(30).toString()))
        .send()
        .join();
    engine.waitForIdleState(IDLE);
    BpmnAssert.assertThat(instans)
        .hasPassedElement("ny-uppfoljning-planerad")
        .isWaitingAtElements("vantar-pa-uppfoljningsdag");
    BpmnAssert.assertThat(instans)
        .hasVariableWithValue("uppfoljningsdatum", idag().plusDays(30).toString());

    fram(Duration.ofDays(20));
    assertThat(jobb(USER_TASK)).isEmpty();
    fram(Duration.ofDays(11));
    assertThat(vantaPa(USER_TASK).getElementId()).isEqualTo("folj-upp-plan");
  }

  @Test
  void nyttMoteOchAvslutAvslutarUppfoljningenMedBeslutet() throws Exception {
    for (var fall :
        Map.of("NYTT_MOTE", "nytt-mote-begart", "AVSLUTA", "avslut-beslutat").entrySet()) {
      ProcessInstanceEvent instans = starta(idag().minusDays(1));
      fram(Duration.ofMinutes(1));
      fram(Duration.ofMinutes(1));
      ActivatedJob uppgift = vantaPa(USER_TASK);
      client
          .newCompleteCommand(uppgift)
          .variables(Map.of("uppfoljningsbeslut", fall.getKey()))
          .send()
          .join();
      engine.waitForIdleState(IDLE);
      BpmnAssert.assertThat(instans).hasPassedElement(fall.getValue()).isCompleted();
      BpmnAssert.assertThat(instans).hasVariableWithValue("uppfoljningsbeslut", fall.getKey());
    }
  }

  @Test
  void enForsenadUppfoljningGerPaminnelseOchSedanAvvikelse() throws Exception {
    // A follow-up day already passed: the task is created at once, and its deadlines count from
    // now.
    ProcessInstanceEvent instans = starta(idag().minusDays(1));
    fram(Duration.ofMinutes(1));
    assertThat(vantaPa(USER_TASK).getElementId()).isEqualTo("folj-upp-plan");

    fram(Duration.ofDays(6));
    assertThat(jobb("skicka-paminnelse")).isEmpty();
    fram(Duration.ofDays(2));
    ActivatedJob paminnelse = vantaPa("skicka-paminnelse");
    assertThat(paminnelse.getCustomHeaders()).containsEntry("avser", "uppfoljning");
    client.newCompleteCommand(paminnelse).send().join();
    assertThat(jobb("registrera-avvikelse")).isEmpty();

    fram(Duration.ofDays(14));
    ActivatedJob avvikelse = vantaPa("registrera-avvikelse");
    assertThat(avvikelse.getCustomHeaders()).containsEntry("typ", "TIDSFRIST_OVERSKRIDEN");
    assertThat(avvikelse.getVariablesAsMap())
        .containsEntry("arendeId", "a1")
        .containsKey("avvikelseBeskrivning");
    client.newCompleteCommand(avvikelse).send().join();
    engine.waitForIdleState(IDLE);
    BpmnAssert.assertThat(instans)
        .hasPassedElementsInOrder("uppfoljning-forsenad", "tidsfrist-overskriden")
        .isWaitingAtElements("folj-upp-plan");
  }
}
