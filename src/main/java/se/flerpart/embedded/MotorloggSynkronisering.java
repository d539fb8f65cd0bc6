package se.flerpart.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the in-memory engine's log safe to read while it is written.
 *
 * <p>The in-memory engine keeps its log in a plain {@code ArrayList} ({@code
 * InMemoryLogStorage.logEntries}) that one actor appends to while the stream processor reads it,
 * with nothing between them. When the list grows, the reader can see the new array before the
 * entries copied into it: it reads {@code null}, and the stream processor dies with a {@code
 * NullPointerException} ("Actor StreamProcessor-1 failed in phase STARTED"). From then on every
 * command times out. Seen once in a full test run on the 2-core machine. The list (and the set of
 * commit listeners, which the writer walks while readers register) are replaced by synchronized
 * ones before the engine starts. A Camunda 8 cluster does not have this storage.
 */
final class MotorloggSynkronisering {

  private static final Logger log = LoggerFactory.getLogger(MotorloggSynkronisering.class);

  private MotorloggSynkronisering() {}

  /**
   * Before {@code engine.start()}: true when the log's list and listeners are now synchronized,
   * false (with a warning) when this engine version is built differently.
   */
  static boolean gor(ZeebeTestEngine engine) {
    return ingrepp(
        "Den inbyggda motorns logg kunde inte göras trådsäker ({}); den kan sluta fungera under"
            + " last",
        () -> {
          Object logStream = falt(engine, "logStream");
          Object lagring = falt(logStream, "logStorage");
          List<?> poster = (List<?>) falt(lagring, "logEntries");
          Set<?> lyssnare = (Set<?>) falt(lagring, "commitListeners");
          sattFalt(lagring, "logEntries", Collections.synchronizedList(new ArrayList<>(poster)));
          Set<Object> samtidiga = ConcurrentHashMap.newKeySet();
          samtidiga.addAll(lyssnare);
          sattFalt(lagring, "commitListeners", samtidiga);
        });
  }

  /**
   * A step into the in-memory engine's parts by reflection: a change before it starts, or a lookup
   * of a part ({@link EmbeddedMotor#lasLoggen} finding its log).
   */
  @FunctionalInterface
  interface Ingrepp {
    void gor() throws ReflectiveOperationException;
  }

  /**
   * Takes the step {@code ingrepp}: true when taken; false, with {@code varning} logged (its {@code
   * {}} the failure), when this engine version is built differently and the engine stays as it is.
   */
  static boolean ingrepp(String varning, Ingrepp ingrepp) {
    try {
      ingrepp.gor();
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn(varning, e.toString());
      return false;
    }
  }

  static Object falt(Object objekt, String namn) throws ReflectiveOperationException {
    Field f = hitta(objekt.getClass(), namn);
    return f.get(objekt);
  }

  static void sattFalt(Object objekt, String namn, Object varde)
      throws ReflectiveOperationException {
    hitta(objekt.getClass(), namn).set(objekt, varde);
  }

  private static Field hitta(Class<?> klass, String namn) throws NoSuchFieldException {
    for (Class<?> k = klass; k != null; k = k.getSuperclass()) {
      try {
        Field f = k.getDeclaredField(namn);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        // the superclass, then
      }
    }
    throw new NoSuchFieldException(klass.getName() + "." + namn);
  }
}
