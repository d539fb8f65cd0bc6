package se.flerpart.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeoutException;

/** The in-memory engine of the embedded default; its clock can be moved forward for demos. */
public class EmbeddedMotor {

  private final ZeebeTestEngine engine;
  private volatile Duration framflyttad = Duration.ZERO;

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
  public Instant nu() {
    return Instant.now().plus(framflyttad);
  }

  /** The application's {@link Clock}, which follows this engine's. */
  Clock klocka() {
    return new Motorklocka(ZoneId.systemDefault());
  }

  private final class Motorklocka extends Clock {

    private final ZoneId zon;

    Motorklocka(ZoneId zon) {
      this.zon = zon;
    }

    @Override
    public ZoneId getZone() {
      return zon;
    }

    @Override
    public Clock withZone(ZoneId annan) {
      return new Motorklocka(annan);
    }

    @Override
    public Instant instant() {
      return nu();
    }
  }
}
