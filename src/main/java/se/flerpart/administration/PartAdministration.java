package se.flerpart.administration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.referens.PartRepository;
import se.flerpart.referens.PartRepository.Part;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.ValideringsFel;

/**
 * The organisations of the förbund. A part is added or renamed, never deleted: cases, consents and
 * statistics keep its code.
 */
@Service
class PartAdministration {

  static final Pattern KOD = Pattern.compile("^[A-Z][A-Z0-9-]{1,39}$");

  record PartIn(String kod, String namn) {}

  private final PartRepository parter;
  private final Adminlogg logg;

  PartAdministration(PartRepository parter, Adminlogg logg) {
    this.parter = parter;
    this.logg = logg;
  }

  List<Part> lista(Anvandare vem) {
    Behorighet.kravAdmin(vem);
    return parter.alla();
  }

  @Transactional
  Part skapa(PartIn in, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Map<String, String> fel = new LinkedHashMap<>();
    String kod = in.kod() == null ? "" : in.kod().strip();
    if (kod.isEmpty()) {
      fel.put("kod", "Ange partens kod");
    } else if (!KOD.matcher(kod).matches()) {
      fel.put(
          "kod",
          "Koden ska vara 2–40 tecken: versaler A–Z, siffror och bindestreck, t.ex."
              + " KOMMUN-ENKOPING");
    } else if (parter.hitta(kod).isPresent()) {
      fel.put("kod", "Det finns redan en part med koden " + kod);
    }
    String namn = namn(in.namn(), fel);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    Part ny = new Part(kod, namn);
    parter.spara(ny);
    logg.logga(vem.id(), Adminlogg.PART, kod, "SKAPAD", null, ny);
    return ny;
  }

  @Transactional
  Part bytNamn(String kod, String namn, Anvandare vem) {
    Behorighet.kravAdmin(vem);
    Part fore = parter.hitta(kod).orElseThrow(() -> new EjFunnen("Parten " + kod + " finns inte."));
    Map<String, String> fel = new LinkedHashMap<>();
    String nytt = namn(namn, fel);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    Part efter = new Part(kod, nytt);
    if (!efter.equals(fore)) {
      parter.spara(efter);
      logg.logga(vem.id(), Adminlogg.PART, kod, "ANDRAD", fore, efter);
    }
    return efter;
  }

  private static String namn(String namn, Map<String, String> fel) {
    String n = namn == null ? "" : namn.strip();
    if (n.isEmpty()) {
      fel.put("namn", "Ange partens namn");
    } else if (n.length() > AnvandarAdministration.MAX_NAMN) {
      fel.put("namn", "Namnet får vara högst " + AnvandarAdministration.MAX_NAMN + " tecken");
    }
    return n;
  }
}
