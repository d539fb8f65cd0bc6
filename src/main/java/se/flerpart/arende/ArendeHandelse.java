package se.flerpart.arende;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to a case that the parties' own systems hear of. Carries ids, codes,
 * parts, statuses and dates only — never a personnummer, a name or free text — because it is kept
 * in the event publication registry and leaves Flerpart on Kafka.
 */
public interface ArendeHandelse {

  UUID arendeId();

  String arendenummer();

  Instant tidpunkt();

  /** The event's name as the parties' systems read it, e.g. {@code arende.avslutat}. */
  String typ();
}
