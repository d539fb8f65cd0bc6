package se.flerpart.process;

import java.time.Duration;
import java.util.Map;

/**
 * A message to the processes: its name, the correlation key it is matched on, and an id that makes
 * a repeated publication of the same message harmless.
 *
 * @param livslangd how long the engine keeps it when no process waits for it yet; zero for a
 *     message start event, so a repeat while the first instance runs creates nothing
 */
public record Processmeddelande(
    String namn,
    String korrelationsnyckel,
    String meddelandeId,
    Duration livslangd,
    Map<String, Object> variabler) {}
