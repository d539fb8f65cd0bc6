package se.flerpart.mote;

public enum MoteStatus {
  /** Kallelsen är skickad; svar samlas in fram till mötet. */
  PLANERAT("Planerat"),
  INSTALLT("Inställt"),
  /** Ordföranden har registrerat närvaro, plan och anteckningar. */
  GENOMFORT("Genomfört");

  private final String text;

  MoteStatus(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
