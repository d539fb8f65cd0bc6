package se.flerpart.arende;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import se.flerpart.web.OtillatetTecken;

/**
 * The person in the case beyond the personnummer, as entered at aktualisering and kept up to date
 * by the ärendebärare. Personal data: encrypted at rest, read only inside the consent scope, and
 * never written to a log line, an event or the case history.
 *
 * @param sprak the language the person prefers, when not Swedish
 * @param tolk whether the person needs an interpreter (in {@code sprak})
 */
public record Individ(
    String namn,
    String adress,
    String telefon,
    String epost,
    String sprak,
    Boolean tolk,
    List<Narstaende> narstaende,
    GodMan godMan) {

  public record Narstaende(String namn, String relation, String telefon, String epost) {}

  public record GodMan(String namn, String telefon, String epost) {}

  public static final Individ TOM =
      new Individ(null, null, null, null, null, false, List.of(), null);

  static final int MAX_NARSTAENDE = 10;
  private static final int MAX_NAMN = 200;
  private static final int MAX_ADRESS = 500;
  private static final int MAX_SPRAK = 100;
  private static final int MAX_RELATION = 100;
  private static final int MAX_EPOST = 254;
  private static final Pattern EPOST = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern TELEFON = Pattern.compile("^\\+?[0-9][0-9 \\-]{4,24}$");

  /** Texts stripped, blank texts and empty närstående or god man left out. */
  public Individ normaliserad() {
    List<Narstaende> n = new ArrayList<>();
    if (narstaende != null) {
      for (Narstaende x : narstaende) {
        if (x == null) {
          continue;
        }
        Narstaende r =
            new Narstaende(text(x.namn()), text(x.relation()), text(x.telefon()), text(x.epost()));
        if (r.namn() != null || r.relation() != null || r.telefon() != null || r.epost() != null) {
          n.add(r);
        }
      }
    }
    GodMan g =
        godMan == null
            ? null
            : new GodMan(text(godMan.namn()), text(godMan.telefon()), text(godMan.epost()));
    if (g != null && g.namn() == null && g.telefon() == null && g.epost() == null) {
      g = null;
    }
    return new Individ(
        text(namn),
        text(adress),
        text(telefon),
        text(epost),
        text(sprak),
        Boolean.TRUE.equals(tolk),
        List.copyOf(n),
        g);
  }

  public boolean arTom() {
    Individ n = normaliserad();
    return n.namn() == null
        && n.adress() == null
        && n.telefon() == null
        && n.epost() == null
        && n.sprak() == null
        && !n.tolk()
        && n.narstaende().isEmpty()
        && n.godMan() == null;
  }

  /**
   * Adds a Swedish message per invalid field, naming the field's label and never its value. Call on
   * a {@link #normaliserad()} person. The name is optional: the handläggare may not have it at
   * aktualisering, and the case works without it.
   */
  void validera(Map<String, String> fel) {
    langd(fel, "namn", "Namn", namn, MAX_NAMN);
    langd(fel, "adress", "Adress", adress, MAX_ADRESS);
    telefon(fel, "telefon", "Telefon", telefon);
    epost(fel, "epost", "E-post", epost);
    langd(fel, "sprak", "Språk", sprak, MAX_SPRAK);
    if (Boolean.TRUE.equals(tolk) && sprak == null) {
      fel.put("sprak", "Språk: ange vilket språk tolken ska tala");
    }
    if (narstaende.size() > MAX_NARSTAENDE) {
      fel.put("narstaende", "Närstående: högst " + MAX_NARSTAENDE + " personer");
      return;
    }
    for (int i = 0; i < narstaende.size(); i++) {
      Narstaende x = narstaende.get(i);
      String falt = "narstaende[" + i + "].";
      String etikett = "Närstående " + (i + 1) + ": ";
      if (x.namn() == null) {
        fel.put(falt + "namn", etikett + "namn saknas");
      }
      langd(fel, falt + "namn", etikett + "namn", x.namn(), MAX_NAMN);
      langd(fel, falt + "relation", etikett + "relation", x.relation(), MAX_RELATION);
      telefon(fel, falt + "telefon", etikett + "telefon", x.telefon());
      epost(fel, falt + "epost", etikett + "e-post", x.epost());
    }
    if (godMan != null) {
      if (godMan.namn() == null) {
        fel.put("godMan.namn", "God man: namn saknas");
      }
      langd(fel, "godMan.namn", "God man: namn", godMan.namn(), MAX_NAMN);
      telefon(fel, "godMan.telefon", "God man: telefon", godMan.telefon());
      epost(fel, "godMan.epost", "God man: e-post", godMan.epost());
    }
  }

  private static void langd(
      Map<String, String> fel, String falt, String etikett, String varde, int max) {
    if (varde == null) {
      return;
    }
    if (OtillatetTecken.finnsI(varde)) {
      fel.put(falt, etikett + ": " + OtillatetTecken.MEDDELANDE.toLowerCase());
    } else if (varde.length() > max) {
      fel.put(falt, etikett + ": högst " + max + " tecken");
    }
  }

  private static void telefon(Map<String, String> fel, String falt, String etikett, String varde) {
    if (varde != null && !TELEFON.matcher(varde).matches()) {
      fel.put(
          falt,
          etikett
              + ": ange bara siffror, mellanslag, bindestreck och ett inledande +, till exempel"
              + " 070-123 45 67");
    }
  }

  private static void epost(Map<String, String> fel, String falt, String etikett, String varde) {
    if (varde == null) {
      return;
    }
    if (varde.length() > MAX_EPOST
        || OtillatetTecken.finnsI(varde)
        || !EPOST.matcher(varde).matches()) {
      fel.put(falt, etikett + ": ange en giltig e-postadress, till exempel namn@exempel.se");
    }
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
