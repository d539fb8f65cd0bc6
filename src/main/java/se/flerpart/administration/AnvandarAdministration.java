package se.flerpart.administration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.AnvandareRepository.Konto;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftRepository;
import se.flerpart.uppgift.UppgiftService;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * Users as the administrator keeps them: created without a local password (they log in through the
 * organisation's identity provider), changed, made inactive and active again, and an inactive
 * user's open tasks handed to someone else of the same part. Every change goes to the {@link
 * Adminlogg}.
 */
@Service
class AnvandarAdministration {

  static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$");
  static final Pattern EPOST = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  static final int MAX_NAMN = 200;
  static final int MAX_EPOST = 254;

  /** A work phone number: digits, spaces and hyphens, optionally a leading +. */
  static final Pattern TELEFON = Pattern.compile("^\\+?[0-9][0-9 -]{4,28}[0-9]$");

  /**
   * A new user, or the new values of one, as the form and the API send them. {@code telefon} is
   * optional: {@code null} keeps the number the user has, blank removes it.
   */
  record AnvandareIn(
      String id, String namn, String epost, String part, List<String> roller, String telefon) {}

  private final AnvandareRepository anvandare;
  private final PartRepository parter;
  private final UppgiftRepository uppgifter;
  private final UppgiftService uppgiftService;
  private final Adminlogg logg;

  AnvandarAdministration(
      AnvandareRepository anvandare,
      PartRepository parter,
      UppgiftRepository uppgifter,
      UppgiftService uppgiftService,
      Adminlogg logg) {
    this.anvandare = anvandare;
    this.parter = parter;
    this.uppgifter = uppgifter;
    this.uppgiftService = uppgiftService;
    this.logg = logg;
  }

  List<Konto> lista(Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return anvandare.allaKonton();
  }

  Konto hamta(String id, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return konto(id);
  }

  /** The user's work phone number, or an empty string when none is registered. */
  String telefon(String id, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return anvandare.telefon(id).orElse("");
  }

  @Transactional
  Konto skapa(AnvandareIn in, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Map<String, String> fel = new LinkedHashMap<>();
    String id = in.id() == null ? "" : in.id().strip();
    if (id.isEmpty()) {
      fel.put("id", "Ange ett användar-id");
    } else if (!ID.matcher(id).matches()) {
      fel.put(
          "id",
          "Id:t ska vara 2–64 tecken: bokstäver a–z, siffror, punkt, understreck, bindestreck"
              + " eller @");
    } else if (anvandare.konto(id).isPresent()) {
      fel.put("id", "Det finns redan en användare med id:t " + id);
    }
    Anvandare ny = kontrollera(id, in, null, fel);
    String telefon = telefon(in.telefon(), fel);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    anvandare.skapaUtanLosenord(ny);
    if (telefon != null && !telefon.isEmpty()) {
      anvandare.sparaTelefon(id, telefon);
    }
    Konto skapad = konto(id);
    logg.logga(vem.id(), Adminlogg.ANVANDARE, id, "SKAPAD", null, bildMedTelefon(skapad));
    return skapad;
  }

