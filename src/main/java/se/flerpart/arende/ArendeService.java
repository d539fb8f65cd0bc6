package se.flerpart.arende;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.KategoriRepository;
import se.flerpart.referens.KategoriRepository.Kategori;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.UppgiftRepository;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/** Registers aktualiseringar and starts the {@code arende} process for each. */
@Service
public class ArendeService {

  public static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");
  private static final Set<String> KON = Set.of("KVINNA", "MAN", "ANNAT_OKANT");
  private static final int MAX_SKAL = 4000;
  private static final int MAX_ORSAK = 2000;

  private final ArendeRepository arenden;
  private final ArendeHistorik historik;
  private final PersonnummerSkydd skydd;
  private final InsatsRepository insatser;
  private final PartRepository parter;
  private final AnvandareRepository anvandare;
  private final UppgiftRepository uppgifter;
  private final IndividRepository individer;
  private final KategoriRepository kategorier;
  private final Folkbokforing folkbokforing;
  private final ApplicationEventPublisher handelser;
  private final Clock klocka;

  public ArendeService(
      ArendeRepository arenden,
      ArendeHistorik historik,
      PersonnummerSkydd skydd,
      InsatsRepository insatser,
      PartRepository parter,
      AnvandareRepository anvandare,
      UppgiftRepository uppgifter,
      IndividRepository individer,
      KategoriRepository kategorier,
      ObjectProvider<Folkbokforing> folkbokforing,
      ApplicationEventPublisher handelser,
      Clock klocka) {
    this.arenden = arenden;
    this.historik = historik;
    this.skydd = skydd;
    this.insatser = insatser;
    this.parter = parter;
    this.anvandare = anvandare;
    this.uppgifter = uppgifter;
    this.individer = individer;
    this.kategorier = kategorier;
    this.folkbokforing = folkbokforing.getIfUnique(() -> Folkbokforing.UTAN_INTEGRATION);
    this.handelser = handelser;
    this.klocka = klocka;
  }

