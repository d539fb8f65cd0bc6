package se.flerpart.arende;

import java.util.Map;
import se.flerpart.sakerhet.Anvandare;

/**
 * A section of the case page that a later feature adds (meetings and plans, follow-ups…), as the
 * task list gets its handlers: the case page knows no feature. The section gets the case as its
 * reader may see it; a section that shows personal data must check {@link
 * ArendeVy#personuppgifterDolda()} itself.
 */
public interface ArendeSektion {

  /** Where on the page: lower comes first. */
  int ordning();

  /** The Thymeleaf fragment, e.g. {@code mote/arende :: motesektion}. */
  String fragment();

  /** The model attributes the fragment reads. */
  Map<String, Object> modell(ArendeVy arende, Anvandare lasare);
}
