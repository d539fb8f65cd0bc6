package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine starts with its log in synchronized collections (an {@code ArrayList} read
 * while written once killed its stream processor), and processes commands as before.
 */
class MotorloggSynkroniseringTest {

  /** The instances the test creates. */
  private static final int ANTAL = 200;

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
        // The instances are created without withResult(): the test engine's response writer can
        // fail to serialize a ProcessInstanceResultRecord under load and then never answers, which
        // is a flaw of the test engine, not what this test is about. Completion is read from the
        // log. Answers lost to another engine of this JVM are counted, not failed on
        // (ForloradeSvar); every answered instance, also those created after a lost answer, must
        // complete: the engine keeps taking commands.
        Set<Long> skapade = new java.util.HashSet<>();
        int utanSvar = 0;
        for (int i = 0; i < ANTAL; i++) {
          OptionalLong nyckel = ForloradeSvar.skapa(client, "logg");
          if (nyckel.isPresent()) {
            assertThat(nyckel.getAsLong()).isPositive();
            skapade.add(nyckel.getAsLong());
          } else {
            utanSvar++;
          }
        }
        assertThat(utanSvar).as("svar som en annan motor i JVM:en skrev över").isLessThan(10);
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(avslutade(engine)).containsAll(skapade));
      }
    } finally {
      engine.stop();
    }
  }

  /** The process instances the engine has completed, read from its log. */
  private static Set<Long> avslutade(ZeebeTestEngine engine) {
    Set<Long> klara = new java.util.HashSet<>();
    for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
      if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getBpmnElementType() == BpmnElementType.PROCESS) {
        klara.add(v.getProcessInstanceKey());
      }
    }
    return klara;
  }
}
