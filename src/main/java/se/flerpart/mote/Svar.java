package se.flerpart.mote;

/** An invitee's answer to a kallelse (message {@code kallelsesvar}). */
public enum Svar {
  ACCEPTERAR("Kommer"),
  AVBOJER("Avböjer"),
  ERSATTARE("Skickar ersättare");

  private final String text;

  Svar(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