  @Transactional
  public Arende registrera(Aktualisering in, Anvandare referent) {
    if (!referent.harRoll(Anvandare.HANDLAGGARE)) {
      throw new AtkomstNekad("Bara handläggare kan registrera en aktualisering.");
    }
    LocalDate idag = LocalDate.now(klocka.withZone(SVERIGE));
    Map<String, String> fel = new LinkedHashMap<>();
    boolean skyddad = Boolean.TRUE.equals(in.skyddadIdentitet());
    Personnummer pnr = null;
    String kon = null;
    if (skyddad) {
      if (in.personnummer() != null && !in.personnummer().isBlank()) {
        fel.put(
            "personnummer",
            "Ange inget personnummer för en person med skyddad identitet – ärendet registreras utan.");
      }
      kon = in.kon() == null || in.kon().isBlank() ? "ANNAT_OKANT" : in.kon();
      if (!KON.contains(kon)) {
        fel.put("kon", "Kön ska vara KVINNA, MAN eller ANNAT_OKANT");
      }
    } else {
      String pnrFel = Personnummer.felmeddelande(in.personnummer(), idag);
      if (pnrFel != null) {
        fel.put("personnummer", pnrFel);
      } else {
        pnr = Personnummer.tolka(in.personnummer(), idag);
        kon = pnr.kon().name();
      }
    }
    var insats = in.insats() == null ? null : insatser.hitta(in.insats()).orElse(null);
    if (in.insats() == null || in.insats().isBlank()) {
      fel.put("insats", "Välj insats");
    } else if (insats == null || !insats.aktiv()) {
      fel.put("insats", "Insatsen finns inte eller tar inte emot aktualiseringar");
    }
    if (in.skal() == null || in.skal().isBlank()) {
      fel.put("skal", "Beskriv skälet till aktualiseringen");
    } else if (in.skal().length() > MAX_SKAL) {
      fel.put("skal", "Skälet får vara högst " + MAX_SKAL + " tecken");
    }
    List<String> behov =
        in.behov() == null ? List.of() : in.behov().stream().filter(Objects::nonNull).toList();
    if (in.behov() != null && behov.size() != in.behov().size()) {
      fel.put("behov", "Ange parterna som koder, till exempel FK eller AF");
    }
    Set<String> kandaParter =
        parter.alla().stream().map(PartRepository.Part::kod).collect(Collectors.toSet());
    List<String> okanda = behov.stream().filter(p -> !kandaParter.contains(p)).toList();
    if (!okanda.isEmpty()) {
      fel.put("behov", "Okänd part: " + String.join(", ", okanda));
    }
    String utbildningsniva =
        kod(
            fel,
            Kategori.UTBILDNINGSNIVA,
            "utbildningsniva",
            in.utbildningsniva(),
            "Okänd utbildningsnivå");
    String tidIForsorjning =
        kod(
            fel,
            Kategori.TID_I_FORSORJNING,
            "tidIOffentligForsorjning",
            in.tidIOffentligForsorjning(),
            "Okänd tid i offentlig försörjning");
    List<String> forsorjningStart =
        in.forsorjningStart() == null
            ? List.of()
            : in.forsorjningStart().stream()
                .filter(k -> k != null && !k.isBlank())
                .distinct()
                .toList();
    List<String> okandForsorjning =
        forsorjningStart.stream()
            .filter(
                k ->
                    kategorier
                        .hitta(Kategori.FORSORJNING, k)
                        .filter(KategoriRepository.Post::aktiv)
                        .isEmpty())
            .toList();
    if (!okandForsorjning.isEmpty()) {
      fel.put(
          "forsorjningStart",
          "Okänd försörjning vid start: " + String.join(", ", okandForsorjning));
    }
    Individ individ = in.individ().normaliserad();
    individ.validera(fel);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    if (pnr != null) {
      individ = medFolkbokforing(individ, pnr);
    }

    Instant nu = klocka.instant();
    Arende arende =
        new Arende(
            UUID.randomUUID(),
            arenden.nyttArendenummer(Year.now(klocka.withZone(SVERIGE))),
            insats.kod(),
            pnr == null ? null : skydd.kryptera(pnr),
            skyddad,
            kon,
            pnr == null
                ? Year.now(klocka.withZone(SVERIGE)).getValue()
                : pnr.fodelsear().getValue(),
            in.skal().strip(),
            behov,
            Boolean.TRUE.equals(in.bradskande()),
            referent.part(),
            referent.id(),
            null,
            ArendeStatus.SAMTYCKE,
            null,
            null,
            List.of(),
            null,
            null,
            nu,
            null,
            null);
    arenden.skapa(arende, pnr == null ? null : skydd.hash(pnr));
    individer.spara(arende.id(), individ, nu);
    arenden.sattBakgrund(arende.id(), utbildningsniva, tidIForsorjning, forsorjningStart);
    historik.logga(
        arende.id(),
        "AKTUALISERING",
        "Aktualisering registrerad av "
            + referent.namn()
            + " ("
            + anvandare.partnamn(referent.part())
            + ")",
        referent.id());
    handelser.publishEvent(
        new ArendeAktualiserat(
            arende.id(),
            arende.arendenummer(),
            nu,
            insats.kod(),
            referent.part(),
            behov,
            arende.bradskande()));

    return arenden.hitta(arende.id()).orElseThrow();
  }

  /** An optional category code: empty is none, an unknown code is an error on {@code falt}. */
  private String kod(
      Map<String, String> fel, Kategori kategori, String falt, String kod, String meddelande) {
    if (kod == null || kod.isBlank()) {
      return null;
    }
    if (kategorier.hitta(kategori, kod).filter(KategoriRepository.Post::aktiv).isEmpty()) {
      fel.put(falt, meddelande + ": " + kod);
      return null;
    }
    return kod;
  }

  /** The case as the statistics may see it: codes, kön and year, no personal data. */
  public Optional<Statistikunderlag> statistikunderlag(UUID id) {
    return arenden.statistikunderlag(id);
  }

