package se.flerpart.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** The in-memory engine of the embedded default; its clock can be moved forward for demos. */
public class EmbeddedMotor {

  private final ZeebeTestEngine engine;
  private Duration framflyttad = Duration.ZERO;

  EmbeddedMotor(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  /** Moves the engine clock forward; every BPMN timer that falls due fires. */
  public synchronized void flyttaKlockanFram(Duration fram) {
    engine.increaseTime(fram);
    framflyttad = framflyttad.plus(fram);
    try {
      engine.waitForIdleState(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      // The engine keeps working; timers that fired are processed shortly.
    }
  }

  /** The engine's time: the wall clock plus how far it has been moved. */
  public synchronized java.time.Instant nu() {
    return java.time.Instant.now().plus(framflyttad);
  }
}
