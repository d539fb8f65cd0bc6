package se.flerpart.embedded;

import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.List;

/**
 * Keeps the in-memory engine's batch-operation scheduler from reading the engine state while the
 * stream processor writes it.
 *
 * <p>The scheduler ({@code BatchOperationExecutionScheduler}) looks for pending batch operations
 * every second, as a task on an actor of its own ({@code BatchOperationActor}). The in-memory
 * engine's store has no locking between actors: its iterator copies the whole state, and when the
 * stream processor commits during that copy the scheduler fails with a {@code
 * ConcurrentModificationException}. Under load with clock moves this happened several times a
 * minute, and it once left the engine taking no commands. Flerpart starts no batch operations (they
 * need Camunda's search store, which the in-memory engine does not have), so the scheduler's
 * interval is set, before the engine starts, to {@link #INTERVALL}: it first looks after that long,
 * which no clock move of a demo reaches. A Camunda 8 cluster keeps its state in RocksDB and is not
 * touched by this.
 */
final class MotorBatchoperationer {

  /** Ten years: longer than any clock move, and far from a nanosecond overflow. */
  static final Duration INTERVALL = Duration.ofDays(3653);

  private MotorBatchoperationer() {}

  /**
   * Before {@code engine.start()}: true when the scheduler's interval is now {@link #INTERVALL},
   * false (with a warning) when this engine version is built differently.
   */
  static boolean stangAv(ZeebeTestEngine engine) {
    return MotorloggSynkronisering.ingrepp(
        "Den inbyggda motorns schemaläggare för batchoperationer kunde inte stängas av ({}); den"
            + " kan ge ConcurrentModificationException under last",
        () -> {
          Object processor = MotorloggSynkronisering.falt(engine, "streamProcessor");
          List<?> processorer =
              (List<?>) MotorloggSynkronisering.falt(processor, "recordProcessors");
          int satta = 0;
          for (Object p : processorer) {
            if (p instanceof Engine motor) {
              ((EngineConfiguration) MotorloggSynkronisering.falt(motor, "config"))
                  .setBatchOperationSchedulerInterval(INTERVALL);
              satta++;
            }
          }
          if (satta == 0) {
            throw new IllegalStateException("ingen Engine bland strömprocessorns processorer");
          }
        });
  }
}