  @Transactional
  Konto andra(String id, AnvandareIn in, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Konto fore = konto(id);
    Map<String, String> fel = new LinkedHashMap<>();
    Map<String, Object> fran = bildMedTelefon(fore);
    Anvandare ny = kontrollera(id, in, fore, fel);
    String telefon = telefon(in.telefon(), fel);
    if (id.equals(vem.id()) && !ny.harRoll(Anvandare.ADMIN)) {
      fel.put("roller", "Du kan inte ta bort din egen roll som administratör");
    }
    if (!ny.harRoll(Anvandare.BEREDNINGSGRUPP) && !fore.anvandare().grupper().isEmpty()) {
      List<String> grupper =
          fore.anvandare().grupper().stream()
              .filter(g -> g.startsWith("beredning-"))
              .map(g -> g.substring("beredning-".length()))
              .sorted()
              .toList();
      if (!grupper.isEmpty()) {
        fel.put(
            "roller",
            "Användaren är medlem i beredningsgruppen för "
                + String.join(", ", grupper)
                + " och behöver rollen Beredningsgrupp; ta först bort medlemskapet");
      }
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    anvandare.uppdateraUppgifter(ny);
    if (telefon != null) {
      anvandare.sparaTelefon(id, telefon.isEmpty() ? null : telefon);
    }
    Konto efter = konto(id);
    Map<String, Object> till = bildMedTelefon(efter);
    if (!fran.equals(till)) {
      logg.logga(vem.id(), Adminlogg.ANVANDARE, id, "ANDRAD", fran, till);
    }
    return efter;
  }

  @Transactional
  Konto inaktivera(String id, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Konto fore = konto(id);
    if (id.equals(vem.id())) {
      throw new ValideringsFel("aktiv", "Du kan inte inaktivera ditt eget konto");
    }
    return sattAktiv(fore, false, vem);
  }

  @Transactional
  Konto aktivera(String id, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return sattAktiv(konto(id), true, vem);
  }

  private Konto sattAktiv(Konto fore, boolean aktiv, Anvandare vem) {
    if (fore.aktiv() == aktiv) {
      return fore;
    }
    String id = fore.anvandare().id();
    anvandare.sattAktiv(id, aktiv);
    Konto efter = konto(id);
    logg.logga(
        vem.id(),
        Adminlogg.ANVANDARE,
        id,
        aktiv ? "AKTIVERAD" : "INAKTIVERAD",
        bild(fore),
        bild(efter));
    return efter;
  }

  /** The open tasks the user holds, oldest due date first. */
  List<Uppgift> oppnaUppgifter(String id) {
    return uppgifter.oppna().stream().filter(u -> id.equals(u.tilldelad())).toList();
  }

  /** Open tasks per user, for the list: who holds how many. */
  Map<String, Integer> antalOppnaUppgifter() {
    Map<String, Integer> antal = new LinkedHashMap<>();
    for (Uppgift u : uppgifter.oppna()) {
      if (u.tilldelad() != null) {
        antal.merge(u.tilldelad(), 1, Integer::sum);
      }
    }
    return antal;
  }

  /** Who may take over the inactive user's task: active, of the same part, allowed to do it. */
  List<Anvandare> mottagare(Uppgift uppgift, Konto fran) {
    return anvandare.allaKonton().stream()
        .filter(Konto::aktiv)
        .map(Konto::anvandare)
        .filter(a -> !a.id().equals(fran.anvandare().id()))
        .filter(a -> a.part().equals(fran.anvandare().part()))
        .filter(a -> kanTa(uppgift, a))
        .sorted(Comparator.comparing(Anvandare::namn))
        .toList();
  }

  /** Hands an inactive user's open task to another active user of the same part. */
  @Transactional
  Uppgift tilldela(long uppgiftId, String till, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Uppgift u =
        uppgifter
            .hittaForUppdatering(uppgiftId)
            .orElseThrow(() -> new EjFunnen("Uppgiften finns inte."));
    if (!u.arOppen()) {
      throw new Konflikt("Uppgiften är inte längre öppen.");
    }
    Konto innehavare = u.tilldelad() == null ? null : anvandare.konto(u.tilldelad()).orElse(null);
    if (innehavare == null || innehavare.aktiv()) {
      throw new Konflikt(
          "Uppgiften är inte tilldelad en inaktiv användare; den fördelas i uppgiftslistan.");
    }
    if (till == null || till.isBlank()) {
      throw new ValideringsFel("anvandare", "Välj vem uppgiften ska gå till");
    }
    Konto mottagare =
        anvandare
            .konto(till.strip())
            .filter(Konto::aktiv)
            .orElseThrow(
                () ->
                    new ValideringsFel(
                        "anvandare",
                        "Användaren " + till.strip() + " finns inte eller är inaktiv"));
    Anvandare m = mottagare.anvandare();
    if (!m.part().equals(innehavare.anvandare().part())) {
      throw new ValideringsFel(
          "anvandare",
          m.namn()
              + " hör till "
              + anvandare.partnamn(m.part())
              + "; uppgiften ska till någon på "
              + anvandare.partnamn(innehavare.anvandare().part()));
    }
    if (!kanTa(u, m)) {
      throw new ValideringsFel(
          "anvandare",
          u.kandidatgrupper().isEmpty()
              ? m.namn() + " är inte handläggare"
              : m.namn() + " ingår inte i gruppen som uppgiften gäller");
    }
    uppgifter.tilldela(uppgiftId, m.id());
    logg.logga(
        vem.id(),
        Adminlogg.UPPGIFT,
        String.valueOf(uppgiftId),
        "TILLDELAD",
        uppgiftsbild(u, u.tilldelad()),
        uppgiftsbild(u, m.id()));
    return uppgifter.hitta(uppgiftId).orElseThrow();
  }

  /** The same rule as the task list's own: a group task to a member, another to a handläggare. */
  private boolean kanTa(Uppgift u, Anvandare a) {
    return u.kandidatgrupper().isEmpty()
        ? a.harRoll(Anvandare.HANDLAGGARE)
        : uppgiftService.arKandidat(u, a);
  }

  private Anvandare kontrollera(String id, AnvandareIn in, Konto fore, Map<String, String> fel) {
    String namn = in.namn() == null ? "" : in.namn().strip();
    if (namn.isEmpty()) {
      fel.put("namn", "Ange användarens namn");
    } else if (namn.length() > MAX_NAMN) {
      fel.put("namn", "Namnet får vara högst " + MAX_NAMN + " tecken");
    }
    String epost = in.epost() == null ? "" : in.epost().strip();
    if (epost.isEmpty()) {
      fel.put("epost", "Ange användarens e-postadress");
    } else if (epost.length() > MAX_EPOST || !EPOST.matcher(epost).matches()) {
      fel.put("epost", "Ange en giltig e-postadress, t.ex. namn@kommun.se");
    } else {
      anvandare.allaKonton().stream()
          .map(Konto::anvandare)
          .filter(a -> !a.id().equals(id))
          .filter(a -> a.epost().equalsIgnoreCase(epost))
          .findFirst()
          .ifPresent(
              a ->
                  fel.put(
                      "epost",
                      "E-postadressen används redan av "
                          + a.namn()
                          + " ("
                          + a.id()
                          + "); inloggningen känner igen användaren på den"));
    }
    String part = in.part() == null ? "" : in.part().strip();
    if (part.isEmpty()) {
      fel.put("part", "Välj användarens part");
    } else if (parter.hitta(part).isEmpty()) {
      fel.put("part", "Parten " + part + " finns inte");
    }
    Set<String> roller = new LinkedHashSet<>();
    List<String> okanda = new ArrayList<>();
    for (String r : in.roller() == null ? List.<String>of() : in.roller()) {
      if (r == null || !Roller.ALLA.containsKey(r.strip().toUpperCase(Locale.ROOT))) {
        okanda.add(String.valueOf(r));
      } else {
        roller.add(r.strip().toUpperCase(Locale.ROOT));
      }
    }
    if (!okanda.isEmpty()) {
      fel.put(
          "roller",
          "Okänd roll: "
              + String.join(", ", okanda)
              + ". Välj bland "
              + String.join(", ", Roller.ALLA.keySet()));
    } else if (roller.isEmpty()) {
      fel.put("roller", "Välj minst en roll");
    }
    return new Anvandare(
        id,
        namn,
        epost,
        part,
        Set.copyOf(roller),
        fore == null ? Set.of() : fore.anvandare().grupper());
  }

  /**
   * The phone number as it is stored: {@code null} when none was sent (keep), empty to remove, or
   * the number with its spaces evened out.
   */
  private static String telefon(String in, Map<String, String> fel) {
    if (in == null) {
      return null;
    }
    String telefon = in.strip().replaceAll("\\s+", " ");
    if (!telefon.isEmpty() && !TELEFON.matcher(telefon).matches()) {
      fel.put(
          "telefon",
          "Ange telefonnumret med siffror, mellanslag och bindestreck, gärna med + först,"
              + " t.ex. 018-727 00 00");
    }
    return telefon;
  }

  /** The admin log's picture of a user, with the phone number. */
  private Map<String, Object> bildMedTelefon(Konto k) {
    Map<String, Object> bild = bild(k);
    bild.put("telefon", anvandare.telefon(k.anvandare().id()).orElse(null));
    return bild;
  }

  private Konto konto(String id) {
    return anvandare.konto(id).orElseThrow(() -> new EjFunnen("Användaren " + id + " finns inte."));
  }

  /** What the admin log keeps of a user; the password never, only whether one exists. */
  static Map<String, Object> bild(Konto k) {
    Anvandare a = k.anvandare();
    Map<String, Object> bild = new LinkedHashMap<>();
    bild.put("id", a.id());
    bild.put("namn", a.namn());
    bild.put("epost", a.epost());
    bild.put("part", a.part());
    bild.put("roller", a.roller().stream().sorted().toList());
    bild.put("aktiv", k.aktiv());
    bild.put("lokaltLosenord", k.lokaltLosenord());
    return bild;
  }

  private static Map<String, Object> uppgiftsbild(Uppgift u, String tilldelad) {
    Map<String, Object> bild = new LinkedHashMap<>();
    bild.put("id", u.id());
    bild.put("namn", u.namn());
    bild.put("elementId", u.elementId());
    bild.put("arendeId", u.arendeId() == null ? null : u.arendeId().toString());
    bild.put("tilldelad", tilldelad);
    return bild;
  }
}
