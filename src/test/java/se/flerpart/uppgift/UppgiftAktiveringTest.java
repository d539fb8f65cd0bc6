package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.jobhandling.JobWorkerManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeSteg;

/**
 * An instance that activates a user-task job and dies before storing the task must not hide the
 * task: the job comes back to the living instances after the worker's short activation timeout. A
 * stored task's job is kept activated, so it does not come back while the task is open. The test
 * stops this context's workers to play the instance that died, so it has a context of its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"flerpart.demo.arenden=false", "flerpart.test.kontext=uppgiftsaktivering"})
@DirtiesContext
class UppgiftAktiveringTest {

  @LocalServerPort int port;
  @Autowired CamundaClient camunda;
  @Autowired JobWorkerManager workers;

  private List<ActivatedJob> aktivera(Duration timeout) {
    return camunda
        .newActivateJobsCommand()
        .jobType(UppgiftMottagare.TYP)
        .maxJobsToActivate(10)
        .workerName("instans-som-dor")
        .timeout(timeout)
        .send()
        .join()
        .getJobs();
  }

  @Test
  void ettJobbSomAktiveratsMenInteLagratsKommerTillListanEfterKortTid() {
    ApiKlient api = new ApiKlient(port);
    JobWorkerValue uppgifter =
        workers.findJobWorkerConfigByType(UppgiftMottagare.TYP).orElseThrow();
    Duration aktivering = uppgifter.getTimeout();
    // The service tasks' jobs (mail, SUS, reports) come back within a minute too.
    for (String typ : List.of("sus-inregistrering", "skicka-kallelse", "sammanstall-rapport")) {
      assertThat(workers.findJobWorkerConfigByType(typ).orElseThrow().getTimeout())
          .as(typ)
          .isEqualTo(Duration.ofMinutes(1));
    }
    workers.closeAllOpenWorkers();

    String id =
        api.aktualisera(
            "anna",
            ArendeSteg.aktualisering(
                "Lång sjukskrivning, behöver stöd från flera parter", List.of("FK", "AF")));
    // The instance that dies: it activates the samtycke task as the worker does, then nothing.
    List<ActivatedJob> tagna =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> aktivera(aktivering), jobb -> !jobb.isEmpty());
    assertThat(tagna)
        .singleElement()
        .satisfies(j -> assertThat(j.getElementId()).isEqualTo("inhamta-samtycke"));
    assertThat(api.hittaUppgift("anna", "mina", id, "inhamta-samtycke")).isEmpty();

    // A living instance's worker; after the activation timeout the job reaches it.
    workers.openWorker(camunda, uppgifter);
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT2M")).status())
        .isEqualTo(200);
    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");

    // Stored: its job stays activated while the task is open, also well past that timeout.
    workers.closeAllOpenWorkers();
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT30M")).status())
        .isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(aktivera(Duration.ofMinutes(1))).isEmpty();
    }
  }
}
