package se.flerpart.statistik;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.flerpart.ProcessMotor;
import se.flerpart.ProcesstestIEgenJvmTest;

/**
 * Processen {@code uppfoljningsrapport}: varje kvartal och när processledaren begär den;
 * sammanställs, granskas och skickas när den är godkänd, sammanställs igen annars.
 */
@ZeebeProcessTest
@Tag(ProcesstestIEgenJvmTest.TAGG)
class UppfoljningsrapportProcessTest {

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
  private static final String ANVANDARUPPGIFT = "io.camunda.zeebe:userTask";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private ProcessMotor motor;

  @BeforeEach
  void deploy() {
    var deployment =
        client
            .newDeployResourceCommand()
            .addResourceFile("processes/uppfoljningsrapport.bpmn")
            .addResourceFile("forms/granska-rapport.form")
            .send()
            .join();
    BpmnAssert.assertThat(deployment).containsProcessesByBpmnProcessId("uppfoljningsrapport");
    motor = new ProcessMotor(client, engine, deployment);
  }

  @Test
  @DisplayName(
      "Givet att ett kvartal tar slut, så sammanställs rapporten den första i januari, april, juli"
          + " och oktober kl. 05 och inte däremellan")
  void sammanstallsVarjeKvartal() throws Exception {
    assertThat(aktivera("sammanstall-rapport")).isEmpty();
    ZonedDateTime nu = ZonedDateTime.now(ZoneId.systemDefault());
    ZonedDateTime kvartal = nastaKvartal(nu);

    flyttaKlockan(Duration.between(nu, kvartal).minusMinutes(5));
    assertThat(aktivera("sammanstall-rapport")).as("ingen rapport före kvartalets slut").isEmpty();
    flyttaKlockan(Duration.ofMinutes(10));
    List<ActivatedJob> jobb = motor.vantaPaJobben("sammanstall-rapport");
    assertThat(jobb).hasSize(1);
    BpmnAssert.assertThat(jobb.get(0))
        .hasElementId("sammanstall-rapport")
        .hasBpmnProcessId("uppfoljningsrapport");
    slutfor(jobb.get(0), Map.of("rapportId", 1, "fran", "2026-01-01", "till", "2026-03-31"));
    assertThat(motor.vantaPaJobben(ANVANDARUPPGIFT))
        .singleElement()
        .satisfies(u -> assertThat(u.getElementId()).isEqualTo("granska-rapport"));

    ZonedDateTime nasta = nastaKvartal(kvartal.plusMinutes(1));
    assertThat(Duration.between(kvartal, nasta).toDays()).isBetween(89L, 92L);
    flyttaKlockan(Duration.between(kvartal, nasta).minusMinutes(10));
    assertThat(aktivera("sammanstall-rapport")).as("ingen ny rapport under kvartalet").isEmpty();
    flyttaKlockan(Duration.ofMinutes(10));
    assertThat(motor.vantaPaJobben("sammanstall-rapport")).hasSize(1);
  }

  @Test
  @DisplayName(
      "Givet att processledaren begär rapporten och godkänner den, så skickas den till"
          + " styrgrupperna")
  void godkandRapportSkickas() throws Exception {
    var instans =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("uppfoljningsrapport")
            .latestVersion()
            .variables(Map.of("fran", "2026-01-01", "till", "2026-03-31"))
            .send()
            .join();
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob sammanstall = motor.aktiveraJobb("sammanstall-rapport");
    assertThat(sammanstall.getVariablesAsMap())
        .containsEntry("fran", "2026-01-01")
        .containsEntry("till", "2026-03-31")
        // The engine's time when the task was entered: with the job's key, the compilation's
        // idempotency key, which an engine that gives out its keys again does not repeat.
        .hasEntrySatisfying("aktiverad", t -> assertThat(t).asString().matches("\\d{4}-.+"));
    slutfor(sammanstall, Map.of("rapportId", 7));
    ActivatedJob granska = motor.aktiveraJobb(ANVANDARUPPGIFT);
    assertThat(granska.getElementId()).isEqualTo("granska-rapport");
    assertThat(granska.getCustomHeaders().get("io.camunda.zeebe:candidateGroups"))
        .contains("processledare");
    slutfor(granska, Map.of("granskning", "GODKAND"));
    ActivatedJob skicka = motor.aktiveraJobb("skicka-rapport");
    assertThat(skicka.getVariablesAsMap()).containsEntry("rapportId", 7);
    slutfor(skicka, Map.of());

    BpmnAssert.assertThat(instans)
        .hasPassedElementsInOrder(
            "rapport-begard",
            "rapport-ska-sammanstallas",
            "sammanstall-rapport",
            "granska-rapport",
            "rapport-godkand",
            "skicka-rapport",
            "uppfoljningsrapport-skickad")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet att processledaren inte godkänner rapporten, så sammanställs den igen och granskas"
          + " på nytt innan något skickas")
  void ejGodkandSammanstallsIgen() throws Exception {
    var instans =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("uppfoljningsrapport")
            .latestVersion()
            .send()
            .join();
    engine.waitForIdleState(IDLE_TIMEOUT);

    slutfor(
        motor.aktiveraJobb("sammanstall-rapport"),
        Map.of("rapportId", 1, "fran", "2026-07-01", "till", "2026-09-30"));
    slutfor(motor.aktiveraJobb(ANVANDARUPPGIFT), Map.of("granskning", "SAMMANSTALL_IGEN"));
    assertThat(aktivera("skicka-rapport")).isEmpty();

    ActivatedJob igen = motor.aktiveraJobb("sammanstall-rapport");
    assertThat(igen.getVariablesAsMap())
        .as("samma period som första gången")
        .containsEntry("fran", "2026-07-01")
        .containsEntry("till", "2026-09-30")
        .hasEntrySatisfying("aktiverad", t -> assertThat(t).asString().matches("\\d{4}-.+"));
    slutfor(igen, Map.of("rapportId", 2));
    slutfor(motor.aktiveraJobb(ANVANDARUPPGIFT), Map.of("granskning", "GODKAND"));
    ActivatedJob skicka = motor.aktiveraJobb("skicka-rapport");
    assertThat(skicka.getVariablesAsMap()).containsEntry("rapportId", 2);
    slutfor(skicka, Map.of());

    BpmnAssert.assertThat(instans)
        .hasPassedElementsInOrder(
            "sammanstall-rapport",
            "granska-rapport",
            "sammanstall-igen",
            "sammanstall-rapport",
            "granska-rapport",
            "godkand",
            "skicka-rapport")
        .isCompleted()
        .hasNoIncidents();
  }

  /** The next 05:00 on the first of January, April, July or October after {@code t}. */
  static ZonedDateTime nastaKvartal(ZonedDateTime t) {
    ZonedDateTime kandidat = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).withHour(5);
    kandidat = kandidat.withMonth(((kandidat.getMonthValue() - 1) / 3) * 3 + 1);
    while (!kandidat.isAfter(t)) {
      kandidat = kandidat.plusMonths(3);
    }
    return kandidat;
  }

  private void flyttaKlockan(Duration tid) throws Exception {
    engine.increaseTime(tid);
    engine.waitForIdleState(IDLE_TIMEOUT);
  }

  /** The jobs of the type there are now; to check that there are none. */
  private List<ActivatedJob> aktivera(String typ) {
    return motor.aktiveraJobben(typ);
  }

  private void slutfor(ActivatedJob job, Map<String, Object> variabler) throws Exception {
    client.newCompleteCommand(job).variables(variabler).send().join();
    engine.waitForIdleState(IDLE_TIMEOUT);
  }
}
