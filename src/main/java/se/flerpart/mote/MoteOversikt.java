package se.flerpart.mote;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftService;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;

/**
 * A case's meetings, the answers to each kallelse and the plan with its history, as a user may see
 * them: names, e-mail, syfte, comments and the plan's content only inside the consent scope. This
 * is the {@code mote} feature's public view for the case page.
 */
@Service
public class MoteOversikt {

  public record Oversikt(
      boolean personuppgifterDolda, List<MoteVy> moten, PlanVy aktuellPlan, List<PlanVy> planer) {}

  public record MoteVy(
      UUID id,
      String status,
      String statusText,
      Instant motesTid,
      String motesTidText,
      String syfte,
      String plats,
      String videolank,
      String tolkSprak,
      String ordforande,
      String arendebarare,
      int sekvens,
      String installtOrsak,
      boolean kanAndras,
      Long genomforUppgift,
      List<String> checklista,
      String anteckningar,
      List<KallelseVy> kallade) {}

  public record KallelseVy(
      UUID id,
      String namn,
      String epost,
      String roll,
      String rollText,
      String part,
      String partNamn,
      boolean kravs,
      boolean saknarEpost,
      boolean aktiv,
      String svar,
      String svarText,
      String kommentar,
      Instant svarTid,
      Boolean narvarande) {}

  public record PlanVy(
      UUID id,
      int version,
      UUID moteId,
      String mal,
      LocalDate uppfoljningsdatum,
      List<Plan.Atgard> atgarder,
      Instant skapad,
      String skapadAv) {}

  private final MoteRepository moten;
  private final PlanRepository planer;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final AnvandareRepository anvandare;
  private final UppgiftService uppgifter;
  private final KallelseUtskick utskick;
  private final Clock klocka;

  MoteOversikt(
      MoteRepository moten,
      PlanRepository planer,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      AnvandareRepository anvandare,
      UppgiftService uppgifter,
      KallelseUtskick utskick,
      Clock klocka) {
    this.moten = moten;
    this.planer = planer;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.anvandare = anvandare;
    this.uppgifter = uppgifter;
    this.utskick = utskick;
    this.klocka = klocka;
  }

  @Transactional
  public Oversikt forArende(UUID arendeId, Anvandare vem) {
    Arende a = arenden.hamta(arendeId);
    atkomst.kravSe(vem, a);
    boolean synliga = atkomst.personuppgifter(vem, a).synliga();
    List<Uppgift> oppna = uppgifter.forArende(arendeId).stream().filter(Uppgift::arOppen).toList();
    List<MoteVy> vyer =
        moten.forArende(arendeId).stream().map(m -> vy(m, vem, synliga, oppna)).toList();
    List<PlanVy> planVyer =
        planer.forArende(arendeId).stream().map(p -> planVy(p, synliga)).toList();
    return new Oversikt(!synliga, vyer, planVyer.isEmpty() ? null : planVyer.get(0), planVyer);
  }

  public MoteVy mote(UUID moteId, Anvandare vem) {
    Mote m = moten.hitta(moteId).orElseThrow(() -> new EjFunnen("Mötet finns inte."));
    return forArende(m.arendeId(), vem).moten().stream()
        .filter(v -> v.id().equals(moteId))
        .findFirst()
        .orElseThrow();
  }

  /** A meeting and one of its invitations, for the printable kallelse; personal data is checked. */
  public Kallelse kallelseForUtskrift(UUID moteId, UUID kallelseId, Anvandare vem) {
    Mote m = moten.hitta(moteId).orElseThrow(() -> new EjFunnen("Mötet finns inte."));
    Arende a = arenden.hamta(m.arendeId());
    atkomst.kravSe(vem, a);
    if (!atkomst.personuppgifter(vem, a).synliga()) {
      throw new AtkomstNekad(
          "Kallelsen innehåller personuppgifter; din part ingår inte i ärendets samtycke.");
    }
    return moten.kallelser(moteId).stream()
        .filter(k -> k.id().equals(kallelseId))
        .findFirst()
        .orElseThrow(() -> new EjFunnen("Kallelsen finns inte."));
  }

  public Plan planForUtskrift(UUID planId, Anvandare vem) {
    Plan p = planer.hitta(planId).orElseThrow(() -> new EjFunnen("Planen finns inte."));
    Arende a = arenden.hamta(p.arendeId());
    atkomst.kravSe(vem, a);
    if (!atkomst.personuppgifter(vem, a).synliga()) {
      throw new AtkomstNekad(
          "Planen innehåller personuppgifter; din part ingår inte i ärendets samtycke.");
    }
    return p;
  }

  private MoteVy vy(Mote m, Anvandare vem, boolean synliga, List<Uppgift> oppna) {
    Long genomfor =
        oppna.stream()
            .filter(
                u ->
                    u.processInstansNyckel() == m.processInstansNyckel()
                        && "genomfor-mote".equals(u.elementId()))
            .map(Uppgift::id)
            .findFirst()
            .orElse(null);
    boolean kanAndras =
        m.status() == MoteStatus.PLANERAT
            && vem.id().equals(m.arendebarare())
            && genomfor == null
            && klocka.instant().isBefore(m.motesTid());
    List<KallelseVy> kallade =
        moten.kallelser(m.id()).stream().map(k -> kallelseVy(k, synliga)).toList();
    return new MoteVy(
        m.id(),
        m.status().name(),
        m.status().text(),
        m.motesTid(),
        KallelseUtskick.TID.format(m.motesTid()),
        synliga ? m.syfte() : null,
        synliga ? m.plats() : null,
        synliga ? m.videolank() : null,
        m.tolkSprak(),
        namn(m.ordforande()),
        namn(m.arendebarare()),
        m.sekvens(),
        synliga ? m.installtOrsak() : null,
        kanAndras,
        genomfor,
        m.checklista(),
        synliga ? m.anteckningar() : null,
        kallade);
  }

  private KallelseVy kallelseVy(Kallelse k, boolean synliga) {
    boolean visaNamn = synliga || k.roll() == Roll.PROFESSIONELL;
    return new KallelseVy(
        k.id(),
        visaNamn ? k.namn() : k.roll().text(),
        visaNamn ? k.epost() : null,
        k.roll().name(),
        k.roll().text(),
        k.part(),
        utskick.partNamn(k.part()),
        k.kravs(),
        k.saknarEpost(),
        k.aktiv(),
        k.svar() == null ? null : k.svar().name(),
        k.svar() == null ? "Inget svar än" : k.svar().text(),
        synliga ? k.svarKommentar() : null,
        k.svarTid(),
        k.narvarande());
  }

  private PlanVy planVy(Plan p, boolean synliga) {
    return new PlanVy(
        p.id(),
        p.version(),
        p.moteId(),
        synliga ? p.mal() : null,
        p.uppfoljningsdatum(),
        synliga ? p.atgarder() : List.of(),
        p.skapad(),
        namn(p.skapadAv()));
  }

  private String namn(String id) {
    return anvandare.hitta(id).map(Anvandare::namn).orElse(id);
  }
}