  /** What the handläggare left empty, the population register fills where it can. */
  private Individ medFolkbokforing(Individ individ, Personnummer pnr) {
    if (individ.namn() != null && individ.adress() != null) {
      return individ;
    }
    return folkbokforing
        .hamta(pnr)
        .map(
            f ->
                new Individ(
                        individ.namn() != null ? individ.namn() : f.namn(),
                        individ.adress() != null ? individ.adress() : f.adress(),
                        individ.telefon(),
                        individ.epost(),
                        individ.sprak(),
                        individ.tolk(),
                        individ.narstaende(),
                        individ.godMan())
                    .normaliserad())
        .orElse(individ);
  }

  /**
   * The ärendebärare (or the referring handläggare, before there is one) corrects or completes what
   * is known about the person. The history says that it changed, never what.
   */
  @Transactional
  public Arende andraIndivid(UUID id, Individ ny, Anvandare vem, ArendeAtkomst atkomst) {
    Arende a = lasForUppdatering(id);
    if (!vem.id().equals(agare(a))) {
      throw new AtkomstNekad(
          "Bara ärendebäraren"
              + (a.arendebarare() == null ? " eller den aktualiserande handläggaren" : "")
              + " kan ändra uppgifterna om personen i ärende "
              + a.arendenummer()
              + ".");
    }
    if (a.status().avslutad() || a.arGallrat()) {
      throw new Konflikt("Ärendet är avslutat; uppgifterna om personen ändras inte längre.");
    }
    if (!kanAndraIndivid(a, vem, atkomst)) {
      throw new AtkomstNekad(
          "Du kan inte ändra uppgifterna om personen: "
              + atkomst.utanforOmfang(vem, a).orElse("ärendet är utanför din behörighet")
              + ".");
    }
    Map<String, String> fel = new LinkedHashMap<>();
    Individ individ = (ny == null ? Individ.TOM : ny).normaliserad();
    individ.validera(fel);
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    individer.spara(id, individ, klocka.instant());
    historik.logga(id, "INDIVID", "Uppgifterna om personen ändrade", vem.id());
    return hamta(id);
  }

  /**
   * Whether the user may change the person's data: the ärendebärare, or before the beredning has
   * named one the referring handläggare, inside the consent scope, while the case is open.
   */
  public boolean kanAndraIndivid(Arende a, Anvandare vem, ArendeAtkomst atkomst) {
    return vem.id().equals(agare(a))
        && atkomst.kanLasaPersonuppgifter(vem, a)
        && !a.status().avslutad()
        && !a.arGallrat();
  }

  /** The outcome of {@code inhamta-samtycke}. A declined consent leaves only kön and year. */
  @Transactional
  public void registreraSamtycke(
      UUID id,
      String samtycke,
      String form,
      List<String> samtyckeParter,
      Boolean sus,
      Anvandare vem) {
    Arende a = lasForUppdatering(id);
    if ("JA".equals(samtycke)) {
      List<String> scope = new ArrayList<>(samtyckeParter);
      if (!scope.contains(a.aktualiserandePart())) {
        scope.add(0, a.aktualiserandePart());
      }
      arenden.sattSamtycke(id, "JA", form, scope, Boolean.TRUE.equals(sus));
      arenden.sattStatus(id, ArendeStatus.BEREDNING);
      historik.logga(
          id,
          "SAMTYCKE",
          "Samtycke lämnat ("
              + form.toLowerCase()
              + ") för "
              + scope.stream().map(anvandare::partnamn).collect(Collectors.joining(", "))
              + (Boolean.TRUE.equals(sus) ? "; registrering i SUS med personuppgifter" : ""),
          vem.id());
      handelser.publishEvent(
          new SamtyckeLamnat(
              id, a.arendenummer(), klocka.instant(), form, scope, Boolean.TRUE.equals(sus)));
    } else {
      arenden.sattSamtycke(id, "NEJ", null, List.of(), false);
      arenden.anonymisera(id);
      individer.radera(id);
      arenden.sattStatus(id, ArendeStatus.AVSLUTAT_SAMTYCKE_SAKNAS);
      historik.logga(
          id,
          "SAMTYCKE",
          "Samtycke lämnades inte – ärendet avslutas, bara kön och år sparas",
          vem.id());
      handelser.publishEvent(new SamtyckeNekat(id, a.arendenummer(), klocka.instant()));
    }
  }

