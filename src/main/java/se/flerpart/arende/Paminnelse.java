package se.flerpart.arende;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftService;

/** Reminds whoever holds an open task whose deadline has passed. */
@Service
public class Paminnelse {

  private final ArendeService arenden;
  private final ArendeHistorik historik;
  private final UppgiftService uppgifter;
  private final AnvandareRepository anvandare;
  private final MailUtkorg utkorg;
  private final String basUrl;

  public Paminnelse(
      ArendeService arenden,
      ArendeHistorik historik,
      UppgiftService uppgifter,
      AnvandareRepository anvandare,
      MailUtkorg utkorg,
      @Value("${flerpart.bas-url}") String basUrl) {
    this.arenden = arenden;
    this.historik = historik;
    this.uppgifter = uppgifter;
    this.anvandare = anvandare;
    this.utkorg = utkorg;
    this.basUrl = basUrl;
  }

  /**
   * @param elementId the task that is late, e.g. {@code inhamta-samtycke}
   * @param mall the mail template under {@code mail/} that says why the task matters, e.g. {@code
   *     paminnelse-samtycke}
   * @param nyckel unique for this reminder (the job key within the case)
   */
  @Transactional
  public void paminn(UUID arendeId, String elementId, String mall, String nyckel) {
    Arende a = arenden.hamta(arendeId);
    for (Uppgift u : uppgifter.forArende(arendeId)) {
      if (!u.arOppen() || !u.elementId().equals(elementId) || u.tilldelad() == null) {
        continue;
      }
      var mottagare = anvandare.hitta(u.tilldelad()).orElse(null);
      if (mottagare == null) {
        continue;
      }
      boolean ny =
          utkorg.koa(
              arendeId,
              "paminnelse:" + nyckel + ":" + u.id(),
              List.of(mottagare.epost()),
              mall,
              Map.of(
                  "arendenummer", a.arendenummer(),
                  "uppgift", u.namn(),
                  "mottagare", mottagare.namn(),
                  "lank", basUrl + "/uppgifter/" + u.id()),
              List.of());
      if (ny) {
        historik.logga(
            arendeId,
            "PAMINNELSE",
            "Påminnelse om \"" + u.namn() + "\" till " + mottagare.namn(),
            null);
      }
    }
  }
}
