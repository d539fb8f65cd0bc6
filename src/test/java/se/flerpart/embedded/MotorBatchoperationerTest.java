package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's batch-operation scheduler no longer reads the engine state while clients
 * work and the clock is moved: before, it failed with a {@code ConcurrentModificationException}
 * (logged by the engine's actor scheduler) several times in ten seconds of this load.
 */
class MotorBatchoperationerTest {

  @Test
  void ingaFelFranMotornsAktorerUnderLastMedKlockflyttar() throws Exception {
    ListAppender<ILoggingEvent> fel = new ListAppender<>();
    Logger motorlogg = (Logger) LoggerFactory.getLogger("io.camunda.zeebe");
    fel.start();
    motorlogg.addAppender(fel);
    ZeebeTestEngine engine = EmbeddedStack.startaMotor();
    ExecutorService tradar = Executors.newFixedThreadPool(5);
    try (ZeebeClient client = engine.createClient()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("vanta")
                  .startEvent()
                  .intermediateCatchEvent("timer", t -> t.timerWithDuration("PT1H"))
                  .userTask("uppgift")
                  .endEvent()
                  .done(),
              "vanta.bpmn")
          .send()
          .join(10, TimeUnit.SECONDS);
      AtomicBoolean slut = new AtomicBoolean();
      AtomicInteger skapade = new AtomicInteger();
      // Answers lost to another engine of this JVM are counted, not failed on (ForloradeSvar):
      // what this test is about is the state read while it is written, and that the engine keeps
      // taking commands.
      AtomicInteger utanSvar = new AtomicInteger();
      List<Future<?>> arbete = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        arbete.add(
            tradar.submit(
                () -> {
                  while (!slut.get()) {
                    if (ForloradeSvar.skapa(client, "vanta").isPresent()) {
                      skapade.incrementAndGet();
                    } else {
                      utanSvar.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      arbete.add(
          tradar.submit(
              () -> {
                while (!slut.get()) {
                  engine.increaseTime(Duration.ofMinutes(90));
                  Thread.sleep(20);
                }
                return null;
              }));
      Thread.sleep(10_000);
      slut.set(true);
      for (Future<?> f : arbete) {
        f.get(30, TimeUnit.SECONDS);
      }
      assertThat(skapade.get()).isGreaterThan(100);
      assertThat(utanSvar.get()).isLessThan(skapade.get() / 10);
      // The engine's logger is shared by every engine in the JVM: in the whole suite, the engines
      // of other tests' application contexts log to it too (e.g. a job activation whose client
      // had gone). What this test is about is the state read while it is written.
      assertThat(fel.list)
          .filteredOn(h -> h.getLevel().isGreaterOrEqual(Level.ERROR))
          .filteredOn(MotorBatchoperationerTest::samtidigAndring)
          .extracting(ILoggingEvent::getFormattedMessage)
          .isEmpty();
      // The engine still takes commands.
      assertThat(ForloradeSvar.skapa(client, "vanta")).isPresent();
    } finally {
      tradar.shutdownNow();
      engine.stop();
      motorlogg.detachAppender(fel);
    }
  }

  /** Whether the event's exception, or one of its causes, is a ConcurrentModificationException. */
  private static boolean samtidigAndring(ILoggingEvent h) {
    for (IThrowableProxy t = h.getThrowableProxy(); t != null; t = t.getCause()) {
      if (ConcurrentModificationException.class.getName().equals(t.getClassName())) {
        return true;
      }
    }
    return false;
  }
}
