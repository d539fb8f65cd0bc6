package se.flerpart.mote;

/** Why someone is called to a flerpartsmöte. Only a professional represents a part. */
public enum Roll {
  PROFESSIONELL("Yrkesperson"),
  INDIVID("Individen"),
  NARSTAENDE("Närstående"),
  GOD_MAN("God man");

  private final String text;

  Roll(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
