package se.flerpart.mote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.notifiering.Bilaga;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.notifiering.PdfRenderer;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.EjFunnen;

/**
 * Everything that goes out to the invitees: the kallelse with its calendar invitation and answer
 * link, a changed or cancelled meeting, reminders, and word to the ärendebärare when a required
 * part declines or stays silent. Mails are queued in the outbox under a key per invitation and
 * version, so a job that runs twice sends nothing twice.
 */
@Service
public class KallelseUtskick {

  static final DateTimeFormatter TID =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv"))
          .withZone(ArendeService.SVERIGE);

  private final MoteRepository moten;
  private final ArendeService arenden;
  private final ArendeHistorik historik;
  private final AnvandareRepository anvandare;
  private final PartRepository parter;
  private final MailUtkorg utkorg;
  private final KallelseIcs ics;
  private final SvarsToken tokens;
  private final Kortlankar kortlankar;
  private final PdfRenderer pdf;
  private final Paminnelsetid paminnelsetid;
  private final Clock klocka;
  private final ApplicationEventPublisher handelser;
  private final Duration langd;
  private final String basUrl;

  public KallelseUtskick(
      MoteRepository moten,
      ArendeService arenden,
      ArendeHistorik historik,
      AnvandareRepository anvandare,
      PartRepository parter,
      MailUtkorg utkorg,
      KallelseIcs ics,
      SvarsToken tokens,
      Kortlankar kortlankar,
      PdfRenderer pdf,
      Paminnelsetid paminnelsetid,
      Clock klocka,
      @Value("${flerpart.mote.langd:PT1H30M}") Duration langd,
      @Value("${flerpart.bas-url}") String basUrl,
      ApplicationEventPublisher handelser) {
    this.moten = moten;
    this.arenden = arenden;
    this.historik = historik;
    this.anvandare = anvandare;
    this.parter = parter;
    this.utkorg = utkorg;
    this.ics = ics;
    this.tokens = tokens;
    this.kortlankar = kortlankar;
    this.pdf = pdf;
    this.paminnelsetid = paminnelsetid;
    this.klocka = klocka;
    this.langd = langd;
    this.basUrl = basUrl;
    this.handelser = handelser;
  }

  /**
   * Job {@code skicka-kallelse}.
   *
   * @param utskick {@code kallelse} (the first one), {@code andring} (moved), {@code avbokning}
   *     (cancelled) or {@code ersattare} (to the replacement in {@code kallelseId})
   * @return what the process needs to wait for the answers and the meeting
   */
  @Transactional
  public Map<String, Object> skicka(
      long processInstansNyckel, String utskick, String moteId, String kallelseId) {
    switch (utskick) {
      case "kallelse", "andring" -> {
        Mote mote =
            "kallelse".equals(utskick)
                ? moten
                    .planeratIProcess(processInstansNyckel)
                    .orElseThrow(() -> new EjFunnen("Inget planerat möte i processen"))
                : mote(moteId);
        int skickade = 0;
        for (Kallelse k : moten.kallelser(mote.id())) {
          if (k.aktiv() && kallelseMail(mote, k, "kallelse".equals(utskick) ? "NY" : "ANDRAD")) {
            skickade++;
          }
        }
        if (skickade > 0) {
          historik.logga(
              mote.arendeId(),
              "KALLELSE",
              ("kallelse".equals(utskick) ? "Kallelse" : "Ändrad kallelse")
                  + " till flerpartsmöte "
                  + TID.format(mote.motesTid())
                  + " skickad till "
                  + skickade
                  + (skickade == 1 ? " person" : " personer"),
              null);
          handelser.publishEvent(
              new KallelseSkickad(
                  mote.arendeId(),
                  arenden.hamta(mote.arendeId()).arendenummer(),
                  klocka.instant(),
                  mote.id(),
                  mote.sekvens(),
                  mote.motesTid(),
                  "andring".equals(utskick),
                  moten.kallelser(mote.id()).stream()
                      .filter(Kallelse::aktiv)
                      .map(Kallelse::part)
                      .filter(Objects::nonNull)
                      .distinct()
                      .toList()));
        }
        return processdata(mote);
      }
      case "avbokning" -> {
        Mote mote = mote(moteId);
        for (Kallelse k : moten.kallelser(mote.id())) {
          if (k.aktiv()) {
            kallelseMail(mote, k, "INSTALLT");
          }
        }
        return Map.of();
      }
      case "ersattare" -> {
        Kallelse k =
            moten
                .kallelse(UUID.fromString(kallelseId))
                .orElseThrow(() -> new EjFunnen("Kallelsen finns inte"));
        Mote mote = mote(k.moteId().toString());
        if (kallelseMail(mote, k, "NY")) {
          historik.logga(
              mote.arendeId(),
              "KALLELSE",
              "Kallelse skickad till ersättaren " + visningsnamn(k),
              null);
        }
        return Map.of();
      }
      default -> throw new IllegalArgumentException("Okänt utskick: " + utskick);
    }
  }

