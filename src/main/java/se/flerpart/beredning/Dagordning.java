package se.flerpart.beredning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.notifiering.Bilaga;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.notifiering.PdfRenderer;
import se.flerpart.process.SchedulerLock;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * Sends each member of the beredningsgrupp the agenda of the next meeting, with its cases as a PDF,
 * once the clock that follows the engine has passed the send time (see {@link Motesschema#utskick})
 * — so moving the engine clock brings it, like every other deadline. Each agenda is recorded when
 * sent, so it goes exactly once, also across restarts and instances.
 *
 * <p>The PDF is made per member: a case's personal data only for a member inside the case's consent
 * scope (each such read logged), the case number only for the others.
 */
@Component
class Dagordning {

  private static final Logger log = LoggerFactory.getLogger(Dagordning.class);
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ISO_LOCAL_DATE;

  private final BeredningsmoteRepository moten;
  private final Beredningsmoten beredningsmoten;
  private final ArendeAtkomst atkomst;
  private final AnvandareRepository anvandare;
  private final MailUtkorg utkorg;
  private final PdfRenderer pdf;
  private final SchedulerLock las;
  private final Clock klocka;
  private final int arbetsdagar;
  private final String basUrl;

  Dagordning(
      BeredningsmoteRepository moten,
      Beredningsmoten beredningsmoten,
      ArendeAtkomst atkomst,
      AnvandareRepository anvandare,
      MailUtkorg utkorg,
      PdfRenderer pdf,
      SchedulerLock las,
      Clock klocka,
      @Value("${flerpart.beredningsmote.dagordning-arbetsdagar:2}") int arbetsdagar,
      @Value("${flerpart.bas-url}") String basUrl) {
    this.moten = moten;
    this.beredningsmoten = beredningsmoten;
    this.atkomst = atkomst;
    this.anvandare = anvandare;
    this.utkorg = utkorg;
    this.pdf = pdf;
    this.las = las;
    this.klocka = klocka;
    this.arbetsdagar = arbetsdagar;
    this.basUrl = basUrl;
  }

  static String nyckel(String insats, LocalDate mote) {
    return "dagordning:" + insats + ":" + mote + ":";
  }

  @Scheduled(
      initialDelayString = "${flerpart.beredningsmote.kontroll-intervall:5s}",
      fixedDelayString = "${flerpart.beredningsmote.kontroll-intervall:5s}")
  void kontrollera() {
    las.korEnsam("beredningsmote-dagordning", this::skickaForfallna);
  }

  /** Sends the agendas whose time has come and that are not yet sent. */
  void skickaForfallna() {
    Instant nu = klocka.instant();
    for (Motesschema schema : moten.allaScheman()) {
      LocalDate mote = schema.nasta(nu);
      if (nu.isBefore(Motesschema.utskick(mote, arbetsdagar))
          || moten.arSkickad(schema.insats(), mote)) {
        continue;
      }
      List<Beredningsmoten.Punkt> punkter = beredningsmoten.dagordning(schema, mote);
      if (!moten.markeraSkickad(
          schema.insats(), mote, nu, punkter.stream().map(p -> p.arende().id()).toList())) {
        continue;
      }
      skicka(schema, mote, punkter);
    }
  }

  private void skicka(Motesschema schema, LocalDate mote, List<Beredningsmoten.Punkt> punkter) {
    String insatsnamn = beredningsmoten.insatsnamn(schema.insats());
    int skickade = 0;
    for (String id : beredningsmoten.medlemmar(schema.insats())) {
      var konto = anvandare.konto(id).orElse(null);
      if (konto == null || !konto.aktiv() || konto.anvandare().epost() == null) {
        continue;
      }
      Anvandare medlem = konto.anvandare();
      Map<String, Object> modell = new HashMap<>();
      modell.put("datum", DATUM.format(mote));
      modell.put("dag", Beredningsmoten.DAG.format(mote));
      modell.put("tid", schema.tid().toString());
      modell.put("plats", schema.plats());
      modell.put("insats", insatsnamn);
      modell.put("antal", punkter.size());
      modell.put("mottagare", medlem.namn());
      modell.put("lank", basUrl + "/beredningsmote/" + schema.insats());
      modell.put("arenden", rader(punkter, medlem));
      byte[] dokument = pdf.rendera("dagordning", modell);
      utkorg.koa(
          nyckel(schema.insats(), mote) + id,
          List.of(medlem.epost()),
          "dagordning",
          modell,
          List.of(
              new Bilaga(
                  "dagordning-" + schema.insats() + "-" + mote + ".pdf",
                  "application/pdf",
                  dokument)));
      skickade++;
    }
    log.info(
        "Dagordningen för beredningsmötet {} i {} skickad till {} medlemmar ({} ärenden)",
        mote,
        schema.insats(),
        skickade,
        punkter.size());
  }

  /** The agenda's cases as the member may read them. */
  private List<Map<String, Object>> rader(List<Beredningsmoten.Punkt> punkter, Anvandare medlem) {
    List<Map<String, Object>> rader = new ArrayList<>();
    for (Beredningsmoten.Punkt p : punkter) {
      Arende a = p.arende();
      Map<String, Object> rad = new LinkedHashMap<>();
      rad.put("arendenummer", a.arendenummer());
      rad.put("flyttatFran", p.flyttatFran() == null ? null : p.flyttatFran().toString());
      ArendeAtkomst.Personuppgifter pu = atkomst.personuppgifter(medlem, a);
      rad.put("synlig", pu.synliga());
      if (pu.synliga()) {
        rad.put("aktualiserad", DATUM.format(a.skapad().atZone(ArendeService.SVERIGE)));
        rad.put("part", anvandare.partnamn(a.aktualiserandePart()));
        rad.put("bradskande", a.bradskande());
        rad.put("behov", String.join(", ", a.behov().stream().map(anvandare::partnamn).toList()));
        rad.put("namn", pu.individ() == null ? null : pu.individ().namn());
        rad.put("personnummer", pu.skyddadIdentitet() ? "Skyddad identitet" : pu.personnummer());
        rad.put("skal", pu.skal());
        rad.put(
            "tolk",
            pu.individ() != null && Boolean.TRUE.equals(pu.individ().tolk())
                ? pu.individ().sprak()
                : null);
      }
      rader.add(rad);
    }
    return rader;
  }
}
