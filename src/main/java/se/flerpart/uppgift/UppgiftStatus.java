package se.flerpart.uppgift;

public enum UppgiftStatus {
  /** Waiting for someone to do it. */
  OPPEN,
  /** The form is stored; the engine has not yet confirmed the completion. */
  INSKICKAD,
  SLUTFORD,
  /** The process no longer waits for it (case closed, consent withdrawn…). */
  AVBRUTEN
}
