package se.flerpart.administration;

import java.time.DateTimeException;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.InsatsRepository.Installningar;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.AnvandareRepository.Konto;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.ValideringsFel;

/**
 * Insatser and their beredningsgrupper. An insats is retired (it then takes no new aktualiseringar)
 * rather than deleted; its cases keep it. An active insats' beredningsgrupp always has a member, so
 * that someone can take its {@code bered-arende} tasks.
 */
@Service
class InsatsAdministration {

  static final Pattern KOD = Pattern.compile("^[a-z][a-z0-9-]{1,63}$");
  static final int MAX_BESKRIVNING = 2000;
  static final int MAX_STYRGRUPP = 50;
  private static final Pattern PERIOD = Pattern.compile("^P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$");
  private static final int MAX_DAGAR = 3660;

  /** The defaults of a new insats (DOMAIN.md §2), the same as the database's. */
  static final Installningar STANDARD =
      new Installningar("", "", "", "P12M", "P2M", "P6M", "P7D", "P21D", null, List.of(), true);

  /**
   * A new insats or the new values of one. Null times keep the current value (the defaults for a
   * new insats); a blank {@code gallringEfter} hands the insats back to the förbund's gallring
   * time. {@code beredningsgrupp} is read only when the insats is created.
   */
  record InsatsIn(
      String kod,
      String namn,
      String beskrivning,
      String maxTid,
      String uppfoljningKort,
      String uppfoljningPlan,
      String uppfoljningPaminnelse,
      String uppfoljningFrist,
      String gallringEfter,
      List<String> styrgruppEpost,
      List<String> beredningsgrupp) {}

  /** An insats with the members of its beredningsgrupp. */
  record Insats(Installningar installningar, List<Konto> beredningsgrupp) {}

  private final InsatsRepository insatser;
  private final AnvandareRepository anvandare;
  private final Adminlogg logg;

  InsatsAdministration(InsatsRepository insatser, AnvandareRepository anvandare, Adminlogg logg) {
    this.insatser = insatser;
    this.anvandare = anvandare;
    this.logg = logg;
  }

  List<Insats> lista(Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return insatser.allaInstallningar().stream().map(this::medGrupp).toList();
  }

  Insats hamta(String kod, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return medGrupp(installningar(kod));
  }

  /** Who may sit in a beredningsgrupp: active users with the role Beredningsgrupp. */
  List<Anvandare> mojligaMedlemmar() {
    return anvandare.allaKonton().stream()
        .filter(Konto::aktiv)
        .map(Konto::anvandare)
        .filter(a -> a.harRoll(Anvandare.BEREDNINGSGRUPP))
        .toList();
  }