  /**
   * Job {@code skicka-paminnelse} with {@code avser=kallelse}: one invitee who has not answered.
   */
  @Transactional
  public void paminn(UUID kallelseId) {
    Kallelse k = moten.kallelse(kallelseId).orElse(null);
    if (k == null || !k.aktiv() || k.svar() != null || !k.harEpost()) {
      return;
    }
    Mote mote = mote(k.moteId().toString());
    // Someone invited after the reminder time (a replacement) has just had the kallelse.
    if (mote.status() != MoteStatus.PLANERAT
        || !k.skapad().isBefore(paminnelsetid.fore(mote.motesTid(), mote.skapad()))) {
      return;
    }
    if (kallelseMail(mote, k, "PAMINNELSE")) {
      historik.logga(
          mote.arendeId(),
          "PAMINNELSE",
          "Påminnelse om kallelsen till " + visningsnamn(k) + ", som inte har svarat",
          null);
    }
  }

  /**
   * Job {@code meddela-arendebarare}: a required part declined ({@code PART_AVBOJDE}) or did not
   * answer before the meeting ({@code KALLELSE_OBESVARAD}; {@code PART_UTEBLEV} in process
   * instances started before that type existed). A decline is registered as a deviation right
   * after; silence only when the part then stays away from the meeting (see {@link
   * GenomforMoteHandler}).
   */
  @Transactional
  public void meddelaArendebarare(UUID kallelseId, String handelse) {
    Kallelse k = moten.kallelse(kallelseId).orElseThrow(() -> new EjFunnen("Kallelsen finns inte"));
    Mote mote = mote(k.moteId().toString());
    Arende a = arenden.hamta(mote.arendeId());
    Anvandare arendebarare = anvandare.hitta(mote.arendebarare()).orElse(null);
    if (arendebarare == null) {
      return;
    }
    boolean avbojt = "PART_AVBOJDE".equals(handelse);
    Map<String, Object> modell = new HashMap<>();
    modell.put("arendenummer", a.arendenummer());
    modell.put("mottagare", arendebarare.namn());
    modell.put("vem", visningsnamn(k));
    modell.put("partNamn", partNamn(k.part()));
    modell.put("avbojt", avbojt);
    modell.put("kommentar", k.svarKommentar());
    modell.put("tid", TID.format(mote.motesTid()));
    modell.put("lank", basUrl + "/arenden/" + a.id());
    if (utkorg.koa(
        a.id(),
        "kallelse-meddelande:" + k.id() + ":" + handelse + ":" + mote.sekvens(),
        List.of(arendebarare.epost()),
        "kallelse-meddelande",
        modell,
        List.of())) {
      historik.logga(
          a.id(),
          avbojt ? "PART_AVBOJDE" : "KALLELSE_OBESVARAD",
          visningsnamn(k)
              + (avbojt
                  ? " har avböjt kallelsen; parten krävs på mötet. Ärendebäraren är meddelad och en"
                      + " avvikelse registreras."
                  : " har inte svarat på kallelsen; parten krävs på mötet. Ärendebäraren är"
                      + " meddelad. Uteblir parten från mötet registreras en avvikelse."),
          null);
    }
  }

  /**
   * The printable kallelse for someone without e-mail: the answer link as a short link to type and
   * as a QR code to scan (both lead to the same signed answer link as the mail), and the
   * ärendebärare's phone number when there is one.
   */
  public byte[] kallelsePdf(Mote mote, Kallelse k) {
    Map<String, Object> modell = modell(mote, k, "NY");
    String kortlank = kortlank(mote, k);
    modell.put("kortlank", kortlank);
    modell.put("qrKod", QrKod.pngDataUri(kortlank));
    modell.put("arendebarareTelefon", anvandare.telefon(mote.arendebarare()).orElse(null));
    return pdf.rendera("kallelse", modell);
  }

  /** The short link of this invitation in the meeting's current version. */
  String kortlank(Mote mote, Kallelse k) {
    return basUrl + "/k/" + kortlankar.kod(k.id(), mote.sekvens());
  }

  /** Queues one invitee's mail; false when it was queued before or the invitee has no e-mail. */
  private boolean kallelseMail(Mote mote, Kallelse k, String typ) {
    if (!k.harEpost()) {
      return false;
    }
    Map<String, Object> modell = modell(mote, k, typ);
    List<Bilaga> bilagor = new ArrayList<>();
    if (!"PAMINNELSE".equals(typ)) {
      Anvandare arendebarare = anvandare.hitta(mote.arendebarare()).orElseThrow();
      bilagor.add(
          ics.bilaga(
              mote,
              k,
              (String) modell.get("arendenummer"),
              arendebarare.namn(),
              arendebarare.epost(),
              "Syfte: " + mote.syfte() + "\n\nSvara på kallelsen: " + modell.get("svarslank"),
              klocka.instant()));
    }
    return utkorg.koa(
        mote.arendeId(),
        typ.toLowerCase(Locale.ROOT) + ":" + k.id() + ":" + mote.sekvens(),
        List.of(k.epost()),
        "kallelse",
        modell,
        bilagor);
  }

