package se.flerpart.beredning;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Aterkoppling;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * Återkoppling to the referring part on the beredningsgrupp's latest decision (job {@code
 * skicka-aterkoppling} with {@code tillfalle=beredning}), with the motivation the group gave, read
 * from the decision: free text never travels through the process.
 */
@Service
public class BeredningAterkoppling {

  private final BeredningRepository beslut;
  private final Aterkoppling aterkoppling;
  private final AnvandareRepository anvandare;

  BeredningAterkoppling(
      BeredningRepository beslut, Aterkoppling aterkoppling, AnvandareRepository anvandare) {
    this.beslut = beslut;
    this.aterkoppling = aterkoppling;
    this.anvandare = anvandare;
  }

  /**
   * @param nyckel unique for this återkoppling (the job key within the case), so a repeated job
   *     sends nothing new
   */
  @Transactional
  public void skicka(UUID arendeId, String nyckel) {
    BeredningRepository.Beslut senaste =
        beslut
            .senaste(arendeId)
            .orElseThrow(
                () -> new IllegalStateException("Ärendet har inget beredningsbeslut: " + arendeId));
    String text =
        switch (senaste.beslut()) {
          case "JA" ->
              "Beredningsgruppen beslutade Ja. Ärendebärare är "
                  + anvandare
                      .hitta(senaste.arendebarare())
                      .map(Anvandare::namn)
                      .orElse(senaste.arendebarare())
                  + ", som kallar till flerpartsmöte.";
          case "NEJ" -> "Beredningsgruppen beslutade Nej. Ärendet avslutas.";
          case "KOMPLETTERA" ->
              "Beredningsgruppen behöver en komplettering innan beslut. Uppgiften"
                  + " \"Komplettera aktualisering\" finns i din uppgiftslista.";
          case "HANVISA" ->
              "Beredningsgruppen hänvisar ärendet till en annan insats. Ärendet avslutas här.";
          default -> "Beredningsgruppen har fattat beslut: " + senaste.beslut() + ".";
        };
    aterkoppling.skickaOm(
        arendeId,
        "beslut i beredning – " + BeredningService.text(senaste.beslut()).toLowerCase(),
        text,
        senaste.motivering(),
        nyckel);
  }
}
