package se.flerpart.avvikelse;

/**
 * A kind of deviation. {@code kategori} says whether it concerns a case ({@code ARENDE}) or an
 * insats ({@code INSATS}); {@code fast} codes are named in other processes' BPMN and never deleted.
 */
public record Avvikelsetyp(
    String kod,
    String namn,
    String kategori,
    String standardtext,
    boolean fast,
    boolean aktiv,
    int ordning) {

  public static final String ARENDE = "ARENDE";
  public static final String INSATS = "INSATS";

  public boolean arInsatstyp() {
    return INSATS.equals(kategori);
  }

  public String kategoriText() {
    return arInsatstyp() ? "Insats" : "Ärende och rutin";
  }
}