  private Map<String, Object> modell(Mote mote, Kallelse k, String typ) {
    Arende a = arenden.hamta(mote.arendeId());
    Anvandare arendebarare = anvandare.hitta(mote.arendebarare()).orElseThrow();
    String tid = TID.format(mote.motesTid());
    Map<String, Object> m = new HashMap<>();
    m.put(
        "amne",
        switch (typ) {
          case "ANDRAD" -> "Ändrad kallelse: flerpartsmöte " + tid;
          case "INSTALLT" -> "Inställt: flerpartsmöte " + tid;
          case "PAMINNELSE" -> "Påminnelse: svara på kallelsen till flerpartsmöte " + tid;
          default -> "Kallelse till flerpartsmöte " + tid;
        });
    m.put("typ", typ);
    m.put("syfte", mote.syfte());
    m.put("namn", k.namn());
    m.put("arendenummer", a.arendenummer());
    m.put("tid", tid);
    m.put("plats", mote.plats());
    m.put("videolank", mote.videolank());
    m.put("tolkSprak", mote.tolkSprak());
    m.put("ordforande", Objects.requireNonNullElse(ordforandeNamn(mote), ""));
    m.put("arendebarare", arendebarare.namn());
    m.put("arendebarareEpost", arendebarare.epost());
    m.put("arendebararePart", partNamn(arendebarare.part()));
    m.put("kravs", k.kravs());
    m.put("individ", k.roll() == Roll.INDIVID);
    m.put("ersattareMojlig", KallelsesvarService.kanSkickaErsattare(k));
    m.put("partNamn", partNamn(k.part()));
    m.put("orsak", mote.installtOrsak());
    m.put("svarslank", svarslank(mote, k));
    return m;
  }

  String svarslank(Mote mote, Kallelse k) {
    return basUrl + "/svar/" + svarstoken(mote, k.id(), mote.sekvens());
  }

  /** The signed answer token of an invitation sent with kallelse version {@code sekvens}. */
  String svarstoken(Mote mote, UUID kallelseId, int sekvens) {
    return tokens.skapa(kallelseId, sekvens, giltigTill(mote));
  }

  /** An answer link works until the meeting is over. */
  Instant giltigTill(Mote mote) {
    return mote.motesTid().plus(langd);
  }

  private Map<String, Object> processdata(Mote mote) {
    List<Map<String, Object>> kallelser = new ArrayList<>();
    for (Kallelse k : moten.kallelser(mote.id())) {
      if (k.aktiv()) {
        Map<String, Object> rad = new HashMap<>();
        rad.put("kallelseId", k.id().toString());
        rad.put("part", k.part());
        rad.put("kravs", k.kravs());
        kallelser.add(rad);
      }
    }
    Map<String, Object> variabler = new HashMap<>();
    variabler.put("moteId", mote.id().toString());
    variabler.put("motesTid", mote.motesTid().toString());
    variabler.put(
        "paminnelseTid", paminnelsetid.fore(mote.motesTid(), klocka.instant()).toString());
    variabler.put("kallelser", kallelser);
    return variabler;
  }

  private Mote mote(String moteId) {
    return moten.hitta(UUID.fromString(moteId)).orElseThrow(() -> new EjFunnen("Mötet finns inte"));
  }

  /** How the history names an invitee: professionals by name and part, others by role only. */
  String visningsnamn(Kallelse k) {
    return k.roll() == Roll.PROFESSIONELL
        ? k.namn() + " (" + partNamn(k.part()) + ")"
        : k.roll().text();
  }

  String arendebarareNamn(Mote mote) {
    return anvandare.hitta(mote.arendebarare()).map(Anvandare::namn).orElse(mote.arendebarare());
  }

  /** The ärendebärare's e-mail address, as the kallelse gives it; null if unknown. */
  String arendebarareEpost(Mote mote) {
    return anvandare.hitta(mote.arendebarare()).map(Anvandare::epost).orElse(null);
  }

  /** The ordförande's name, as the kallelse gives it; null if none or unknown. */
  String ordforandeNamn(Mote mote) {
    return mote.ordforande() == null
        ? null
        : anvandare.hitta(mote.ordforande()).map(Anvandare::namn).orElse(null);
  }

  String partNamn(String kod) {
    if (kod == null) {
      return "";
    }
    return parter.alla().stream()
        .filter(p -> p.kod().equals(kod))
        .map(PartRepository.Part::namn)
        .findFirst()
        .orElse(kod);
  }
}
