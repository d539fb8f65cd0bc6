package se.flerpart.avvikelse;

/**
 * An administrator added, changed or deleted a deviation type. Published inside the change's
 * transaction, so that a listener that records it (the admin log) commits or fails with it.
 *
 * @param handling {@code SKAPAD}, {@code ANDRAD} or {@code BORTTAGEN}
 * @param fore the type before the change; null when it was created
 * @param efter the type after the change; null when it was deleted
 */
public record AvvikelsetypAndrad(
    String anvandareId, String handling, Avvikelsetyp fore, Avvikelsetyp efter) {

  public static final String SKAPAD = "SKAPAD";
  public static final String ANDRAD = "ANDRAD";
  public static final String BORTTAGEN = "BORTTAGEN";

  public String kod() {
    return efter != null ? efter.kod() : fore.kod();
  }
}