  /**
   * The beredning module's decision reaches the case: its new status, and on Ja its ärendebärare.
   *
   * @param historiktext what the case history says, in the beredning's words
   */
  @Transactional
  public void beredningAvgjord(
      UUID id, ArendeStatus status, String arendebarare, String historiktext, Anvandare vem) {
    lasForUppdatering(id);
    if (arendebarare != null) {
      arenden.sattArendebarare(id, arendebarare);
    }
    arenden.sattStatus(id, status);
    historik.logga(id, "BEREDNING", historiktext, vem.id());
  }

  /** The referrer's answer to a request for komplettering; the case returns to beredning. */
  @Transactional
  public void registreraKomplettering(UUID id, String komplettering, Anvandare vem) {
    Arende a = lasForUppdatering(id);
    arenden.sattSkal(
        id,
        a.skal()
            + "\n\nKomplettering "
            + LocalDate.now(klocka.withZone(SVERIGE))
            + ": "
            + komplettering.strip());
    arenden.sattStatus(id, ArendeStatus.BEREDNING);
    historik.logga(
        id, "KOMPLETTERING", "Aktualiseringen kompletterad och åter till beredning", vem.id());
  }

  /** The case closes with the avslutsorsak's code; what else avslut records, its module keeps. */
  @Transactional
  public void avsluta(UUID id, String avslutsorsak, String avslutsorsakNamn, Anvandare vem) {
    Arende a = lasForUppdatering(id);
    arenden.sattAvslutsorsak(id, avslutsorsak);
    arenden.sattStatus(id, ArendeStatus.AVSLUTAT);
    historik.logga(id, "AVSLUT", "Ärendet avslutat: " + avslutsorsakNamn, vem.id());
    handelser.publishEvent(
        new ArendeAvslutat(
            id, a.arendenummer(), klocka.instant(), ArendeStatus.AVSLUTAT.name(), avslutsorsak));
  }

