package se.flerpart.arende;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.ArendeOmfang;

/** The task list's view of a case's consent scope: the same check as the case page's. */
@Component
class UppgiftensOmfang implements ArendeOmfang {

  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;

  UppgiftensOmfang(ArendeService arenden, ArendeAtkomst atkomst) {
    this.arenden = arenden;
    this.atkomst = atkomst;
  }

  @Override
  public Optional<String> utanfor(UUID arendeId, Anvandare anvandare) {
    return atkomst.utanforOmfang(anvandare, arenden.hamta(arendeId));
  }

  @Override
  public void loggaFormular(UUID arendeId, Anvandare anvandare) {
    atkomst.loggaLasning(anvandare.id(), arendeId, ArendeAtkomst.LAS_FORMULAR);
  }
}
