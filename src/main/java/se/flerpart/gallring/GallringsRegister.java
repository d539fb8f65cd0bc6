package se.flerpart.gallring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The cases as the module that owns them knows them (the {@code arende} module implements it):
 * which have ended and not yet been gallrade, and the audit log of their reads.
 */
public interface GallringsRegister {

  /** A case that has ended (closed, declined, not granted, withdrawn or broken off). */
  record AvslutatArende(UUID id, String insats, Instant avslutad) {}

  /** Every ended case whose personal data is still kept. */
  List<AvslutatArende> avslutadeOgallrade();

  /**
   * Removes the audit log rows (reads of personal data) of the cases gallrade at or before {@code
   * gallradeSenast}.
   *
   * @return how many rows were removed
   */
  int gallraGranskningslogg(Instant gallradeSenast);
}
