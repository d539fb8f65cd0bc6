package se.flerpart.avvikelse;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.notifiering.Bilaga;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.notifiering.PdfRenderer;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.AtkomstNekad;

/**
 * The avvikelserapport to the arbetsgrupp: per part and type, the deviations that were new and
 * closed during the period, those still open and the oldest open one. The period is the configured
 * length (a month by default) up to the moment the report is made.
 */
@Service
public class Avvikelserapport {

  private static final Logger log = LoggerFactory.getLogger(Avvikelserapport.class);
  private static final DateTimeFormatter DATUM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(AvvikelseService.SVERIGE);

  /** One line of the report; {@code aldstaOppna} is null when nothing is open. */
  public record Rad(
      String typ, String typNamn, long nya, long avslutade, long oppna, Instant aldstaOppna) {}

  /** A part's lines and their sum. */
  public record Del(String part, String partNamn, List<Rad> rader, Rad summa) {}

  public record Rapport(Instant fran, Instant till, List<Del> parter, Rad summa) {}

  private final Clock klocka;
  private final AvvikelseRepository avvikelser;
  private final AvvikelseVisning visning;
  private final AnvandareRepository anvandare;
  private final PdfRenderer pdf;
  private final MailUtkorg utkorg;
  private final Period period;
  private final List<String> mottagare;
  private final String basUrl;
  private final CamundaClient camunda;

  public Avvikelserapport(
      AvvikelseRepository avvikelser,
      AvvikelseVisning visning,
      AnvandareRepository anvandare,
      PdfRenderer pdf,
      MailUtkorg utkorg,
      @Value("${flerpart.avvikelse.rapport.period:P1M}") Period period,
      @Value("${flerpart.avvikelse.rapport.mottagare:}") List<String> mottagare,
      @Value("${flerpart.bas-url}") String basUrl,
      CamundaClient camunda,
      Clock klocka) {
    this.avvikelser = avvikelser;
    this.visning = visning;
    this.anvandare = anvandare;
    this.pdf = pdf;
    this.utkorg = utkorg;
    this.period = period;
    this.mottagare = mottagare;
    this.basUrl = basUrl;
    this.camunda = camunda;
    this.klocka = klocka;
  }

