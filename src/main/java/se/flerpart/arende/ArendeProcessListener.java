package se.flerpart.arende;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.flerpart.process.MessagePublisher;
import se.flerpart.process.Processmeddelande;
import se.flerpart.referens.InsatsRepository;

/**
 * Tells the {@code arende} process what happened to its case, after the change has committed and
 * from the event publication registry, so that a crash in between neither loses nor doubles it.
 */
@Component
class ArendeProcessListener {

  /** How long a withdrawn consent or a broken-off case waits for a process that is not there. */
  private static final Duration AVBROTT_LIVSLANGD = Duration.ofDays(1);

  private final ArendeRepository arenden;
  private final InsatsRepository insatser;
  private final MessagePublisher motorn;
  private final String samtyckeFrist;

  ArendeProcessListener(
      ArendeRepository arenden,
      InsatsRepository insatser,
      MessagePublisher motorn,
      @Value("${flerpart.samtycke.frist}") String samtyckeFrist) {
    this.arenden = arenden;
    this.insatser = insatser;
    this.motorn = motorn;
    this.samtyckeFrist = samtyckeFrist;
  }

  /**
   * Starts the case's process through its message start event, correlated on the case id: while
   * that instance runs, a repeated start (the same publication delivered again) creates nothing.
   */
  @ApplicationModuleListener
  void startaProcessen(ArendeAktualiserat h) {
    Arende a = arenden.hitta(h.arendeId()).orElseThrow();
    if (a.status().avslutad()) {
      return;
    }
    var insats = insatser.hitta(a.insats()).orElseThrow();
    Map<String, Object> variabler = new HashMap<>();
    variabler.put("arendeId", a.id().toString());
    variabler.put("arendenummer", a.arendenummer());
    variabler.put("insats", insats.kod());
    variabler.put("referent", a.aktualiseradAv());
    variabler.put("referentPart", a.aktualiserandePart());
    variabler.put("beredningsgrupp", insats.beredningsgrupp());
    variabler.put("samtyckeFrist", samtyckeFrist);
    variabler.put("maxTid", insats.maxTid());
    variabler.put("behov", new ArrayList<>(a.behov()));
    variabler.put("bradskande", a.bradskande());
    motorn.publicera(
        new Processmeddelande(
            "aktualisering-inkommen",
            a.id().toString(),
            "aktualisering-inkommen:" + a.id(),
            Duration.ZERO,
            variabler));
  }

  @ApplicationModuleListener
  void samtyckeAterkallat(SamtyckeAterkallat h) {
    avbrytProcessen("samtycke-aterkallat", h.arendeId().toString());
  }

  @ApplicationModuleListener
  void arendeAvbrutet(ArendeAvbrutet h) {
    avbrytProcessen("arende-avbrutet", h.arendeId().toString());
  }

  private void avbrytProcessen(String meddelande, String arendeId) {
    motorn.publicera(
        new Processmeddelande(
            meddelande, arendeId, meddelande + ":" + arendeId, AVBROTT_LIVSLANGD, Map.of()));
  }
}
