package se.flerpart.mote;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.notifiering.Bilaga;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.notifiering.PdfRenderer;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.EjFunnen;

/** The gemensam plan as a PDF, and job {@code distribuera-plan}: the plan to every participant. */
@Service
public class PlanUtskick {

  private static final DateTimeFormatter DATUM =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv"));

  private final MoteRepository moten;
  private final PlanRepository planer;
  private final ArendeService arenden;
  private final ArendeHistorik historik;
  private final AnvandareRepository anvandare;
  private final KallelseUtskick kallelser;
  private final MailUtkorg utkorg;
  private final PdfRenderer pdf;
  private final String basUrl;

  public PlanUtskick(
      MoteRepository moten,
      PlanRepository planer,
      ArendeService arenden,
      ArendeHistorik historik,
      AnvandareRepository anvandare,
      KallelseUtskick kallelser,
      MailUtkorg utkorg,
      PdfRenderer pdf,
      @Value("${flerpart.bas-url}") String basUrl) {
    this.moten = moten;
    this.planer = planer;
    this.arenden = arenden;
    this.historik = historik;
    this.anvandare = anvandare;
    this.kallelser = kallelser;
    this.utkorg = utkorg;
    this.pdf = pdf;
    this.basUrl = basUrl;
  }

  /**
   * One mail per participant with the plan attached: everyone called (present or not) who has an
   * e-mail address, the ärendebärare and the ordförande.
   */
  @Transactional
  public void distribuera(UUID moteId) {
    Mote mote = moten.hitta(moteId).orElseThrow(() -> new EjFunnen("Mötet finns inte"));
    Plan plan = planer.forMote(moteId).orElseThrow(() -> new EjFunnen("Planen finns inte"));
    Arende a = arenden.hamta(mote.arendeId());
    byte[] dokument = pdf(plan);
    Map<String, String> mottagare = new LinkedHashMap<>();
    for (Kallelse k : moten.kallelser(moteId)) {
      if (k.aktiv() && k.harEpost()) {
        mottagare.putIfAbsent(k.epost().toLowerCase(Locale.ROOT), k.namn());
      }
    }
    for (String id : List.of(mote.arendebarare(), mote.ordforande())) {
      anvandare
          .hitta(id)
          .ifPresent(u -> mottagare.putIfAbsent(u.epost().toLowerCase(Locale.ROOT), u.namn()));
    }
    int skickade = 0;
    for (var m : mottagare.entrySet()) {
      Map<String, Object> modell = new HashMap<>();
      modell.put("arendenummer", a.arendenummer());
      modell.put("version", plan.version());
      modell.put("namn", m.getValue());
      modell.put("mal", plan.mal());
      modell.put("uppfoljningsdatum", DATUM.format(plan.uppfoljningsdatum()));
      modell.put("atgarder", plan.atgarder().size());
      modell.put(
          "arendebarare", anvandare.hitta(mote.arendebarare()).map(Anvandare::namn).orElse(""));
      boolean ny =
          utkorg.koa(
              a.id(),
              "plan:" + plan.id() + ":" + m.getKey(),
              List.of(m.getKey()),
              "plan",
              modell,
              List.of(
                  new Bilaga(
                      "gemensam-plan-" + a.arendenummer() + "-v" + plan.version() + ".pdf",
                      "application/pdf",
                      dokument)));
      skickade += ny ? 1 : 0;
    }
    if (skickade > 0) {
      historik.logga(
          a.id(),
          "PLAN",
          "Gemensam plan version " + plan.version() + " skickad till " + skickade + " mottagare",
          null);
    }
  }

  public byte[] pdf(Plan plan) {
    Mote mote = moten.hitta(plan.moteId()).orElseThrow();
    Arende a = arenden.hamta(plan.arendeId());
    List<Map<String, Object>> narvarande = new ArrayList<>();
    for (Kallelse k : moten.kallelser(mote.id())) {
      if (k.aktiv() && Boolean.TRUE.equals(k.narvarande())) {
        narvarande.add(
            Map.of(
                "namn",
                k.namn(),
                "roll",
                k.roll() == Roll.PROFESSIONELL ? kallelser.partNamn(k.part()) : k.roll().text()));
      }
    }
    List<Map<String, Object>> atgarder = new ArrayList<>();
    for (Plan.Atgard atgard : plan.atgarder()) {
      atgarder.add(
          Map.of(
              "beskrivning", atgard.beskrivning(),
              "part", kallelser.partNamn(atgard.ansvarigPart()),
              "ansvarig", atgard.ansvarig(),
              "senast", DATUM.format(atgard.senast())));
    }
    Map<String, Object> modell = new HashMap<>();
    modell.put("arendenummer", a.arendenummer());
    modell.put("version", plan.version());
    modell.put("motesdatum", KallelseUtskick.TID.format(mote.motesTid()));
    modell.put("syfte", mote.syfte());
    modell.put("mal", plan.mal());
    modell.put("atgarder", atgarder);
    modell.put("uppfoljningsdatum", DATUM.format(plan.uppfoljningsdatum()));
    modell.put("narvarande", narvarande);
    modell.put("ordforande", anvandare.hitta(mote.ordforande()).map(Anvandare::namn).orElse(""));
    modell.put(
        "arendebarare", anvandare.hitta(mote.arendebarare()).map(Anvandare::namn).orElse(""));
    modell.put("lank", basUrl + "/arenden/" + a.id());
    return pdf.rendera("plan", modell);
  }
}
