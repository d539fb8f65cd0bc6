package se.flerpart.beredning;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeStatus;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * The beredningsgrupp's decision on {@code bered-arende}: recorded here, the case moved on (its
 * status, and on Ja its ärendebärare), and {@link BeredningBeslutad} published.
 */
@Service
class BeredningService {

  private final BeredningRepository beslut;
  private final ArendeService arenden;
  private final AnvandareRepository anvandare;
  private final ApplicationEventPublisher handelser;
  private final Clock klocka;

  BeredningService(
      BeredningRepository beslut,
      ArendeService arenden,
      AnvandareRepository anvandare,
      ApplicationEventPublisher handelser,
      Clock klocka) {
    this.beslut = beslut;
    this.arenden = arenden;
    this.anvandare = anvandare;
    this.handelser = handelser;
    this.klocka = klocka;
  }

  @Transactional
  public void registrera(
      UUID arendeId,
      long uppgiftId,
      String utfall,
      String motivering,
      String arendebarare,
      Anvandare vem) {
    Instant nu = klocka.instant();
    String barare = "JA".equals(utfall) ? arendebarare : null;
    if (!beslut.spara(arendeId, uppgiftId, utfall, motivering, barare, vem.id(), nu)) {
      return;
    }
    arenden.beredningAvgjord(
        arendeId,
        status(utfall),
        barare,
        "Beredningsgruppens beslut: "
            + text(utfall)
            + (barare == null
                ? ""
                : ". Ärendebärare: " + anvandare.hitta(barare).map(Anvandare::namn).orElse(barare)),
        vem);
    Arende a = arenden.hamta(arendeId);
    handelser.publishEvent(
        new BeredningBeslutad(arendeId, a.arendenummer(), nu, a.insats(), utfall));
  }

  static ArendeStatus status(String utfall) {
    return switch (utfall) {
      case "JA" -> ArendeStatus.PAGAENDE;
      case "NEJ" -> ArendeStatus.EJ_BEVILJAT;
      case "KOMPLETTERA" -> ArendeStatus.KOMPLETTERING;
      case "HANVISA" -> ArendeStatus.HANVISAT;
      default -> throw new IllegalArgumentException(utfall);
    };
  }

  /** The decision as people read it. */
  static String text(String utfall) {
    return switch (utfall) {
      case "JA" -> "Ja";
      case "NEJ" -> "Nej";
      case "KOMPLETTERA" -> "Komplettera";
      case "HANVISA" -> "Hänvisa till annan insats";
      default -> utfall;
    };
  }
}
