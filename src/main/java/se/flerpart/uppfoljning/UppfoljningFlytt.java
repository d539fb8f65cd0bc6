package se.flerpart.uppfoljning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeStatus;
import se.flerpart.arende.ArendeVy;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftService;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * Moves a follow-up of the plan to another date — the due one, whose open {@code folj-upp-plan}
 * task is cancelled, or while the process still waits for the day, the coming one — and the {@code
 * uppfoljning} process, told by a message after the change has committed ({@link
 * UppfoljningProcessListener}), sets {@code uppfoljningsdatum} and waits for it again, so the task
 * comes back on the new date and not before. Apart from {@link UppfoljningService}, which the task
 * handler uses: the task list's service uses the handlers, and this uses the task list.
 */
@Service
public class UppfoljningFlytt {

  /** The furthest ahead a follow-up may be moved. */
  static final Period LANGST_FRAM = Period.ofYears(2);

  private final UppgiftService uppgifter;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final ArendeHistorik historik;
  private final Clock klocka;
  private final ApplicationEventPublisher handelser;
  private final NastaUppfoljning nasta;

  UppfoljningFlytt(
      UppgiftService uppgifter,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      ArendeHistorik historik,
      Clock klocka,
      ApplicationEventPublisher handelser,
      NastaUppfoljning nasta) {
    this.uppgifter = uppgifter;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.historik = historik;
    this.klocka = klocka;
    this.handelser = handelser;
    this.nasta = nasta;
  }

  /**
   * Moves the case's due follow-up to {@code datum}; for whoever may complete its task (the
   * ärendebärare, inside the consent scope). The date is written ÅÅÅÅ-MM-DD or ÅÅÅÅMMDD, not in the
   * past and at most two years ahead.
   */
  @Transactional
  public LocalDate flytta(String arendeId, String datum, Anvandare a) {
    Arende arende = arenden.hamta(arendeId);
    Uppgift u =
        uppgifter.forArende(arende.id()).stream()
            .filter(t -> t.arOppen() && "folj-upp-plan".equals(t.elementId()))
            .findFirst()
            .orElse(null);
    if (u == null) {
      atkomst.kravSe(a, arende);
      if (!vantarPaUppfoljning(arende)) {
        throw new Konflikt("Ärendet har ingen uppföljning att göra som kan flyttas.");
      }
      if (!a.id().equals(arende.arendebarare()) || !atkomst.kanLasaPersonuppgifter(a, arende)) {
        throw new AtkomstNekad("Bara ärendebäraren kan flytta uppföljningen.");
      }
      LocalDate dag = kontrolleraDatum(datum);
      logga(arende.id(), dag, a);
      handelser.publishEvent(new UppfoljningFlyttad(arende.id(), null, dag));
      return dag;
    }
    return flytta(u, datum, a);
  }

  /** Whether {@code a} may move the case's coming follow-up from the case page now. */
  public boolean kanFlyttaKommande(ArendeVy vy, Anvandare a) {
    return !vy.personuppgifterDolda()
        && a.id().equals(vy.arendebarare())
        && ArendeStatus.PLAN_UPPRATTAD.name().equals(vy.status())
        && ingenOppenUppfoljning(vy.id());
  }

  private boolean ingenOppenUppfoljning(UUID arendeId) {
    return uppgifter.forArende(arendeId).stream()
        .noneMatch(t -> t.arOppen() && "folj-upp-plan".equals(t.elementId()));
  }

  /**
   * Whether the case's plan waits for its next follow-up: the plan is agreed, the case is open, and
   * no follow-up task is open (the process waits for the day).
   */
  public boolean vantarPaUppfoljning(Arende arende) {
    return arende.status() == ArendeStatus.PLAN_UPPRATTAD && ingenOppenUppfoljning(arende.id());
  }

  /** As {@link #flytta(String, String, Anvandare)}, for the follow-up task {@code uppgiftId}. */
  @Transactional
  public LocalDate flytta(long uppgiftId, String datum, Anvandare a) {
    Uppgift u = uppgifter.hamta(uppgiftId, a);
    if (!"folj-upp-plan".equals(u.elementId())) {
      throw new ValideringsFel("uppgift", "Bara en uppföljning av planen kan flyttas");
    }
    return flytta(u, datum, a);
  }

  private LocalDate flytta(Uppgift u, String datum, Anvandare a) {
    if (!u.arOppen()) {
      throw new Konflikt("Uppföljningen är inte längre öppen.");
    }
    if (!uppgifter.kanSlutfora(u, a)) {
      throw new AtkomstNekad("Bara ärendebäraren kan flytta uppföljningen.");
    }
    LocalDate dag = kontrolleraDatum(datum);
    if (!uppgifter.avbryt(u.id())) {
      throw new Konflikt("Uppföljningen är inte längre öppen.");
    }
    logga(u.arendeId(), dag, a);
    handelser.publishEvent(new UppfoljningFlyttad(u.arendeId(), u.id(), dag));
    return dag;
  }

  private void logga(UUID arendeId, LocalDate dag, Anvandare a) {
    nasta.satt(arendeId, dag);
    historik.logga(arendeId, "UPPFOLJNING_FLYTTAD", "Uppföljningen flyttad till " + dag, a.id());
  }

  /** The new date: readable, not in the past and at most two years ahead. */
  private LocalDate kontrolleraDatum(String datum) {
    LocalDate dag = tolkaDatum(datum);
    LocalDate idag = LocalDate.ofInstant(klocka.instant(), ArendeService.SVERIGE);
    if (dag.isBefore(idag)) {
      throw new ValideringsFel(
          "datum", "Nästa uppföljning kan inte ligga bakåt i tiden – välj i dag eller senare");
    }
    LocalDate senast = idag.plus(LANGST_FRAM);
    if (dag.isAfter(senast)) {
      throw new ValideringsFel(
          "datum",
          "Nästa uppföljning kan ligga högst två år fram – välj " + senast + " eller tidigare");
    }
    return dag;
  }

  private static LocalDate tolkaDatum(String datum) {
    if (datum == null || datum.isBlank()) {
      throw new ValideringsFel("datum", "Ange datum för nästa uppföljning som ÅÅÅÅ-MM-DD");
    }
    String text = datum.strip();
    return Datum.tolka(text)
        .orElseThrow(
            () ->
                new ValideringsFel(
                    "datum",
                    "Datumet " + text + " är inte ett datum – skriv ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD"));
  }
}
