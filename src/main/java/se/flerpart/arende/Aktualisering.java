package se.flerpart.arende;

import java.util.List;

/**
 * A referral as it arrives from the web form, the API or a message. The referring part and
 * handläggare come from the logged-in user, never from the request.
 *
 * @param kon only used with skyddad identitet, where no personnummer tells it (KVINNA, MAN,
 *     ANNAT_OKANT)
 * @param namn the person's name and the fields after it: optional, see {@link Individ}
 * @param utbildningsniva optional code of the category table {@code utbildningsniva}
 * @param tidIOffentligForsorjning optional code of the category table {@code tid_i_forsorjning}
 * @param forsorjningStart the person's försörjning at the referral, codes of {@code forsorjning}
 */
public record Aktualisering(
    String personnummer,
    Boolean skyddadIdentitet,
    String kon,
    String insats,
    String skal,
    List<String> behov,
    Boolean bradskande,
    String namn,
    String adress,
    String telefon,
    String epost,
    String sprak,
    Boolean tolk,
    List<Individ.Narstaende> narstaende,
    Individ.GodMan godMan,
    String utbildningsniva,
    String tidIOffentligForsorjning,
    List<String> forsorjningStart) {

  /** A referral that says nothing about the person beyond the personnummer. */
  public Aktualisering(
      String personnummer,
      Boolean skyddadIdentitet,
      String kon,
      String insats,
      String skal,
      List<String> behov,
      Boolean bradskande) {
    this(
        personnummer,
        skyddadIdentitet,
        kon,
        insats,
        skal,
        behov,
        bradskande,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  Individ individ() {
    return new Individ(namn, adress, telefon, epost, sprak, tolk, narstaende, godMan);
  }
}
