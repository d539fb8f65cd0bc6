package se.flerpart.sakerhet;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports {@link Startkontroll.OsakerStart} as a list of what to set, not as a stack trace. */
class OsakerStartAnalyzer extends AbstractFailureAnalyzer<Startkontroll.OsakerStart> {

  @Override
  protected FailureAnalysis analyze(Throwable rot, Startkontroll.OsakerStart fel) {
    return new FailureAnalysis(
        "Flerpart startar inte utanför demoprofilen utan egna nycklar och en identitetsleverantör."
            + " Det saknas:\n  - "
            + String.join("\n  - ", fel.brister()),
        "Sätt variablerna ovan (se README, \"Logging in\"), eller starta med"
            + " SPRING_PROFILES_ACTIVE=demo för att prova Flerpart med demoanvändare och demonycklar.",
        fel);
  }
}
