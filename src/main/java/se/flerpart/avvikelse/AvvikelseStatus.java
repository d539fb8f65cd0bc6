package se.flerpart.avvikelse;

/** Where a deviation stands (DOMAIN.md §5), as the arbetsgrupp says it. */
public enum AvvikelseStatus {
  NY("Ny"),
  UNDER_BEDOMNING("Under bedömning"),
  UNDER_ATGARD("Under åtgärd"),
  ESKALERAD("Eskalerad till styrgrupp"),
  AVSLUTAD("Avslutad");

  private final String text;

  AvvikelseStatus(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public boolean oppen() {
    return this != AVSLUTAD;
  }
}
