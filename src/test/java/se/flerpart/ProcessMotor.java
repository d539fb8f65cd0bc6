package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.client.api.response.PublishMessageResponse;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;

/**
 * What the process tests do on the in-memory engine, as the task list and the workers do it:
 * activate jobs (user tasks are jobs of type {@code io.camunda.zeebe:userTask}) and complete them.
 */
public record ProcessMotor(ZeebeClient client, ZeebeTestEngine engine, DeploymentEvent deployment) {

  public static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final Duration IDLE = Duration.ofSeconds(10);

  /** The key the engine gave a deployed form, which user-task jobs carry as formKey. */
  public String formKey(String formId) {
    return deployment.getForm().stream()
        .filter(form -> form.getFormId().equals(formId))
        .map(form -> String.valueOf(form.getFormKey()))
        .findFirst()
        .orElseThrow();
  }

  public List<ActivatedJob> aktiveraJobben(String jobType) {
    return client
        .newActivateJobsCommand()
        .jobType(jobType)
        .maxJobsToActivate(10)
        .send()
        .join()
        .getJobs();
  }

  /**
   * The active jobs of the type, asked again for up to 10 s while there are none: the engine may
   * still be creating a job when it first reports idle (a timer or a message that just fired, above
   * all on a loaded machine). For a job that should exist; to check that none does, ask once with
   * {@link #aktiveraJobben}.
   */
  public List<ActivatedJob> vantaPaJobben(String jobType) {
    return vantaPaJobben(jobType, 1);
  }

  /** As {@link #vantaPaJobben(String)}, until at least {@code antal} jobs have been activated. */
  public List<ActivatedJob> vantaPaJobben(String jobType, int antal) {
    List<ActivatedJob> jobs = new ArrayList<>(aktiveraJobben(jobType));
    // Until a deadline, not a number of tries: on a loaded machine a timer's job came after more
    // than twenty quick tries (CI fell on ArendeProcessTest so).
    long senast = System.nanoTime() + IDLE.toNanos();
    while (jobs.size() < antal && System.nanoTime() < senast) {
      try {
        engine.waitForIdleState(IDLE);
        Thread.sleep(50);
      } catch (InterruptedException | TimeoutException e) {
        throw new IllegalStateException(e);
      }
      jobs.addAll(aktiveraJobben(jobType));
    }
    return jobs;
  }

  /** The one active job of the type (waited for as {@link #vantaPaJobben} does). */
  public ActivatedJob aktiveraJobb(String jobType) {
    List<ActivatedJob> jobs = vantaPaJobben(jobType);
    assertThat(jobs)
        .as(
            () ->
                "aktiva jobb av typ "
                    + jobType
                    + "; motorns poster för dem: "
                    + jobbposter(jobType))
        .hasSize(1);
    return jobs.get(0);
  }

  /**
   * What the engine's log says of the jobs of the type (element, intent, key), for a failure's
   * message: whether a job was never created, or created and taken by something else.
   */
  private static String jobbposter(String jobType) {
    return StreamSupport.stream(BpmnAssert.getRecordStream().jobRecords().spliterator(), false)
        .filter(r -> r.getValue().getType().equals(jobType))
        .map(r -> r.getValue().getElementId() + " " + r.getIntent() + " " + r.getKey())
        .toList()
        .toString();
  }

  public ActivatedJob aktiveraAnvandaruppgift(String processId, String elementId) {
    ActivatedJob uppgift = aktiveraJobb(USER_TASK);
    BpmnAssert.assertThat(uppgift).hasElementId(elementId).hasBpmnProcessId(processId);
    return uppgift;
  }

  public void slutfor(ActivatedJob job, Map<String, Object> variabler) throws Exception {
    client.newCompleteCommand(job).variables(variabler).send().join();
    engine.waitForIdleState(IDLE);
  }

  /**
   * Publishes the message of a message start event as Flerpart does: correlated on the id that
   * {@code idVariabel} carries, with that id in the message id, kept no longer than it takes.
   */
  public PublishMessageResponse publiceraStart(
      String meddelande, String idVariabel, Map<String, Object> variabler) {
    String id = (String) variabler.get(idVariabel);
    return client
        .newPublishMessageCommand()
        .messageName(meddelande)
        .correlationKey(id)
        .messageId(meddelande + ":" + id)
        .timeToLive(Duration.ZERO)
        .variables(variabler)
        .send()
        .join();
  }

  /**
   * Starts a process through its message start event and returns the instance it created.
   *
   * @param idVariabel the variable with the id the message is correlated on, e.g. arendeId
   */
  public ProcessInstanceEvent startaMedMeddelande(
      String meddelande, String processId, String idVariabel, Map<String, Object> variabler)
      throws Exception {
    var svar = publiceraStart(meddelande, idVariabel, variabler);
    // As with jobs: the engine may report idle before it has correlated the message to the start
    // event (on a loaded machine), so it is asked again for a while.
    await()
        .atMost(IDLE)
        .pollInSameThread() // the assertions' record stream is the test thread's
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsInstanceOf(TimeoutException.class)
        .untilAsserted(
            () -> {
              engine.waitForIdleState(IDLE);
              BpmnAssert.assertThat(svar).hasCreatedProcessInstance();
            });
    return instans(processId, idVariabel, (String) variabler.get(idVariabel));
  }

  /** The one instance of the process whose variable {@code idVariabel} holds {@code id}. */
  public ProcessInstanceEvent instans(String processId, String idVariabel, String id) {
    List<Long> nycklar =
        StreamSupport.stream(BpmnAssert.getRecordStream().variableRecords().spliterator(), false)
            .filter(r -> r.getValue().getName().equals(idVariabel))
            .filter(r -> r.getValue().getValue().equals("\"" + id + "\""))
            .filter(r -> r.getValue().getScopeKey() == r.getValue().getProcessInstanceKey())
            .filter(r -> r.getValue().getBpmnProcessId().equals(processId))
            .map(r -> r.getValue().getProcessInstanceKey())
            .distinct()
            .toList();
    assertThat(nycklar).as("%s-processer med %s %s", processId, idVariabel, id).hasSize(1);
    long nyckel = nycklar.get(0);
    return new ProcessInstanceEvent() {
      @Override
      public long getProcessDefinitionKey() {
        return 0;
      }

      @Override
      public String getBpmnProcessId() {
        return processId;
      }

      @Override
      public int getVersion() {
        return 1;
      }

      @Override
      public long getProcessInstanceKey() {
        return nyckel;
      }

      @Override
      public String getTenantId() {
        return "<default>";
      }
    };
  }
}