  /** The processledare asks for the report now: an instance of {@code avvikelserapport}. */
  public long begar(Anvandare vem) {
    if (!vem.harRoll(Anvandare.PROCESSLEDARE)) {
      throw new AtkomstNekad("Bara processledaren kan begära avvikelserapporten.");
    }
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId("avvikelserapport")
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  public Rapport sammanstall(Instant fran, Instant till) {
    AvvikelseVisning.Namn namn = visning.namn();
    Map<String, Map<String, List<Avvikelse>>> perPartOchTyp = new TreeMap<>();
    for (Avvikelse a : avvikelser.alla()) {
      perPartOchTyp
          .computeIfAbsent(a.berordPart(), p -> new HashMap<>())
          .computeIfAbsent(a.typ(), t -> new ArrayList<>())
          .add(a);
    }
    List<Del> delar = new ArrayList<>();
    for (var part : perPartOchTyp.entrySet()) {
      List<Rad> rader =
          part.getValue().entrySet().stream()
              .map(e -> rad(e.getKey(), namn.typ(e.getKey()), e.getValue(), fran, till))
              .filter(r -> r.nya() + r.avslutade() + r.oppna() > 0)
              .sorted(Comparator.comparing(Rad::typNamn))
              .toList();
      if (!rader.isEmpty()) {
        delar.add(new Del(part.getKey(), namn.part(part.getKey()), rader, summa("Summa", rader)));
      }
    }
    delar.sort(Comparator.comparing(Del::partNamn));
    return new Rapport(fran, till, delar, summa("Totalt", delar.stream().map(Del::summa).toList()));
  }

  private static Rad rad(
      String typ, String typNamn, List<Avvikelse> lista, Instant fran, Instant till) {
    long nya = lista.stream().filter(a -> inom(a.skapad(), fran, till)).count();
    long avslutade =
        lista.stream().filter(a -> a.avslutad() != null && inom(a.avslutad(), fran, till)).count();
    List<Avvikelse> oppna =
        lista.stream().filter(a -> a.status().oppen() && a.skapad().isBefore(till)).toList();
    Instant aldsta =
        oppna.stream().map(Avvikelse::skapad).min(Comparator.naturalOrder()).orElse(null);
    return new Rad(typ, typNamn, nya, avslutade, oppna.size(), aldsta);
  }

  private static Rad summa(String namn, List<Rad> rader) {
    return new Rad(
        null,
        namn,
        rader.stream().mapToLong(Rad::nya).sum(),
        rader.stream().mapToLong(Rad::avslutade).sum(),
        rader.stream().mapToLong(Rad::oppna).sum(),
        rader.stream()
            .map(Rad::aldstaOppna)
            .filter(t -> t != null)
            .min(Comparator.naturalOrder())
            .orElse(null));
  }

  private static boolean inom(Instant t, Instant fran, Instant till) {
    return !t.isBefore(fran) && t.isBefore(till);
  }

  /**
   * Makes the report for the period up to now and mails it as a PDF to the arbetsgrupp.
   *
   * @param nyckel unique for this report (the job's key within the time its task was entered), so a
   *     repeated job mails nothing new
   */
  @Transactional
  public void skicka(String nyckel) {
    Instant till = klocka.instant();
    Instant fran = till.atZone(AvvikelseService.SVERIGE).minus(period).toInstant();
    List<String> arbetsgrupp = mottagare();
    if (arbetsgrupp.isEmpty()) {
      log.warn("Avvikelserapporten har inga mottagare: ange flerpart.avvikelse.rapport.mottagare");
      return;
    }
    Map<String, Object> modell = modell(sammanstall(fran, till), till);
    byte[] fil = pdf.rendera("avvikelserapport", modell);
    utkorg.koa(
        "avvikelserapport:" + nyckel,
        arbetsgrupp,
        "avvikelserapport",
        modell,
        List.of(
            new Bilaga("avvikelserapport-" + DATUM.format(till) + ".pdf", "application/pdf", fil)));
  }

  /** A line as the PDF shows it: the oldest open one as its date and age. */
  public record RadVy(String typNamn, long nya, long avslutade, long oppna, String aldstaOppna) {}

  public record DelVy(String rubrik, List<RadVy> rader, RadVy summa) {}

  Map<String, Object> modell(Rapport rapport, Instant nu) {
    Map<String, Object> modell = new HashMap<>();
    modell.put("fran", DATUM.format(rapport.fran()));
    modell.put("till", DATUM.format(rapport.till()));
    modell.put(
        "parter",
        rapport.parter().stream()
            .map(
                d ->
                    new DelVy(
                        d.partNamn(),
                        d.rader().stream().map(r -> vy(r, nu)).toList(),
                        vy(d.summa(), nu)))
            .toList());
    modell.put("summa", vy(rapport.summa(), nu));
    modell.put("lank", basUrl + "/avvikelser");
    return modell;
  }

  private static RadVy vy(Rad r, Instant nu) {
    String aldsta =
        r.aldstaOppna() == null
            ? "–"
            : DATUM.format(r.aldstaOppna())
                + " ("
                + Duration.between(r.aldstaOppna(), nu).toDays()
                + " dagar)";
    return new RadVy(r.typNamn(), r.nya(), r.avslutade(), r.oppna(), aldsta);
  }

  /** The arbetsgrupp as configured (user ids or addresses) and always the processledare. */
  List<String> mottagare() {
    Set<String> epost = new LinkedHashSet<>();
    for (String m : mottagare) {
      String vem = m.strip();
      if (vem.isEmpty()) {
        continue;
      }
      if (vem.contains("@")) {
        epost.add(vem);
      } else {
        anvandare
            .hitta(vem)
            .map(Anvandare::epost)
            .ifPresentOrElse(
                epost::add,
                () -> log.warn("Avvikelserapportens mottagare {} finns inte som användare", vem));
      }
    }
    epost.addAll(
        anvandare.medRoll(Anvandare.PROCESSLEDARE).stream()
            .map(Anvandare::epost)
            .collect(Collectors.toList()));
    return List.copyOf(epost);
  }
}
