package se.flerpart.avvikelse;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.PersonnummerIText;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * Reports deviations (from the web form, the API and the job {@code registrera-avvikelse}), starts
 * the {@code avvikelse} process for each and records every step of it. A deviation never holds
 * personal data: free text with a personnummer is refused, and a case is referenced, not copied.
 */
@Service
public class AvvikelseService {

  static final String PERSONNUMMER_FEL =
      "Texten ser ut att innehålla ett personnummer eller samordningsnummer. En avvikelse får"
          + " inte innehålla personuppgifter – ta bort numret och hänvisa till ärendet i stället.";

  public static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");
  static final String BUDGET = "BUDGET";
  private static final int MAX_TEXT = 4000;
  private static final BigDecimal MAX_BELOPP = new BigDecimal("1000000000");

  private final Clock klocka;
  private final AvvikelseRepository avvikelser;
  private final AvvikelsetypRepository typer;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final InsatsRepository insatser;
  private final PartRepository parter;
  private final AnvandareRepository anvandare;
  private final MailUtkorg utkorg;
  private final ApplicationEventPublisher handelser;
  private final String paminnelseEfter;
  private final String basUrl;

  public AvvikelseService(
      AvvikelseRepository avvikelser,
      AvvikelsetypRepository typer,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      InsatsRepository insatser,
      PartRepository parter,
      AnvandareRepository anvandare,
      MailUtkorg utkorg,
      ApplicationEventPublisher handelser,
      @Value("${flerpart.avvikelse.paminnelse-efter:P30D}") String paminnelseEfter,
      @Value("${flerpart.bas-url}") String basUrl,
      Clock klocka) {
    this.avvikelser = avvikelser;
    this.typer = typer;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.insatser = insatser;
    this.parter = parter;
    this.anvandare = anvandare;
    this.utkorg = utkorg;
    this.handelser = handelser;
    this.paminnelseEfter = paminnelseEfter;
    this.basUrl = basUrl;
    this.klocka = klocka;
  }

  // ------------------------------------------------------------------ rapportera

  /**
   * A deviation reported by a user.
   *
   * @param kalla {@code WEBB} or {@code API}
   */
  @Transactional
  public Avvikelse rapportera(NyAvvikelse in, Anvandare vem, String kalla) {
    Map<String, String> fel = new LinkedHashMap<>();
    Avvikelsetyp typ = null;
    if (blank(in.typ())) {
      fel.put("typ", "Välj typ av avvikelse");
    } else {
      typ = typer.hitta(in.typ().strip()).filter(Avvikelsetyp::aktiv).orElse(null);
      if (typ == null) {
        fel.put("typ", "Typen " + in.typ() + " finns inte eller används inte längre");
      }
    }
    String beskrivning = blank(in.beskrivning()) ? null : in.beskrivning().strip();
    kontrolleraText("beskrivning", "Beskriv avvikelsen", beskrivning, true, fel);

    Arende arende = null;
    if (!blank(in.arendeId())) {
      if (typ != null && typ.arInsatstyp()) {
        fel.put(
            "arendeId",
            "En insatsavvikelse gäller en insats, inte ett ärende – välj en ärendetyp eller ta"
                + " bort ärendet");
      } else {
        arende = synligtArende(in.arendeId(), vem);
        if (arende == null) {
          fel.put("arendeId", "Ärendet finns inte eller så har du inte behörighet till det");
        }
      }
    }

    String berordPart = blank(in.berordPart()) ? null : in.berordPart().strip();
    if (berordPart == null && arende != null) {
      berordPart = arende.aktualiserandePart();
    }
    if (berordPart == null) {
      fel.put("berordPart", "Välj vilken part avvikelsen gäller");
    } else if (!kandPart(berordPart)) {
      fel.put("berordPart", "Okänd part: " + berordPart);
    }

    String insats = blank(in.insats()) ? null : in.insats().strip();
    if (typ != null && typ.arInsatstyp()) {
      if (insats == null) {
        fel.put("insats", "Välj vilken insats avvikelsen gäller");
      } else if (insatser.hitta(insats).isEmpty()) {
        fel.put("insats", "Insatsen " + insats + " finns inte");
      }
    } else if (typ != null && insats != null) {
      fel.put("insats", "Insats anges bara för insatsavvikelser");
    }

    BigDecimal belopp = in.beloppTkr();
    if (typ != null && BUDGET.equals(typ.kod())) {
      if (belopp == null) {
        fel.put("beloppTkr", "Ange beloppet i tkr");
      } else if (belopp.abs().compareTo(MAX_BELOPP) >= 0) {
        fel.put("beloppTkr", "Beloppet är för stort");
      } else if (belopp.stripTrailingZeros().scale() > 1) {
        fel.put("beloppTkr", "Ange beloppet i tkr med högst en decimal");
      }
    } else if (typ != null && belopp != null) {
      fel.put("beloppTkr", "Belopp anges bara för budgetavvikelser");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }

    Avvikelse ny =
        ny(typ, beskrivning, berordPart, arende, insats, belopp, vem.id(), kalla, klocka.instant());
    avvikelser.skapaOmNy(ny, null);
    avvikelser.logga(
        ny.id(),
        "RAPPORTERAD",
        "Rapporterad av "
            + vem.namn()
            + " ("
            + anvandare.partnamn(vem.part())
            + ")"
            + ("WEBB".equals(kalla) ? " i webbformuläret" : " via API:t"),
        vem.id());
    startaProcess(ny);
    return avvikelser.hitta(ny.id()).orElseThrow();
  }

