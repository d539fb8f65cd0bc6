package se.flerpart.gallring;

import java.util.UUID;

/**
 * A module that keeps personal data of a case: names, contact details, free text, the personnummer
 * or anything derived from them. The gallring job calls every such module for a case whose time has
 * come, in one transaction, so that each removes what it keeps in its own tables and the case is
 * either gallrat everywhere or nowhere. What is anonymous (codes, parts, dates, counts) stays.
 */
public interface Gallringsbar {

  /**
   * Removes the case's personal data from this module's tables. Runs in the caller's transaction
   * and must be harmless when run again for the same case.
   */
  void gallra(UUID arendeId);
}
