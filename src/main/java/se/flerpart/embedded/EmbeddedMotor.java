package se.flerpart.embedded;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

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

  /**
   * When the engine created each of these jobs, in its own time (the timestamp of the job's {@code
   * CREATED} record, on the clock {@link #nu()} follows). A key the engine's log does not hold is
   * left out. Reads the whole log, so it is meant for measurements, not for requests.
   */
  public Map<Long, Instant> jobbSkapade(Collection<Long> nycklar) {
    Set<Long> sokta = new HashSet<>(nycklar);
    Map<Long, Instant> skapade = new HashMap<>();
    lasLoggen(
        engine,
        Set.of(ValueType.JOB),
        skapade::clear,
        r -> {
          if (r.getIntent() == JobIntent.CREATED && sokta.contains(r.getKey())) {
            skapade.put(r.getKey(), Instant.ofEpochMilli(r.getTimestamp()));
          }
        });
    return skapade;
  }

  /**
   * How many records of each kind (record type, value type and intent, e.g. {@code "COMMAND
   * JOB.COMPLETE"}) the engine's log holds: what the engine had to process. Reads the whole log, so
   * it is meant for measurements.
   */
  public Map<String, Long> posterPerSlag() {
    return posterPerSlag(engine);
  }

  /** {@link #posterPerSlag()} of any in-memory engine. */
  public static Map<String, Long> posterPerSlag(ZeebeTestEngine engine) {
    Map<String, Long> slag = new TreeMap<>();
    lasLoggen(
        engine,
        EnumSet.allOf(ValueType.class),
        slag::clear,
        r ->
            slag.merge(
                r.getRecordType() + " " + r.getValueType() + "." + r.getIntent(), 1L, Long::sum));
    return slag;
  }

  /**
   * Hands every record of the engine's log whose value type is one of {@code typer} to {@code
   * post}, from the first, each decoded on its own and then let go: reading the log holds no more
   * than one record, however long the log. (The engine's own record stream, {@code
   * getRecordStreamSource()}, keeps a decoded copy of every record it has read, of every value
   * type, for as long as the engine runs: after 6 000 cases an engine with 4 GB of heap ran out of
   * memory in its first read.) When this engine version is built differently, the record stream is
   * read instead; when the engine appends while that is read, it is read again from the start,
   * after {@code borjaOm} has undone what {@code post} gathered.
   */
  static void lasLoggen(
      ZeebeTestEngine engine, Set<ValueType> typer, Runnable borjaOm, Consumer<Record<?>> post) {
    LogStream logg = logg(engine);
    if (logg != null) {
      try (LogStreamReader lasare = logg.newLogStreamReader()) {
        lasare.seekToFirstEvent();
        RecordMetadata sokt = new RecordMetadata();
        while (lasare.hasNext()) {
          LoggedEvent handelse = lasare.next();
          sokt.reset();
          handelse.readMetadata(sokt);
          if (typer.contains(sokt.getValueType())) {
            post.accept(avkoda(handelse, logg.getPartitionId()));
          }
        }
      }
      return;
    }
    for (int forsok = 0; ; forsok++) {
      try {
        for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
          if (typer.contains(r.getValueType())) {
            post.accept(r);
          }
        }
        return;
      } catch (ConcurrentModificationException e) {
        if (forsok > 10) {
          throw e;
        }
        borjaOm.run();
      }
    }
  }

  private static Record<?> avkoda(LoggedEvent handelse, int partition) {
    RecordMetadata metadata = new RecordMetadata();
    handelse.readMetadata(metadata);
    UnifiedRecordValue varde = UnifiedRecordValue.fromValueType(metadata.getValueType());
    handelse.readValue(varde);
    return new CopiedRecord<>(
        varde,
        metadata,
        handelse.getKey(),
        partition,
        handelse.getPosition(),
        handelse.getSourceEventPosition(),
        handelse.getTimestamp());
  }

  /** The engine's log stream, or null (with a warning) when this version keeps it elsewhere. */
  private static LogStream logg(ZeebeTestEngine engine) {
    LogStream[] logg = new LogStream[1];
    MotorloggSynkronisering.ingrepp(
        "Den inbyggda motorns logg kunde inte läsas direkt ({}); motorns postström läses i stället",
        () -> logg[0] = (LogStream) MotorloggSynkronisering.falt(engine, "logStream"));
    return logg[0];
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
