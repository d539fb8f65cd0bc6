package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine starts with its log in synchronized collections (an {@code ArrayList} read
 * while written once killed its stream processor), and processes commands as before.
 */
class MotorloggSynkroniseringTest {

  @Test
  void denInbyggdaMotornsLoggArSynkroniseradOchMotornArbetar() throws Exception {
    int port;
    try (java.net.ServerSocket ledig = new java.net.ServerSocket(0)) {
      port = ledig.getLocalPort();
    }
    ZeebeTestEngine engine = EmbeddedStack.startaMotor(port);
    try {
      Object lagring =
          MotorloggSynkronisering.falt(
              MotorloggSynkronisering.falt(engine, "logStream"), "logStorage");
      assertThat(MotorloggSynkronisering.falt(lagring, "logEntries"))
          .isInstanceOf(List.class)
          .hasSameClassAs(Collections.synchronizedList(new java.util.ArrayList<>()));
      assertThat(MotorloggSynkronisering.falt(lagring, "commitListeners"))
          .isInstanceOf(Set.class)
          .hasSameClassAs(ConcurrentHashMap.newKeySet())
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(Object.class))
          .isNotEmpty();

      try (ZeebeClient client = engine.createClient()) {
        client
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess("logg").startEvent().endEvent().done(), "logg.bpmn")
            .send()
            .join(10, java.util.concurrent.TimeUnit.SECONDS);
        for (int i = 0; i < 200; i++) {
          assertThat(
                  client
                      .newCreateInstanceCommand()
                      .bpmnProcessId("logg")
                      .latestVersion()
                      .withResult()
                      .requestTimeout(Duration.ofSeconds(10))
                      .send()
                      .join()
                      .getProcessInstanceKey())
              .isPositive();
        }
      }
    } finally {
      engine.stop();
    }
  }
}
