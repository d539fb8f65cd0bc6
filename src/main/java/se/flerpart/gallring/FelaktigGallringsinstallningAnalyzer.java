package se.flerpart.gallring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import se.flerpart.gallring.GallringStartkontroll.FelaktigGallringsinstallning;

/** Reports a wrong gallring setting as what to change, not as a stack trace. */
class FelaktigGallringsinstallningAnalyzer
    extends AbstractFailureAnalyzer<FelaktigGallringsinstallning> {

  @Override
  protected FailureAnalysis analyze(Throwable rot, FelaktigGallringsinstallning fel) {
    return new FailureAnalysis(
        "Flerpart startar inte: " + fel.getMessage(),
        "Ändra inställningen (i application.yaml eller som miljövariabel, till exempel"
            + " FLERPART_GALLRING_EFTER=P2Y) och starta igen.",
        fel);
  }
}