  @Transactional
  Insats skapa(InsatsIn in, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Map<String, String> fel = new LinkedHashMap<>();
    String kod = in.kod() == null ? "" : in.kod().strip();
    if (kod.isEmpty()) {
      fel.put("kod", "Ange insatsens kod");
    } else if (!KOD.matcher(kod).matches()) {
      fel.put(
          "kod",
          "Koden ska vara 2–64 tecken: gemener a–z, siffror och bindestreck, t.ex."
              + " stod-till-arbete");
    } else if (insatser.installningar(kod).isPresent()) {
      fel.put("kod", "Det finns redan en insats med koden " + kod);
    }
    Installningar ny = kontrollera(kod, in, STANDARD, true, fel);
    List<String> medlemmar = new ArrayList<>();
    Set<String> valda = new LinkedHashSet<>();
    for (String id : in.beredningsgrupp() == null ? List.<String>of() : in.beredningsgrupp()) {
      if (id != null && !id.isBlank()) {
        valda.add(id.strip());
      }
    }
    for (String id : valda) {
      String problem = medlemsproblem(id);
      if (problem != null) {
        fel.putIfAbsent("beredningsgrupp", problem);
      } else {
        medlemmar.add(id);
      }
    }
    if (valda.isEmpty()) {
      fel.put("beredningsgrupp", "Välj minst en medlem i beredningsgruppen");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    insatser.sparaInstallningar(ny);
    for (String id : medlemmar) {
      insatser.laggTillMedlem(kod, id);
    }
    logg.logga(vem.id(), Adminlogg.INSATS, kod, "SKAPAD", null, bild(kod));
    return medGrupp(installningar(kod));
  }

  @Transactional
  Insats andra(String kod, InsatsIn in, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Installningar fore = installningar(kod);
    Map<String, String> fel = new LinkedHashMap<>();
    Installningar efter = kontrollera(kod, in, fore, false, fel);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    spara(fore, efter, "ANDRAD", vem);
    return medGrupp(efter);
  }

  /** The insats takes no new aktualiseringar; its cases go on. */
  @Transactional
  Insats inaktivera(String kod, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return sattAktiv(installningar(kod), false, vem);
  }

  @Transactional
  Insats aktivera(String kod, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Installningar fore = installningar(kod);
    if (!fore.aktiv() && insatser.beredningsgrupp(kod).isEmpty()) {
      throw new ValideringsFel(
          "beredningsgrupp", "Lägg till en medlem i beredningsgruppen innan insatsen aktiveras");
    }
    return sattAktiv(fore, true, vem);
  }

  private Insats sattAktiv(Installningar fore, boolean aktiv, Anvandare vem) {
    Installningar efter =
        new Installningar(
            fore.kod(),
            fore.namn(),
            fore.beskrivning(),
            fore.maxTid(),
            fore.uppfoljningKort(),
            fore.uppfoljningPlan(),
            fore.uppfoljningPaminnelse(),
            fore.uppfoljningFrist(),
            fore.gallringEfter(),
            fore.styrgruppEpost(),
            aktiv);
    spara(fore, efter, aktiv ? "AKTIVERAD" : "INAKTIVERAD", vem);
    return medGrupp(efter);
  }

  private void spara(Installningar fore, Installningar efter, String handling, Anvandare vem) {
    if (fore.equals(efter)) {
      return;
    }
    Map<String, Object> fran = bild(fore.kod());
    insatser.sparaInstallningar(efter);
    logg.logga(vem.id(), Adminlogg.INSATS, fore.kod(), handling, fran, bild(fore.kod()));
  }

  @Transactional
  Insats laggTillMedlem(String kod, String anvandareId, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    installningar(kod);
    String id = anvandareId == null ? "" : anvandareId.strip();
    if (id.isEmpty()) {
      throw new ValideringsFel("anvandare", "Välj vem som ska med i beredningsgruppen");
    }
    String problem = medlemsproblem(id);
    if (problem != null) {
      throw new ValideringsFel("anvandare", problem);
    }
    List<String> fore = insatser.beredningsgrupp(kod);
    if (fore.contains(id)) {
      throw new ValideringsFel("anvandare", id + " är redan med i beredningsgruppen");
    }
    insatser.laggTillMedlem(kod, id);
    logg.logga(
        vem.id(),
        Adminlogg.BEREDNINGSGRUPP,
        kod,
        "MEDLEM_TILLAGD",
        gruppbild(kod, fore),
        gruppbild(kod, insatser.beredningsgrupp(kod)));
    return medGrupp(installningar(kod));
  }

  @Transactional
  Insats taBortMedlem(String kod, String anvandareId, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Installningar insats = installningar(kod);
    List<String> fore = insatser.beredningsgrupp(kod);
    if (!fore.contains(anvandareId)) {
      throw new EjFunnen(anvandareId + " är inte med i beredningsgruppen.");
    }
    if (insats.aktiv() && fore.size() == 1) {
      throw new ValideringsFel(
          "anvandare",
          "Beredningsgruppen för en aktiv insats behöver minst en medlem; lägg till någon annan"
              + " först");
    }
    insatser.taBortMedlem(kod, anvandareId);
    logg.logga(
        vem.id(),
        Adminlogg.BEREDNINGSGRUPP,
        kod,
        "MEDLEM_BORTTAGEN",
        gruppbild(kod, fore),
        gruppbild(kod, insatser.beredningsgrupp(kod)));
    return medGrupp(installningar(kod));
  }

  private String medlemsproblem(String id) {
    Konto k = anvandare.konto(id).orElse(null);
    if (k == null) {
      return "Användaren " + id + " finns inte";
    }
    if (!k.aktiv()) {
      return k.anvandare().namn() + " är inaktiv";
    }
    if (!k.anvandare().harRoll(Anvandare.BEREDNINGSGRUPP)) {
      return k.anvandare().namn() + " har inte rollen Beredningsgrupp";
    }
    return null;
  }

  private Installningar kontrollera(
      String kod, InsatsIn in, Installningar fore, boolean ny, Map<String, String> fel) {
    String namn = in.namn() == null && !ny ? fore.namn() : text(in.namn());
    if (namn.isEmpty()) {
      fel.put("namn", "Ange insatsens namn");
    } else if (namn.length() > AnvandarAdministration.MAX_NAMN) {
      fel.put("namn", "Namnet får vara högst " + AnvandarAdministration.MAX_NAMN + " tecken");
    }
    String beskrivning = in.beskrivning() == null ? fore.beskrivning() : text(in.beskrivning());
    if (beskrivning != null && beskrivning.length() > MAX_BESKRIVNING) {
      fel.put("beskrivning", "Beskrivningen får vara högst " + MAX_BESKRIVNING + " tecken");
    }
    List<String> styrgrupp =
        in.styrgruppEpost() == null ? fore.styrgruppEpost() : epost(in.styrgruppEpost(), fel);
    return new Installningar(
        kod,
        namn,
        beskrivning == null || beskrivning.isEmpty() ? null : beskrivning,
        period("maxTid", in.maxTid(), fore.maxTid(), fel),
        period("uppfoljningKort", in.uppfoljningKort(), fore.uppfoljningKort(), fel),
        period("uppfoljningPlan", in.uppfoljningPlan(), fore.uppfoljningPlan(), fel),
        period(
            "uppfoljningPaminnelse", in.uppfoljningPaminnelse(), fore.uppfoljningPaminnelse(), fel),
        period("uppfoljningFrist", in.uppfoljningFrist(), fore.uppfoljningFrist(), fel),
        gallringEfter(in.gallringEfter(), fore.gallringEfter(), fel),
        styrgrupp,
        fore.aktiv());
  }

  /**
   * An ISO-8601 period of years, months, weeks and days, as the BPMN timers and the follow-up dates
   * read it: more than zero and at most about ten years. Null keeps the current value.
   */
  static String period(String falt, String text, String nuvarande, Map<String, String> fel) {
    if (text == null) {
      return nuvarande;
    }
    String p = text.strip().toUpperCase(Locale.ROOT);
    if (p.isEmpty()) {
      fel.put(falt, "Ange en tid, t.ex. P12M (12 månader) eller P14D (14 dagar)");
      return nuvarande;
    }
    try {
      Period period = PERIOD.matcher(p).matches() && p.length() > 1 ? Period.parse(p) : null;
      if (period != null
          && !period.isZero()
          && period.toTotalMonths() * 31 + period.getDays() <= MAX_DAGAR) {
        return p;
      }
    } catch (DateTimeException | ArithmeticException e) {
      // reported below
    }
    fel.put(
        falt,
        "Ange tiden som P följt av år, månader, veckor eller dagar, t.ex. P12M (12 månader),"
            + " P2W (2 veckor) eller P14D (14 dagar); längre än noll och högst tio år");
    return nuvarande;
  }

  /**
   * The insats' own gallring time, read as {@link InsatsRepository#gallringstid} reads it; null
   * when it follows the förbund's. Null keeps the current value, blank clears it.
   */
  private static String gallringEfter(String text, String nuvarande, Map<String, String> fel) {
    if (text == null) {
      return nuvarande;
    }
    try {
      return InsatsRepository.gallringstid(text).map(Period::toString).orElse(null);
    } catch (ValideringsFel e) {
      fel.putAll(e.fel());
      return nuvarande;
    }
  }

  private static List<String> epost(List<String> adresser, Map<String, String> fel) {
    Set<String> ut = new LinkedHashSet<>();
    Set<String> sedda = new LinkedHashSet<>();
    for (String a : adresser) {
      String e = a == null ? "" : a.strip();
      if (e.isEmpty()) {
        continue;
      }
      if (e.length() > AnvandarAdministration.MAX_EPOST
          || !AnvandarAdministration.EPOST.matcher(e).matches()) {
        fel.putIfAbsent("styrgruppEpost", "Ogiltig e-postadress: " + kort(e));
      } else if (sedda.add(e.toLowerCase(Locale.ROOT))) {
        ut.add(e);
      }
    }
    if (ut.size() > MAX_STYRGRUPP) {
      fel.putIfAbsent("styrgruppEpost", "Högst " + MAX_STYRGRUPP + " adresser till styrgruppen");
    }
    return List.copyOf(ut);
  }

  private static String kort(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static String text(String text) {
    return text == null ? "" : text.strip();
  }

  private Installningar installningar(String kod) {
    return insatser
        .installningar(kod)
        .orElseThrow(() -> new EjFunnen("Insatsen " + kod + " finns inte."));
  }

  private Insats medGrupp(Installningar i) {
    List<Konto> grupp =
        insatser.beredningsgrupp(i.kod()).stream()
            .map(id -> anvandare.konto(id).orElse(null))
            .filter(k -> k != null)
            .toList();
    return new Insats(i, grupp);
  }

  /** What the admin log keeps of an insats: its settings and its beredningsgrupp. */
  private Map<String, Object> bild(String kod) {
    Installningar i = installningar(kod);
    Map<String, Object> bild = new LinkedHashMap<>();
    bild.put("kod", i.kod());
    bild.put("namn", i.namn());
    bild.put("beskrivning", i.beskrivning());
    bild.put("maxTid", i.maxTid());
    bild.put("uppfoljningKort", i.uppfoljningKort());
    bild.put("uppfoljningPlan", i.uppfoljningPlan());
    bild.put("uppfoljningPaminnelse", i.uppfoljningPaminnelse());
    bild.put("uppfoljningFrist", i.uppfoljningFrist());
    bild.put("gallringEfter", i.gallringEfter());
    bild.put("styrgruppEpost", i.styrgruppEpost());
    bild.put("aktiv", i.aktiv());
    bild.put("beredningsgrupp", insatser.beredningsgrupp(kod));
    return bild;
  }

  private static Map<String, Object> gruppbild(String kod, List<String> medlemmar) {
    Map<String, Object> bild = new LinkedHashMap<>();
    bild.put("insats", kod);
    bild.put("medlemmar", medlemmar);
    return bild;
  }
}
