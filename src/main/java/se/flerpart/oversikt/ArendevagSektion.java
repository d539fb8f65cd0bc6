package se.flerpart.oversikt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeSektion;
import se.flerpart.arende.ArendeVy;
import se.flerpart.sakerhet.Anvandare;

/**
 * The case page's "Ärendets väg": the processes drawn with the path marked, and the same as a
 * table, the diagram's text alternative. Shown to everyone who sees the page, the processledare
 * included: it holds no personal data.
 */
@Component
class ArendevagSektion implements ArendeSektion {

  private final Arendevag vag;

  ArendevagSektion(Arendevag vag) {
    this.vag = vag;
  }

  /** One process on the page: its diagram's data and its rows. */
  record Processvy(
      String process, String namn, String passerade, String aktuella, List<Rad> rader) {}

  /**
   * A row of the table: a step passed or current, when it began and was done (either may be null)
   * and who did it or has it now.
   */
  record Rad(
      String elementId, String namn, boolean aktuellt, Instant borjade, Instant klar, String vem) {}

  @Override
  public int ordning() {
    return 5;
  }

  @Override
  public String fragment() {
    return "oversikt/arendevag :: arendevag";
  }

  @Override
  public Map<String, Object> modell(ArendeVy arende, Anvandare lasare) {
    return Map.of("arendevag", vy(arende.id(), arende.avslutad()));
  }

  List<Processvy> vy(UUID arendeId, boolean avslutat) {
    List<Processvy> vy = new ArrayList<>();
    for (Arendevag.ProcessVag p : vag.vag(arendeId, avslutat).processer()) {
      List<Rad> rader = new ArrayList<>();
      for (String element : p.passerade()) {
        List<Arendevag.Steg> steg =
            p.steg().stream().filter(s -> s.elementId().equals(element)).toList();
        if (steg.isEmpty()) {
          rader.add(new Rad(element, vag.stegnamn(p.process(), element), false, null, null, null));
        }
        for (Arendevag.Steg s : steg) {
          rader.add(new Rad(element, s.namn(), false, s.borjade(), s.klar(), s.utfordAv()));
        }
      }
      for (Arendevag.Aktuellt a : p.aktuella()) {
        rader.add(new Rad(a.elementId(), a.namn(), true, a.sedan(), null, a.tilldelad()));
      }
      vy.add(
          new Processvy(
              p.process(),
              p.namn(),
              String.join(" ", p.passerade()),
              String.join(" ", p.aktuella().stream().map(Arendevag.Aktuellt::elementId).toList()),
              List.copyOf(rader)));
    }
    return vy;
  }
}
