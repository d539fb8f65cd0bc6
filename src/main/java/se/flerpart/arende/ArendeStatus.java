package se.flerpart.arende;

/** Where a case stands, as the people working with it say it. */
public enum ArendeStatus {
  SAMTYCKE("Samtycke inhämtas", false),
  BEREDNING("Under beredning", false),
  KOMPLETTERING("Komplettering begärd", false),
  PAGAENDE("Pågående", false),
  MOTE_PLANERAT("Flerpartsmöte planerat", false),
  PLAN_UPPRATTAD("Gemensam plan upprättad", false),
  AVSLUTAT_SAMTYCKE_SAKNAS("Avslutad – samtycke saknas", true),
  EJ_BEVILJAT("Ej beviljat i beredning", true),
  HANVISAT("Hänvisat till annan insats", true),
  AVSLUTAT("Avslutat", true),
  AVBRUTET_SAMTYCKE_ATERKALLAT("Avbrutet – samtycke återkallat", true),
  AVBRUTET("Avbrutet", true);

  private final String text;
  private final boolean avslutad;

  ArendeStatus(String text, boolean avslutad) {
    this.text = text;
    this.avslutad = avslutad;
  }

  public String text() {
    return text;
  }

  public boolean avslutad() {
    return avslutad;
  }
}
