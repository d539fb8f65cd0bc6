package se.flerpart.avvikelse;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.UppgiftService;

/**
 * Three demo deviations in different states, after the demo users and cases exist: a new one about
 * a case, one with its representative, and an insats deviation on the budget.
 */
@Component
@Profile("demo")
@Order(11)
class AvvikelseDemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AvvikelseDemoData.class);

  private final AvvikelseService avvikelser;
  private final AvvikelseUppgifter avvikelseUppgifter;
  private final UppgiftService uppgifter;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final AnvandareRepository anvandare;
  private final boolean demoArenden;

  AvvikelseDemoData(
      AvvikelseService avvikelser,
      AvvikelseUppgifter avvikelseUppgifter,
      UppgiftService uppgifter,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      AnvandareRepository anvandare,
      @Value("${flerpart.demo.arenden:true}") boolean demoArenden) {
    this.avvikelser = avvikelser;
    this.avvikelseUppgifter = avvikelseUppgifter;
    this.uppgifter = uppgifter;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.anvandare = anvandare;
    this.demoArenden = demoArenden;
  }

  @Override
  public void run(ApplicationArguments args) {
    Anvandare petra = anvandare.hitta("petra").orElse(null);
    if (!demoArenden || petra == null || !avvikelser.synligaFor(petra).isEmpty()) {
      return;
    }
    Anvandare bengt = anvandare.hitta("bengt").orElseThrow();
    Anvandare cecilia = anvandare.hitta("cecilia").orElseThrow();
    Anvandare anna = anvandare.hitta("anna").orElseThrow();
    String arendeId =
        arenden.synligaFor(bengt, atkomst).stream()
            .filter(a -> !a.status().avslutad())
            .map(a -> a.id().toString())
            .findFirst()
            .orElse(null);

    avvikelser.rapportera(
        new NyAvvikelse(
            "KALLELSE_UTAN_SYFTE",
            "Kallelsen till flerpartsmötet kom två dagar innan och saknade syfte, så fel"
                + " handläggare deltog.",
            "REGION",
            arendeId,
            null,
            null),
        bengt,
        "WEBB");

    Avvikelse uteblev =
        avvikelser.rapportera(
            new NyAvvikelse(
                "PART_UTEBLEV",
                "Arbetsförmedlingen kom inte till flerpartsmötet trots att deltagandet var"
                    + " bekräftat. Mötet fick skjutas upp.",
                "AF",
                null,
                null,
                null),
            cecilia,
            "WEBB");
    avvikelseUppgifter.paborjaBedomning(uteblev.id(), petra);
    slutfor(
        uteblev,
        petra,
        Map.of(
            "typ", "PART_UTEBLEV",
            "berordPart", "AF",
            "allvarlighet", "MEDEL",
            "utredare", "bengt",
            "bedomning", "Tredje gången i år; kontrollera hur kallelser når handläggarna."));

    avvikelser.rapportera(
        new NyAvvikelse(
            "BUDGET",
            "Outnyttjade medel efter vakans under våren. Styrgruppen föreslår att de förs över"
                + " till nästa år.",
            "KOMMUN-UPPSALA",
            null,
            "flerpartssamverkan",
            new BigDecimal("250")),
        anna,
        "WEBB");
    log.info("Demoavvikelser skapade i olika steg");
  }

  /** Completes the deviation's assessment as a user would, once the engine has handed it over. */
  private void slutfor(Avvikelse a, Anvandare vem, Map<String, Object> data) {
    if (!uppgifter.slutforNarDenFinns(
        u -> AvvikelseUppgifter.BEDOM.equals(u.elementId()) && AvvikelseUppgifter.tillhor(u, a),
        vem,
        data,
        Duration.ofSeconds(30))) {
      log.warn("Demoavvikelsen {} nådde aldrig bedömningen", a.nummer());
    }
  }
}
