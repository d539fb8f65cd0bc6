package se.flerpart.mote;

import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.flerpart.embedded.EmbeddedMotor;

/**
 * "Now" as the process timers see it. The embedded engine's clock can be moved forward for a demo;
 * meeting times, reminders and answer links then follow it, so a moved clock never fires a timer
 * for a meeting that Flerpart still thinks lies ahead. Against a real cluster it is the wall clock.
 */
@Component
public class Processklocka {

  private final ObjectProvider<EmbeddedMotor> motor;

  public Processklocka(ObjectProvider<EmbeddedMotor> motor) {
    this.motor = motor;
  }

  public Instant nu() {
    EmbeddedMotor embedded = motor.getIfAvailable();
    return embedded == null ? Instant.now() : embedded.nu();
  }
}