  /**
   * A deviation Flerpart registers itself (job {@code registrera-avvikelse}): idempotent on {@code
   * nyckel}, so a job delivered again registers nothing new. A personnummer in the process's text
   * is masked rather than refused, so the calling case never stops on it.
   *
   * @param berordPart null: the case's aktualiserande part
   * @param beskrivning null: the type's standard text
   */
  @Transactional
  public Avvikelse registreraAutomatiskt(
      String typKod, String arendeId, String berordPart, String beskrivning, String nyckel) {
    Optional<Avvikelse> redan = avvikelser.hittaMedNyckel(nyckel);
    if (redan.isPresent()) {
      return redan.get();
    }
    Avvikelsetyp typ =
        typer
            .hitta(typKod == null ? "" : typKod.strip())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Okänd avvikelsetyp i BPMN-huvudet typ: " + typKod));
    Arende arende = blank(arendeId) ? null : arenden.hamta(arendeId.strip());
    String part = blank(berordPart) ? null : berordPart.strip();
    if (part == null && arende != null) {
      part = arende.aktualiserandePart();
    }
    if (part == null || !kandPart(part)) {
      throw new IllegalArgumentException(
          "Avvikelsen saknar en känd berörd part (berordPart eller arendeId): " + part);
    }
    String text =
        blank(beskrivning)
            ? typ.standardtext()
            : PersonnummerIText.maskera(
                beskrivning.strip(), LocalDate.now(klocka.withZone(SVERIGE)));
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT);
    }
    Avvikelse ny =
        ny(typ, text, part, arende, null, null, null, Avvikelse.SYSTEM, klocka.instant());
    if (!avvikelser.skapaOmNy(ny, nyckel)) {
      return avvikelser.hittaMedNyckel(nyckel).orElseThrow();
    }
    avvikelser.logga(ny.id(), "RAPPORTERAD", "Registrerad automatiskt av Flerpart", null);
    startaProcess(ny);
    return avvikelser.hitta(ny.id()).orElseThrow();
  }

  private Avvikelse ny(
      Avvikelsetyp typ,
      String beskrivning,
      String berordPart,
      Arende arende,
      String insats,
      BigDecimal belopp,
      String rapporteradAv,
      String kalla,
      Instant nu) {
    return new Avvikelse(
        UUID.randomUUID(),
        avvikelser.nyttNummer(Year.now(klocka.withZone(SVERIGE))),
        typ.kod(),
        beskrivning,
        berordPart,
        arende == null ? null : arende.id(),
        arende == null ? null : arende.arendenummer(),
        insats,
        belopp,
        rapporteradAv,
        kalla,
        AvvikelseStatus.NY,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        nu,
        nu,
        null);
  }

  private void startaProcess(Avvikelse a) {
    handelser.publishEvent(
        new AvvikelseRegistrerad(
            a.id(),
            a.nummer(),
            a.skapad(),
            a.typ(),
            a.berordPart(),
            a.arendeId(),
            a.arendenummer(),
            a.kalla()));
  }

  private Arende synligtArende(String id, Anvandare vem) {
    try {
      Arende a = arenden.hamta(id.strip());
      return atkomst.kanSe(vem, a) ? a : null;
    } catch (EjFunnen e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ hantera

  /** The processledare starts assessing a new deviation. */
  @Transactional
  public Avvikelse paborjaBedomning(UUID id, Anvandare vem) {
    if (!vem.harRoll(Anvandare.PROCESSLEDARE)) {
      throw new AtkomstNekad("Bara processledaren bedömer avvikelser.");
    }
    Avvikelse a = lasForUppdatering(id);
    if (a.status() != AvvikelseStatus.NY) {
      throw new Konflikt(
          "Avvikelsen är inte ny längre (status: " + a.status().text().toLowerCase() + ").");
    }
    avvikelser.sattStatus(id, AvvikelseStatus.UNDER_BEDOMNING);
    avvikelser.logga(id, "BEDOMNING", "Bedömningen påbörjad av " + vem.namn(), vem.id());
    return avvikelser.hitta(id).orElseThrow();
  }

  /** The outcome of {@code bedom-avvikelse}. */
  @Transactional
  public void registreraBedomning(
      UUID id,
      String typ,
      String berordPart,
      String allvarlighet,
      String utredare,
      String bedomning,
      Anvandare vem) {
    Avvikelse a = lasForUppdatering(id);
    if (a.status() != AvvikelseStatus.NY && a.status() != AvvikelseStatus.UNDER_BEDOMNING) {
      throw new Konflikt("Avvikelsen är redan bedömd.");
    }
    avvikelser.sattBedomning(id, typ, berordPart, allvarlighet, utredare, bedomning);
    avvikelser.sattStatus(id, AvvikelseStatus.UNDER_ATGARD);
    List<String> delar = new ArrayList<>();
    delar.add("allvarlighet " + allvarlighetText(allvarlighet).toLowerCase());
    if (!a.typ().equals(typ)) {
      delar.add("typ ändrad till " + typnamn(typ).toLowerCase());
    }
    if (!a.berordPart().equals(berordPart)) {
      delar.add("berörd part ändrad till " + berordPart);
    }
    delar.add("utredare " + namn(utredare));
    avvikelser.logga(
        id, "BEDOMD", "Bedömd av " + vem.namn() + ": " + String.join("; ", delar), vem.id());
  }

  /**
   * The processledare closes the deviation at the bedömning as ogrundad: no investigation, no
   * utredare; the reason is its bedömning, which the återkoppling to the reporter carries.
   */
  @Transactional
  public void avslutaSomOgrundad(
      UUID id, String typ, String berordPart, String allvarlighet, String skal, Anvandare vem) {
    Avvikelse a = lasForUppdatering(id);
    if (a.status() != AvvikelseStatus.NY && a.status() != AvvikelseStatus.UNDER_BEDOMNING) {
      throw new Konflikt("Avvikelsen är redan bedömd.");
    }
    avvikelser.sattBedomning(id, typ, berordPart, allvarlighet, null, skal.strip());
    avvikelser.sattStatus(id, AvvikelseStatus.AVSLUTAD);
    avvikelser.logga(
        id,
        "OGRUNDAD",
        "Avslutad som ogrundad av " + vem.namn() + " utan utredning: " + skal.strip(),
        vem.id());
  }

  /** The outcome of {@code atgarda-avvikelse}: closed here, or escalated to the styrgrupp. */
  @Transactional
  public void registreraAtgard(
      UUID id, String analys, String atgard, boolean eskalera, Anvandare vem) {
    Avvikelse a = lasForUppdatering(id);
    if (a.status() != AvvikelseStatus.UNDER_ATGARD) {
      throw new Konflikt("Avvikelsen väntar inte på åtgärd.");
    }
    avvikelser.sattAtgard(id, analys, atgard, eskalera);
    avvikelser.sattStatus(id, eskalera ? AvvikelseStatus.ESKALERAD : AvvikelseStatus.AVSLUTAD);
    avvikelser.logga(
        id,
        eskalera ? "ESKALERAD" : "AVSLUTAD",
        "Analys och åtgärd registrerade av "
            + vem.namn()
            + (eskalera ? "; eskalerad till styrgruppen" : "; avvikelsen är avslutad"),
        vem.id());
  }

  /** The outcome of {@code styrgruppsbeslut}: the styrgrupp's decision closes the deviation. */
  @Transactional
  public void registreraStyrgruppsbeslut(UUID id, String beslut, Anvandare vem) {
    Avvikelse a = lasForUppdatering(id);
    if (a.status() != AvvikelseStatus.ESKALERAD) {
      throw new Konflikt("Avvikelsen väntar inte på styrgruppens beslut.");
    }
    avvikelser.sattBeslut(id, beslut);
    avvikelser.sattStatus(id, AvvikelseStatus.AVSLUTAD);
    avvikelser.logga(
        id,
        "AVSLUTAD",
        "Styrgruppens beslut registrerat av " + vem.namn() + "; avvikelsen är avslutad",
        vem.id());
  }

  // ------------------------------------------------------------------ mail

  /**
   * Återkoppling when the deviation is closed: to the reporter, or for one Flerpart registered
   * itself to the processledare, who follow every deviation. Once per deviation.
   */
  @Transactional
  public void skickaAterkoppling(UUID id) {
    Avvikelse a = hamta(id);
    List<Anvandare> till =
        a.automatisk()
            ? anvandare.medRoll(Anvandare.PROCESSLEDARE)
            : anvandare.hitta(a.rapporteradAv()).stream().toList();
    if (till.isEmpty()) {
      return;
    }
    Map<String, Object> modell = new LinkedHashMap<>();
    modell.put("nummer", a.nummer());
    modell.put("mottagare", till.size() == 1 ? till.get(0).namn() : "");
    modell.put("typ", typnamn(a.typ()));
    modell.put("part", anvandare.partnamn(a.berordPart()));
    modell.put("automatisk", a.automatisk());
    modell.put("analys", a.analys());
    modell.put("atgard", a.atgard());
    modell.put("beslut", a.beslut());
    // Closed at the bedömning without an investigation: the processledare's reason.
    modell.put("ogrundad", a.utredare() == null ? a.bedomning() : null);
    modell.put("lank", basUrl + "/avvikelser/" + a.id());
    if (utkorg.koa(
        "avvikelse-aterkoppling:" + a.id(),
        till.stream().map(Anvandare::epost).toList(),
        "avvikelse-aterkoppling",
        modell)) {
      avvikelser.logga(
          id,
          "ATERKOPPLING",
          "Återkoppling skickad till "
              + String.join(", ", till.stream().map(Anvandare::namn).toList()),
          null);
    }
  }

  /**
   * The deviation has not moved for the configured time: the processledare are reminded of it.
   *
   * @param nyckel unique for this reminder (the job key within the deviation)
   */
  @Transactional
  public void paminn(UUID id, String nyckel) {
    Avvikelse a = hamta(id);
    if (!a.status().oppen()) {
      return;
    }
    List<Anvandare> processledare = anvandare.medRoll(Anvandare.PROCESSLEDARE);
    if (processledare.isEmpty()) {
      return;
    }
    String vantar =
        switch (a.status()) {
          case NY, UNDER_BEDOMNING -> "Avvikelsen väntar på processledarens bedömning.";
          case UNDER_ATGARD ->
              "Avvikelsen väntar på analys och åtgärd av " + namn(a.utredare()) + ".";
          case ESKALERAD -> "Avvikelsen väntar på att styrgruppens beslut registreras.";
          case AVSLUTAD -> "";
        };
    Map<String, Object> modell = new LinkedHashMap<>();
    modell.put("nummer", a.nummer());
    modell.put("typ", typnamn(a.typ()));
    modell.put("part", anvandare.partnamn(a.berordPart()));
    modell.put("status", a.status().text());
    modell.put("frist", fristText(paminnelseEfter));
    modell.put("rapporterad", DateTimeFormatter.ISO_LOCAL_DATE.format(a.skapad().atZone(SVERIGE)));
    modell.put("vantar", vantar);
    modell.put("lank", basUrl + "/avvikelser/" + a.id());
    if (utkorg.koa(
        "avvikelse-paminnelse:" + nyckel,
        processledare.stream().map(Anvandare::epost).toList(),
        "avvikelse-paminnelse",
        modell)) {
      avvikelser.logga(id, "PAMINNELSE", "Påminnelse till processledaren: " + vantar, null);
    }
  }

  // ------------------------------------------------------------------ läsa

  public Avvikelse hamta(UUID id) {
    return avvikelser.hitta(id).orElseThrow(() -> new EjFunnen("Avvikelsen finns inte."));
  }

  public Avvikelse hamta(String id, Anvandare vem) {
    Avvikelse a;
    try {
      a = hamta(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new EjFunnen("Avvikelsen finns inte.");
    }
    if (!kanSe(vem, a)) {
      throw new AtkomstNekad("Du har inte behörighet till avvikelse " + a.nummer() + ".");
    }
    return a;
  }

  /** The processledare see every deviation; others those they reported or investigate. */
  public boolean kanSe(Anvandare vem, Avvikelse a) {
    return vem.harRoll(Anvandare.PROCESSLEDARE)
        || vem.id().equals(a.rapporteradAv())
        || vem.id().equals(a.utredare());
  }

  public List<Avvikelse> synligaFor(Anvandare vem) {
    return vem.harRoll(Anvandare.PROCESSLEDARE)
        ? avvikelser.alla()
        : avvikelser.forAnvandare(vem.id());
  }

  public List<AvvikelseRepository.Handelse> historik(UUID id) {
    return avvikelser.handelser(id);
  }

  /** "30 dagar", "1 månad": the reminder period as people say it. */
  static String fristText(String iso) {
    try {
      Period p = Period.parse(iso);
      if (p.getYears() == 0 && p.getMonths() == 0) {
        return p.getDays() == 1 ? "1 dag" : p.getDays() + " dagar";
      }
      if (p.getYears() == 0 && p.getDays() == 0) {
        return p.getMonths() == 1 ? "1 månad" : p.getMonths() + " månader";
      }
    } catch (DateTimeParseException e) {
      // A time-based duration such as PT12H: shown as configured.
    }
    return iso;
  }

  static String allvarlighetText(String allvarlighet) {
    if (allvarlighet == null) {
      return "–";
    }
    return switch (allvarlighet) {
      case "LAG" -> "Låg";
      case "MEDEL" -> "Medel";
      case "HOG" -> "Hög";
      default -> allvarlighet;
    };
  }

  private Avvikelse lasForUppdatering(UUID id) {
    return avvikelser
        .hittaForUppdatering(id)
        .orElseThrow(() -> new EjFunnen("Avvikelsen finns inte."));
  }

  /**
   * Checks a free text field: required or not, at most 4000 characters, no personnummer.
   *
   * @param saknas the message when a required text is missing
   */
  static void kontrolleraText(
      String falt, String saknas, String text, boolean kravs, Map<String, String> fel) {
    if (text == null || text.isBlank()) {
      if (kravs) {
        fel.put(falt, saknas);
      }
    } else if (text.length() > MAX_TEXT) {
      fel.put(falt, "Texten får vara högst " + MAX_TEXT + " tecken");
    } else if (PersonnummerIText.innehaller(text, LocalDate.now(SVERIGE))) {
      fel.put(falt, PERSONNUMMER_FEL);
    }
  }

  private String typnamn(String kod) {
    return typer.hitta(kod).map(Avvikelsetyp::namn).orElse(kod);
  }

  private String namn(String anvandarId) {
    return anvandarId == null
        ? "–"
        : anvandare
            .hitta(anvandarId)
            .map(u -> u.namn() + " (" + anvandare.partnamn(u.part()) + ")")
            .orElse(anvandarId);
  }

  private boolean kandPart(String kod) {
    return parter.alla().stream().anyMatch(p -> p.kod().equals(kod));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
