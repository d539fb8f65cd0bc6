package se.flerpart.arende;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.UppgiftApiController.UppgiftDto;
import se.flerpart.uppgift.UppgiftService;

/** Reads cases for a user, through the access check. */
@Service
public class ArendeLasning {

  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final ArendeHistorik historik;
  private final UppgiftService uppgifter;

  public ArendeLasning(
      ArendeService arenden,
      ArendeAtkomst atkomst,
      ArendeHistorik historik,
      UppgiftService uppgifter) {
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.historik = historik;
    this.uppgifter = uppgifter;
  }

  @Transactional
  public ArendeVy vy(Arende a, Anvandare vem) {
    atkomst.kravSe(vem, a);
    List<UppgiftDto> oppna =
        uppgifter.forArende(a.id()).stream().filter(u -> u.arOppen()).map(UppgiftDto::av).toList();
    return ArendeVy.av(a, atkomst.personuppgifter(vem, a), oppna, historik.handelser(a.id()));
  }

  /** The list shows no personal data, so reading it logs nothing. */
  public List<ArendeVy> lista(Anvandare vem) {
    return arenden.synligaFor(vem, atkomst).stream()
        .map(
            a ->
                ArendeVy.av(
                    a,
                    ArendeAtkomst.Personuppgifter.DOLDA,
                    uppgifter.forArende(a.id()).stream()
                        .filter(u -> u.arOppen())
                        .map(UppgiftDto::av)
                        .toList(),
                    List.of()))
        .toList();
  }
}
