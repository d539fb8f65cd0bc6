package se.flerpart.administration;

import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;

/** The one access rule of the module: administration is for administrators. */
final class Behorighet {

  private Behorighet() {}

  static void kravAdmin(Anvandare vem) {
    if (vem == null || !vem.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara en administratör kan administrera Flerpart.");
    }
  }
}
