package se.flerpart.mote;

import java.util.Map;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeSektion;
import se.flerpart.arende.ArendeVy;
import se.flerpart.sakerhet.Anvandare;

/** The case page's meetings, kallelser and plans. */
@Component
class MoteSektion implements ArendeSektion {

  private final MoteOversikt moten;

  MoteSektion(MoteOversikt moten) {
    this.moten = moten;
  }

  @Override
  public int ordning() {
    return 10;
  }

  @Override
  public String fragment() {
    return "mote/arende :: motesektion";
  }

  @Override
  public Map<String, Object> modell(ArendeVy arende, Anvandare lasare) {
    return Map.of("moten", moten.forArende(arende.id(), lasare));
  }
}
