package se.flerpart.avvikelse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The administrator's edits of the deviation types: add, rename, retire and bring back. A type is
 * only deleted while no deviation uses it and no process names it. Every change is published as an
 * {@link AvvikelsetypAndrad}.
 */
@Service
public class AvvikelsetypService {

  private static final Pattern KOD = Pattern.compile("^[A-Z][A-Z0-9_]{1,63}$");
  private static final int MAX_NAMN = 200;

  /** A new type or a changed one, as the API and the admin page send it. */
  public record Typ(String kod, String namn, String kategori, String standardtext, Boolean aktiv) {}

  private final AvvikelsetypRepository typer;
  private final ApplicationEventPublisher handelser;

  AvvikelsetypService(AvvikelsetypRepository typer, ApplicationEventPublisher handelser) {
    this.typer = typer;
    this.handelser = handelser;
  }

  public List<Avvikelsetyp> alla() {
    return typer.alla();
  }

  @Transactional
  public Avvikelsetyp skapa(Typ in, Anvandare vem) {
    kravAdmin(vem);
    Map<String, String> fel = new LinkedHashMap<>();
    String kod = in.kod() == null ? "" : in.kod().strip();
    if (!KOD.matcher(kod).matches()) {
      fel.put(
          "kod",
          "Koden ska vara 2–64 tecken: versaler A–Z, siffror och understreck, t.ex."
              + " KALLELSE_FOR_SENT");
    }
    String namn = namn(in.namn(), fel);
    String kategori = in.kategori() == null ? "" : in.kategori().strip();
    if (!Avvikelsetyp.ARENDE.equals(kategori) && !Avvikelsetyp.INSATS.equals(kategori)) {
      fel.put(
          "kategori", "Välj om typen gäller ärenden och rutinen (ARENDE) eller en insats (INSATS)");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    if (typer.hitta(kod).isPresent()) {
      throw new Konflikt("Typen " + kod + " finns redan.");
    }
    typer.skapa(
        new Avvikelsetyp(
            kod, namn, kategori, standardtext(in.standardtext(), namn), false, true, 0));
    Avvikelsetyp skapad = typer.hitta(kod).orElseThrow();
    handelser.publishEvent(
        new AvvikelsetypAndrad(vem.id(), AvvikelsetypAndrad.SKAPAD, null, skapad));
    return skapad;
  }

  /** Renames, changes the standard text, retires ({@code aktiv} false) or brings a type back. */
  @Transactional
  public Avvikelsetyp andra(String kod, Typ in, Anvandare vem) {
    kravAdmin(vem);
    Avvikelsetyp t = hitta(kod);
    Map<String, String> fel = new LinkedHashMap<>();
    String namn = in.namn() == null ? t.namn() : namn(in.namn(), fel);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    typer.uppdatera(
        kod,
        namn,
        in.standardtext() == null ? t.standardtext() : standardtext(in.standardtext(), namn),
        in.aktiv() == null ? t.aktiv() : in.aktiv());
    Avvikelsetyp andrad = hitta(kod);
    if (!andrad.equals(t)) {
      handelser.publishEvent(
          new AvvikelsetypAndrad(vem.id(), AvvikelsetypAndrad.ANDRAD, t, andrad));
    }
    return andrad;
  }

  @Transactional
  public void taBort(String kod, Anvandare vem) {
    kravAdmin(vem);
    Avvikelsetyp t = hitta(kod);
    if (t.fast()) {
      throw new Konflikt(
          "Typen "
              + kod
              + " används av processerna och kan inte tas bort. Avaktivera den i stället.");
    }
    if (typer.anvands(kod)) {
      throw new Konflikt(
          "Typen "
              + kod
              + " används av avvikelser och kan inte tas bort. Avaktivera den i stället.");
    }
    typer.taBort(kod);
    handelser.publishEvent(new AvvikelsetypAndrad(vem.id(), AvvikelsetypAndrad.BORTTAGEN, t, null));
  }

  private Avvikelsetyp hitta(String kod) {
    return typer.hitta(kod).orElseThrow(() -> new EjFunnen("Avvikelsetypen finns inte."));
  }

  private static String namn(String namn, Map<String, String> fel) {
    String n = namn == null ? "" : namn.strip();
    if (n.isEmpty()) {
      fel.put("namn", "Ange typens namn");
    } else if (n.length() > MAX_NAMN) {
      fel.put("namn", "Namnet får vara högst " + MAX_NAMN + " tecken");
    }
    return n;
  }

  private static String standardtext(String text, String namn) {
    return text == null || text.isBlank() ? namn + "." : text.strip();
  }

  private static void kravAdmin(Anvandare vem) {
    if (!vem.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara en administratör kan ändra avvikelsetyperna.");
    }
  }
}
