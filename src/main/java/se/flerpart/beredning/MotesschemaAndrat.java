package se.flerpart.beredning;

/**
 * An administrator set or changed an insats' beredningsmöten. Published inside the change's
 * transaction, so that a listener that records it (the admin log) commits or fails with it.
 *
 * @param fore the schedule before; null when the insats had none
 */
public record MotesschemaAndrat(String anvandareId, Motesschema fore, Motesschema efter) {

  public String insats() {
    return efter.insats();
  }

  public String handling() {
    return fore == null ? "SKAPAD" : "ANDRAD";
  }
}
