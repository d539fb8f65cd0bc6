package se.flerpart.administration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sus.SusService;

/** The roles an administrator can give, with the names the pages show. */
final class Roller {

  static final Map<String, String> ALLA = alla();

  private Roller() {}

  private static Map<String, String> alla() {
    Map<String, String> roller = new LinkedHashMap<>();
    roller.put(Anvandare.HANDLAGGARE, "Handläggare");
    roller.put(Anvandare.BEREDNINGSGRUPP, "Beredningsgrupp");
    roller.put(Anvandare.ORDFORANDE, "Ordförande");
    roller.put(Anvandare.PROCESSLEDARE, "Processledare");
    roller.put(SusService.DELTAGARANSVARIG, "Deltagaransvarig (SUS)");
    roller.put(Anvandare.LOGGGRANSKARE, "Logggranskare");
    roller.put(Anvandare.ADMIN, "Administratör");
    return Collections.unmodifiableMap(roller);
  }
}
