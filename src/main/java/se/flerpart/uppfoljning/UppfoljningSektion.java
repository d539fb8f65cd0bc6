package se.flerpart.uppfoljning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeSektion;
import se.flerpart.arende.ArendeStatus;
import se.flerpart.arende.ArendeVy;
import se.flerpart.sakerhet.Anvandare;

/**
 * The case page's follow-ups, and for the ärendebärare a form to move the coming one; only for a
 * reader who may see the case's personal data.
 */
@Component
class UppfoljningSektion implements ArendeSektion {

  private final UppfoljningService uppfoljningar;
  private final UppfoljningFlytt flytt;

  UppfoljningSektion(UppfoljningService uppfoljningar, UppfoljningFlytt flytt) {
    this.uppfoljningar = uppfoljningar;
    this.flytt = flytt;
  }

  @Override
  public int ordning() {
    return 20;
  }

  @Override
  public String fragment() {
    return "uppfoljning/arende :: uppfoljningssektion";
  }

  @Override
  public Map<String, Object> modell(ArendeVy arende, Anvandare lasare) {
    boolean dolda = arende.personuppgifterDolda();
    return Map.of(
        "uppfoljningar",
        dolda ? List.of() : uppfoljningar.forArende(arende.id()),
        "nastaUppfoljning",
        dolda || !ArendeStatus.PLAN_UPPRATTAD.name().equals(arende.status())
            ? ""
            : uppfoljningar.nastaUppfoljning(arende.id()).map(LocalDate::toString).orElse(""),
        "kanFlyttaUppfoljning",
        flytt.kanFlyttaKommande(arende, lasare));
  }
}
