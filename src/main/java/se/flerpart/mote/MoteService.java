package se.flerpart.mote;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeStatus;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.UppgiftService;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The ärendebärare moves or cancels a planned meeting. The change is stored (a new iCalendar
 * SEQUENCE, answers asked for again) and correlated into the process, whose {@code skicka-kallelse}
 * then sends the update or the cancellation.
 */
@Service
class MoteService {

  private final MoteRepository moten;
  private final ArendeService arenden;
  private final ArendeHistorik historik;
  private final UppgiftService uppgifter;
  private final Clock klocka;
  private final ApplicationEventPublisher handelser;

  MoteService(
      MoteRepository moten,
      ArendeService arenden,
      ArendeHistorik historik,
      UppgiftService uppgifter,
      Clock klocka,
      ApplicationEventPublisher handelser) {
    this.moten = moten;
    this.arenden = arenden;
    this.historik = historik;
    this.uppgifter = uppgifter;
    this.klocka = klocka;
    this.handelser = handelser;
  }

  public record Flytt(Instant motesTid, String plats, String videolank) {}

  @Transactional
  public Mote flytta(UUID moteId, Flytt flytt, Anvandare vem) {
    Mote mote = planeratForArendebararen(moteId, vem);
    Map<String, String> fel = new LinkedHashMap<>();
    if (flytt == null || flytt.motesTid() == null) {
      fel.put("motesTid", "Ange den nya mötestiden");
    } else if (!flytt.motesTid().isAfter(klocka.instant())) {
      fel.put("motesTid", "Mötestiden har redan passerat – välj en tid framåt");
    } else if (flytt.motesTid().equals(mote.motesTid())
        && flytt.plats() == null
        && flytt.videolank() == null) {
      fel.put("motesTid", "Mötet har redan den tiden");
    }
    String plats = flytt == null || blank(flytt.plats()) ? mote.plats() : flytt.plats().strip();
    String video =
        flytt == null || blank(flytt.videolank()) ? mote.videolank() : flytt.videolank().strip();
    if (video != null && !video.startsWith("https://")) {
      fel.put("videolank", "Videolänken ska börja med https://");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    moten.flytta(moteId, flytt.motesTid(), plats, video);
    Mote flyttat = moten.hitta(moteId).orElseThrow();
    historik.logga(
        mote.arendeId(),
        "MOTE_FLYTTAT",
        "Flerpartsmötet flyttat till "
            + KallelseUtskick.TID.format(flyttat.motesTid())
            + "; ändrad kallelse skickas och alla ombeds svara igen",
        vem.id());
    handelser.publishEvent(
        new MoteFlyttat(
            mote.arendeId(),
            arendenummer(mote),
            klocka.instant(),
            flyttat.id(),
            flyttat.sekvens(),
            flyttat.motesTid()));
    return flyttat;
  }

  @Transactional
  public Mote installa(UUID moteId, String orsak, Anvandare vem) {
    Mote mote = planeratForArendebararen(moteId, vem);
    if (blank(orsak)) {
      throw new ValideringsFel("orsak", "Ange varför mötet ställs in");
    }
    if (orsak.length() > 2000) {
      throw new ValideringsFel("orsak", "Orsaken får vara högst 2000 tecken");
    }
    moten.installa(moteId, orsak.strip());
    arenden.sattStatusUnderMote(mote.arendeId(), ArendeStatus.PAGAENDE);
    historik.logga(
        mote.arendeId(),
        "MOTE_INSTALLT",
        "Flerpartsmötet "
            + KallelseUtskick.TID.format(mote.motesTid())
            + " är inställt; avbokning skickas och en ny kallelse kan förberedas",
        vem.id());
    Mote installt = moten.hitta(moteId).orElseThrow();
    handelser.publishEvent(
        new MoteInstallt(
            mote.arendeId(),
            arendenummer(mote),
            klocka.instant(),
            installt.id(),
            installt.sekvens()));
    return installt;
  }

  private Mote planeratForArendebararen(UUID moteId, Anvandare vem) {
    Mote mote =
        moten.hittaForUppdatering(moteId).orElseThrow(() -> new EjFunnen("Mötet finns inte."));
    if (!vem.id().equals(mote.arendebarare())) {
      throw new AtkomstNekad("Bara ärendebäraren kan flytta eller ställa in mötet.");
    }
    if (mote.status() != MoteStatus.PLANERAT) {
      throw new Konflikt(
          "Mötet är " + mote.status().text().toLowerCase() + " och kan inte ändras längre.");
    }
    boolean pagar =
        !klocka.instant().isBefore(mote.motesTid())
            || uppgifter.forArende(mote.arendeId()).stream()
                .anyMatch(
                    u ->
                        u.processInstansNyckel() == mote.processInstansNyckel()
                            && "genomfor-mote".equals(u.elementId()));
    if (pagar) {
      throw new Konflikt("Mötestiden har redan kommit; mötet kan inte flyttas eller ställas in.");
    }
    return mote;
  }

  private String arendenummer(Mote mote) {
    return arenden.hamta(mote.arendeId()).arendenummer();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