  /**
   * The person withdraws consent: the case ends at once, its open tasks disappear, nothing more is
   * shared, and the process is told so that it stops and gives återkoppling.
   */
  @Transactional
  public Arende aterkallaSamtycke(UUID id, String datum, String hur, Anvandare vem) {
    Arende a = lasForUppdatering(id);
    kravAgare(a, vem);
    Map<String, String> fel = new LinkedHashMap<>();
    LocalDate idag = LocalDate.now(klocka.withZone(SVERIGE));
    LocalDate dag = datum == null || datum.isBlank() ? idag : Datum.tolka(datum).orElse(null);
    if (dag == null) {
      fel.put("datum", "Ange datum som ÅÅÅÅ-MM-DD");
    } else if (dag.isAfter(idag)) {
      fel.put("datum", "Datumet för återkallelsen kan inte ligga i framtiden");
    }
    if (hur == null || !Set.of("SKRIFTLIGT", "MUNTLIGT", "DIGITALT").contains(hur)) {
      fel.put("hur", "Ange hur återkallelsen lämnades: SKRIFTLIGT, MUNTLIGT eller DIGITALT");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    avbryt(
        a,
        ArendeStatus.AVBRUTET_SAMTYCKE_ATERKALLAT,
        "SAMTYCKE_ATERKALLAT",
        "Samtycket återkallat " + dag + " (" + hur.toLowerCase() + "); ärendet avbryts",
        vem);
    handelser.publishEvent(new SamtyckeAterkallat(id, a.arendenummer(), klocka.instant(), dag));
    arenden.sattSamtycke(id, "ATERKALLAT", a.samtyckeForm(), List.of(), false);
    return hamta(id);
  }

  /** The case is broken off for a reason; open tasks disappear and the process ends. */
  @Transactional
  public Arende avbryt(UUID id, String orsak, Anvandare vem) {
    Arende a = lasForUppdatering(id);
    kravAgare(a, vem);
    if (orsak == null || orsak.isBlank()) {
      throw new ValideringsFel("orsak", "Ange orsaken till att ärendet avbryts");
    }
    if (orsak.length() > MAX_ORSAK) {
      throw new ValideringsFel("orsak", "Orsaken får vara högst " + MAX_ORSAK + " tecken");
    }
    if (PersonnummerIText.innehaller(orsak, LocalDate.now(klocka.withZone(SVERIGE)))) {
      throw new ValideringsFel("orsak", "Skriv inte personnummer i orsaken");
    }
    avbryt(
        a,
        ArendeStatus.AVBRUTET,
        "AVBRUTET_EGEN_BEGARAN",
        "Ärendet avbrutet: " + orsak.strip(),
        vem);
    handelser.publishEvent(
        new ArendeAvbrutet(
            id,
            a.arendenummer(),
            klocka.instant(),
            ArendeStatus.AVBRUTET.name(),
            "AVBRUTET_EGEN_BEGARAN"));
    return hamta(id);
  }

  private void avbryt(
      Arende a, ArendeStatus status, String avslutsorsak, String text, Anvandare vem) {
    if (a.status().avslutad()) {
      throw new Konflikt("Ärendet är redan avslutat.");
    }
    arenden.sattAvslutsorsak(a.id(), avslutsorsak);
    arenden.sattStatus(a.id(), status);
    int borttagna = uppgifter.avbrytOppnaForArende(a.id());
    historik.logga(
        a.id(),
        "AVBRUTET",
        text + (borttagna > 0 ? "; " + borttagna + " öppna uppgifter stängda" : ""),
        vem.id());
  }

  private static String agare(Arende a) {
    return a.arendebarare() != null ? a.arendebarare() : a.aktualiseradAv();
  }

  /** Only the ärendebärare, or the referrer before there is one, may end a case. */
  private static void kravAgare(Arende a, Anvandare vem) {
    if (!vem.id().equals(agare(a))) {
      throw new AtkomstNekad("Bara ärendebäraren kan avbryta ärendet.");
    }
  }

  /**
   * The flerpartsmöte moves an ongoing case between {@link ArendeStatus#PAGAENDE}, {@link
   * ArendeStatus#MOTE_PLANERAT} and {@link ArendeStatus#PLAN_UPPRATTAD}; a closed case keeps its
   * status.
   */
  @Transactional
  public void sattStatusUnderMote(UUID id, ArendeStatus status) {
    if (status.avslutad()) {
      throw new IllegalArgumentException("Ett möte avslutar inte ärendet: " + status);
    }
    Arende a = lasForUppdatering(id);
    if (!a.status().avslutad()) {
      arenden.sattStatus(id, status);
    }
  }

  private Arende lasForUppdatering(UUID id) {
    return arenden.hittaForUppdatering(id).orElseThrow(() -> new EjFunnen("Ärendet finns inte."));
  }

  public Arende hamta(UUID id) {
    return arenden.hitta(id).orElseThrow(() -> new EjFunnen("Ärendet finns inte."));
  }

  public Arende hamta(String id) {
    try {
      return hamta(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      throw new EjFunnen("Ärendet finns inte.");
    }
  }

  /** The cases with these ids that exist, in one query. */
  public List<Arende> hamta(java.util.Collection<UUID> ids) {
    return arenden.hitta(ids);
  }

  /** The case with this number, as a mail's subject names it. */
  public Optional<Arende> hittaMedNummer(String arendenummer) {
    return arenden.hittaMedNummer(arendenummer);
  }

  public List<Arende> synligaFor(Anvandare anvandare, ArendeAtkomst atkomst) {
    return arenden.alla().stream().filter(a -> atkomst.kanSe(anvandare, a)).toList();
  }
}
