package se.flerpart.uppgift;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The task list: who sees which task, claim / release / assign, and completion. A submitted form is
 * stored (and its outcome recorded in the case) before the engine is told; telling the engine is
 * retried until it succeeds, so nothing submitted is lost and completing twice changes nothing.
 */
@Service
public class UppgiftService {

  public enum Vy {
    MINA,
    GRUPP,
    ALLA
  }

  private static final Logger log = LoggerFactory.getLogger(UppgiftService.class);
  private static final ZoneId SVERIGE = ZoneId.of("Europe/Stockholm");
  static final int MAX_KOMMENTAR = 2000;

  private final UppgiftRepository uppgifter;
  private final FormularRegister formular;
  private final FormularValidator validator;
  private final AnvandareRepository anvandare;
  private final CamundaClient camunda;
  private final ArendeOmfang omfang;
  private final Map<String, UppgiftHandler> handlers;
  private final KommentarRepository kommentarer;
  private final Clock klocka;

  private final Counter motorfel;
  private final Counter saknadeIMotorn;
  private final TransactionTemplate transaktion;

  public UppgiftService(
      UppgiftRepository uppgifter,
      KommentarRepository kommentarer,
      Clock klocka,
      FormularRegister formular,
      FormularValidator validator,
      AnvandareRepository anvandare,
      CamundaClient camunda,
      ArendeOmfang omfang,
      List<UppgiftHandler> handlers,
      MeterRegistry registry,
      TransactionTemplate transaktion) {
    this.uppgifter = uppgifter;
    this.transaktion = transaktion;
    this.motorfel =
        Counter.builder("flerpart.motor.fel")
            .description("Slutförda uppgifter som motorn inte tog emot (försöks igen)")
            .register(registry);
    this.saknadeIMotorn =
        Counter.builder("flerpart.uppgifter.saknade.i.motorn")
            .description(
                "Svar som skickades första gången till ett jobb som motorn inte längre hade"
                    + " (motorn återställd eller omstartad, eller processen avslutad utanför"
                    + " Flerpart); svaret är sparat men når ingen process")
            .register(registry);
    this.kommentarer = kommentarer;
    this.klocka = klocka;
    this.formular = formular;
    this.validator = validator;
    this.anvandare = anvandare;
    this.camunda = camunda;
    this.omfang = omfang;
    this.handlers =
        handlers.stream().collect(Collectors.toMap(UppgiftHandler::elementId, Function.identity()));
  }

  public List<Uppgift> lista(Vy vy, Anvandare a) {
    return lista(
            Uppgiftsurval.tolka(vy.name(), null, null, null, null, null, null, null, null, null), a)
        .uppgifter();
  }

  /**
   * Ends the wait the user {@code a} named {@code namn} ({@code X-Vantan-Id}), on whichever
   * instance it waits ({@link UppgiftRepository#avslutaVantan}).
   */
  public void avslutaVantan(Anvandare a, String namn) {
    uppgifter.avslutaVantan(a.id(), namn);
  }

  /**
   * The open tasks of the selection the user may see, filtered, sorted and paged in the database.
   * The free-text search matches the case number, and for a user inside a case's consent scope what
   * {@link ArendeOmfang#arendenSomMatchar} finds about the person. One snapshot (repeatable read),
   * so that the total and the page the repository finds in two queries agree; inside a caller's
   * transaction, that transaction's.
   *
   * <p>The snapshot is asked for with the transaction's first statement ({@link
   * UppgiftRepository#ogonblicksbild}), which goes to the database together with its {@code BEGIN}.
   * An isolation level on {@code @Transactional} cost three more round trips to PostgreSQL on every
   * list: the JDBC driver asks for the connection's level, sets it, and sets it back afterwards.
   */
  public UppgiftRepository.Sida lista(Uppgiftsurval urval, Anvandare a) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return listaIOgonblicksbild(urval, a);
    }
    return transaktion.execute(
        status -> {
          uppgifter.ogonblicksbild();
          return listaIOgonblicksbild(urval, a);
        });
  }

  private UppgiftRepository.Sida listaIOgonblicksbild(Uppgiftsurval urval, Anvandare a) {
    Instant nu = klocka.instant();
    ZonedDateTime idag = nu.atZone(SVERIGE).truncatedTo(ChronoUnit.DAYS);
    Instant veckoslut = idag.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).toInstant();
    var fraga =
        new UppgiftRepository.Fraga(
            urval, a.id(), a.grupper(), serAlla(a), Set.of(), nu, veckoslut);
    if (urval.sok() != null && !a.arUtanPersonuppgifter()) {
      Set<UUID> bland = uppgifter.arendenIUrval(fraga);
      Set<UUID> traffar =
          bland.isEmpty() ? Set.of() : omfang.arendenSomMatchar(a, urval.sok(), bland);
      fraga =
          new UppgiftRepository.Fraga(
              urval, a.id(), a.grupper(), serAlla(a), traffar, nu, veckoslut);
    }
    return uppgifter.sok(fraga);
  }

  /**
   * How many open tasks each view holds for the user (for the tabs), and the kinds of open task and
   * the insatser of open tasks (for the filters), in one query.
   */
  public UppgiftRepository.Sammanfattning sammanfattning(Anvandare a) {
    return uppgifter.sammanfattning(a.id(), a.grupper(), serAlla(a));
  }

  private static boolean serAlla(Anvandare a) {
    return a.harRoll(Anvandare.PROCESSLEDARE) || a.harRoll(Anvandare.ADMIN);
  }

  /**
   * Moves the due date of an open task to the end of {@code datum} (Swedish time); for whoever may
   * work on it: its holder, or a member of its group while nobody has it. Not to a day already
   * past.
   */
  @Transactional
  public Uppgift andraForfallodatum(long id, String datum, Anvandare a) {
    Uppgift u = oppenForUppdatering(id, a);
    boolean agare = a.id().equals(u.tilldelad());
    if (!agare && !(u.tilldelad() == null && arKandidat(u, a))) {
      throw new AtkomstNekad(
          "Bara den som har uppgiften, eller gruppen när ingen har den, kan ändra förfallodatumet.");
    }
    LocalDate dag = tolkaDatum(datum);
    LocalDate idag = LocalDate.now(klocka.withZone(SVERIGE));
    if (dag.isBefore(idag)) {
      throw new ValideringsFel(
          "forfallodatum",
          "Förfallodatumet kan inte ligga bakåt i tiden – välj i dag eller senare");
    }
    if (dag.isAfter(idag.plusYears(5))) {
      throw new ValideringsFel(
          "forfallodatum", "Förfallodatumet kan ligga högst fem år fram i tiden");
    }
    uppgifter.andraForfallodatum(
        id, dag.plusDays(1).atStartOfDay(SVERIGE).toInstant().minusSeconds(1));
    return uppgifter.hitta(id).orElseThrow();
  }

  private static LocalDate tolkaDatum(String datum) {
    if (datum == null || datum.isBlank()) {
      throw new ValideringsFel("forfallodatum", "Ange förfallodatum som ÅÅÅÅ-MM-DD");
    }
    String text = datum.strip();
    return Datum.tolka(text)
        .orElseThrow(
            () ->
                new ValideringsFel(
                    "forfallodatum",
                    "Förfallodatumet " + text + " är inte ett datum – skriv ÅÅÅÅ-MM-DD"));
  }

  /**
   * Writes a comment on a task the user sees. A case's comment may mention the person, so only a
   * user inside the case's consent scope writes or reads one.
   */
  @Transactional
  public Kommentar kommentera(long id, String text, Anvandare a) {
    Uppgift u = hamta(id, a);
    kravInomOmfang(u, a);
    String rensad = text == null ? "" : text.strip();
    if (rensad.isEmpty()) {
      throw new ValideringsFel("text", "Skriv en kommentar");
    }
    if (rensad.length() > MAX_KOMMENTAR) {
      throw new ValideringsFel(
          "text",
          "Kommentaren får vara högst " + MAX_KOMMENTAR + " tecken (" + rensad.length() + ")");
    }
    return kommentarer.skriv(u, rensad, a.id(), klocka.instant());
  }

  /** The task's comments, oldest first, for a user inside the consent scope; the read is logged. */
  @Transactional
  public List<Kommentar> kommentarer(long id, Anvandare a) {
    Uppgift u = hamta(id, a);
    kravInomOmfang(u, a);
    List<Kommentar> lista = kommentarer.forUppgift(id);
    if (!lista.isEmpty() && u.arendeId() != null) {
      omfang.loggaKommentarer(List.of(u.arendeId()), a);
    }
    return lista;
  }

  /**
   * The latest comment of each of the listed tasks whose comments the user may read: tasks without
   * a case, and tasks of cases inside the user's consent scope. One audit row per case shown.
   */
  @Transactional
  public Map<Long, Kommentar> senasteKommentarer(List<Uppgift> lista, Anvandare a) {
    Map<Long, Kommentar> senaste = kommentarer.senaste(lista.stream().map(Uppgift::id).toList());
    if (senaste.isEmpty()) {
      return senaste;
    }
    Map<Long, UUID> arendeFor = new HashMap<>();
    lista.stream()
        .filter(u -> senaste.containsKey(u.id()) && u.arendeId() != null)
        .forEach(u -> arendeFor.put(u.id(), u.arendeId()));
    Set<UUID> inom = omfang.inomOmfang(a, arendeFor.values());
    Map<Long, Kommentar> synliga = new HashMap<>();
    senaste.forEach(
        (uppgift, k) -> {
          UUID arende = arendeFor.get(uppgift);
          if (arende == null || inom.contains(arende)) {
            synliga.put(uppgift, k);
          }
        });
    Set<UUID> lasta = new HashSet<>();
    synliga
        .keySet()
        .forEach(
            u -> {
              if (arendeFor.get(u) != null) lasta.add(arendeFor.get(u));
            });
    if (!lasta.isEmpty()) {
      omfang.loggaKommentarer(lasta, a);
    }
    return synliga;
  }

  /** The task, when it is the user who completed it; for the confirmation on the list. */
  public Optional<Uppgift> slutfordAv(long id, Anvandare a) {
    return uppgifter.hitta(id).filter(u -> !u.arOppen() && a.id().equals(u.slutfordAv()));
  }

  /**
   * What happens next after the user completed the task, in one Swedish sentence for the
   * confirmation: from the task's feature and the submitted form, or a plain one.
   */
  public String bekraftelse(Uppgift u) {
    UppgiftHandler handler = handlers.get(u.elementId());
    String nasta =
        handler == null || u.inskickadData() == null
            ? null
            : handler.nastaSteg(u, u.inskickadData()).orElse(null);
    return "Uppgiften " + u.namn() + " är slutförd." + (nasta == null ? "" : " " + nasta);
  }

  /**
   * The person's name per case of the tasks, for those cases whose personal data the user may read;
   * each name returned writes one audit row.
   */
  public Map<java.util.UUID, String> individnamn(Collection<Uppgift> lista, Anvandare a) {
    List<java.util.UUID> arenden =
        lista.stream()
            .map(Uppgift::arendeId)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    return arenden.isEmpty() ? Map.of() : omfang.individnamn(a, arenden);
  }

  /**
   * Marks an open task cancelled when its feature has told the engine to leave it (e.g. a follow-up
   * moved to a later date); false when it was no longer open.
   */
  @Transactional
  public boolean avbryt(long id) {
    return uppgifter.avbryt(id);
  }

  /** Every open task, whoever may see it; for overviews that decide visibility themselves. */
  public List<Uppgift> oppna() {
    return uppgifter.oppna();
  }

  public List<Uppgift> forArende(java.util.UUID arendeId) {
    return uppgifter.forArende(arendeId);
  }

  public Uppgift hamta(long id, Anvandare a) {
    Uppgift u = uppgifter.hitta(id).orElseThrow(() -> new EjFunnen("Uppgiften finns inte."));
    if (!kanSe(u, a)) {
      throw new AtkomstNekad("Du har inte behörighet till uppgiften.");
    }
    return u;
  }

  public record FormularMedData(Object schema, Map<String, Object> data) {}

  /**
   * The form and the data it starts from: the task's variables plus what its feature adds. A case's
   * form shows the case's personal data (and its variables may hold the beredning's texts), so only
   * a reader inside the consent scope gets it, and each opening is logged once.
   */
  public FormularMedData formular(long id, Anvandare a) {
    Uppgift u = hamta(id, a);
    kravInomOmfang(u, a);
    Formular f = formularFor(u);
    Map<String, Object> data = data(u, a);
    if (u.arendeId() != null) {
      omfang.loggaFormular(u.arendeId(), a);
    }
    return new FormularMedData(f.schema(), data);
  }

  /**
   * Why the user may not work with the task: its case's personal data is outside the user's consent
   * scope. Empty for a task without a case.
   */
  public Optional<String> utanforOmfang(Uppgift u, Anvandare a) {
    return u.arendeId() == null ? Optional.empty() : omfang.utanfor(u.arendeId(), a);
  }

  private void kravInomOmfang(Uppgift u, Anvandare a) {
    Optional<String> varfor = utanforOmfang(u, a);
    if (varfor.isPresent()) {
      throw new AtkomstNekad("Du kan inte arbeta med uppgiften: " + varfor.get() + ".");
    }
  }

  @Transactional
  public Uppgift tilldela(long id, String till, Anvandare a) {
    Uppgift u = oppenForUppdatering(id, a);
    kravInomOmfang(u, a);
    if (till == null || till.isBlank()) {
      throw new ValideringsFel("anvandare", "Ange vem uppgiften ska tilldelas");
    }
    Anvandare mottagare =
        anvandare
            .hitta(till)
            .orElseThrow(
                () -> new ValideringsFel("anvandare", "Användaren " + till + " finns inte"));
    boolean agare = a.id().equals(u.tilldelad());
    boolean kandidat = arKandidat(u, a);
    // The holder may pass the task on; a group member may take or hand out an unassigned one.
    if (!agare && !(kandidat && u.tilldelad() == null)) {
      if (kandidat) {
        throw new Konflikt("Uppgiften är redan tilldelad " + u.tilldelad() + ".");
      }
      throw new AtkomstNekad("Du kan inte tilldela den här uppgiften.");
    }
    if (!u.kandidatgrupper().isEmpty() && !arKandidat(u, mottagare)) {
      throw new ValideringsFel(
          "anvandare", mottagare.namn() + " ingår inte i gruppen som uppgiften gäller");
    }
    if (u.kandidatgrupper().isEmpty() && !mottagare.harRoll(Anvandare.HANDLAGGARE)) {
      throw new ValideringsFel("anvandare", mottagare.namn() + " är inte handläggare");
    }
    Optional<String> utanfor = utanforOmfang(u, mottagare);
    if (utanfor.isPresent()) {
      throw new ValideringsFel(
          "anvandare",
          mottagare.namn()
              + " ("
              + anvandare.partnamn(mottagare.part())
              + ") kan inte få uppgiften: "
              + utanfor.get());
    }
    uppgifter.tilldela(id, mottagare.id());
    return uppgifter.hitta(id).orElseThrow();
  }

  @Transactional
  public Uppgift slapp(long id, Anvandare a) {
    Uppgift u = oppenForUppdatering(id, a);
    if (!a.id().equals(u.tilldelad())) {
      throw new AtkomstNekad("Bara den som har uppgiften kan släppa den.");
    }
    if (u.kandidatgrupper().isEmpty()) {
      throw new Konflikt("Uppgiften har ingen grupp att lämnas tillbaka till.");
    }
    uppgifter.tilldela(id, null);
    return uppgifter.hitta(id).orElseThrow();
  }

  /** Validates and stores the form; {@link #skickaForstaGangen} then tells the engine. */
  @Transactional
  public Uppgift slutfor(long id, Map<String, Object> inskickat, Anvandare a) {
    Uppgift u =
        uppgifter.hittaForUppdatering(id).orElseThrow(() -> new EjFunnen("Uppgiften finns inte."));
    if (!kanSe(u, a)) {
      throw new AtkomstNekad("Du har inte behörighet till uppgiften.");
    }
    if (!u.arOppen()) {
      throw new Konflikt(
          u.status() == UppgiftStatus.AVBRUTEN
              ? "Uppgiften är avbruten och kan inte slutföras."
              : "Uppgiften är redan slutförd.");
    }
    if (u.tilldelad() != null && !u.tilldelad().equals(a.id())) {
      throw new AtkomstNekad(
          "Uppgiften är tilldelad någon annan; bara den som har uppgiften kan slutföra den.");
    }
    if (u.tilldelad() == null && !arKandidat(u, a)) {
      throw new AtkomstNekad("Du ingår inte i gruppen som uppgiften gäller.");
    }
    kravInomOmfang(u, a);
    Map<String, String> fel = new LinkedHashMap<>();
    Formular formular = formularFor(u);
    Map<String, Object> data = validator.validera(formular, inskickat, data(u, a), fel);
    UppgiftHandler handler = handlers.get(u.elementId());
    if (handler != null && fel.isEmpty()) {
      handler.validera(u, data, fel);
      validator.etikettera(formular, fel);
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    if (u.tilldelad() == null) {
      uppgifter.tilldela(id, a.id());
    }
    uppgifter.markeraInskickad(id, data, a.id());
    if (handler != null) {
      handler.slutford(u, data, a);
    }
    return uppgifter.hitta(id).orElseThrow();
  }

  /** What became of a submitted form when it was sent to the engine. */
  public enum Skickad {
    /** The engine has it: the job is completed. */
    I_MOTORN,
    /** The engine did not take it yet: it is stored, and the retry sends it. */
    VANTAR,
    /**
     * The engine no longer had the job when the form was sent for the first time: the answer is
     * stored and the task completed, but no process was waiting for it.
     */
    SAKNAS_I_MOTORN
  }

  /**
   * The longest the request that stored a form waits for the engine to take it ({@link
   * #skickaForstaGangen}); after that the form waits for the retry.
   */
  static final Duration FORSTA_SANDNINGEN = Duration.ofSeconds(5);

  /**
   * How long after it was submitted a form is left to the request that stored it, before the retry
   * ({@link #forsokIgen}) may send it: longer than the first send may take, so the two never send
   * the same form at the same time.
   */
  static final Duration FORE_ATERFORSOK = FORSTA_SANDNINGEN.multipliedBy(2);

  /**
   * Sends a form that {@link #slutfor} has just stored, for the first time, waiting at most {@link
   * #FORSTA_SANDNINGEN}. No other attempt can have been made: the retry leaves the form alone until
   * this one is over ({@link #FORE_ATERFORSOK}). So "not found" from the engine here cannot mean
   * "completed by an earlier attempt": the engine no longer had the job (it lost its state or was
   * restored, or the process was ended outside Flerpart). The answer is kept and the task
   * completed, as before, but it is counted ({@code flerpart.uppgifter.saknade.i.motorn}) and
   * logged with the task's and process's keys, and the caller tells the user. No database
   * connection is held while the engine answers.
   */
  public Skickad skickaForstaGangen(long id) {
    Uppgift u = uppgifter.hitta(id).orElse(null);
    if (u == null || u.status() != UppgiftStatus.INSKICKAD) {
      return u != null && u.status() == UppgiftStatus.SLUTFORD ? Skickad.I_MOTORN : Skickad.VANTAR;
    }
    return skicka(u, true);
  }

  /**
   * Sends a stored form again (the retry); true when the engine has it. "Not found" counts as
   * completed by an earlier attempt whose answer was lost. Safe to call again.
   */
  public boolean skickaTillMotorn(long id) {
    Uppgift u = uppgifter.hitta(id).orElse(null);
    if (u == null || u.status() != UppgiftStatus.INSKICKAD) {
      return u != null && u.status() == UppgiftStatus.SLUTFORD;
    }
    return skicka(u, false) != Skickad.VANTAR;
  }

  private Skickad skicka(Uppgift u, boolean forstaGangen) {
    long id = u.id();
    Map<String, Object> variabler =
        u.inskickadData() == null ? new HashMap<>() : new HashMap<>(u.inskickadData());
    UppgiftHandler handler = handlers.get(u.elementId());
    Set<String> behalls = handler == null ? null : handler.processvariabler();
    if (behalls != null) {
      variabler.keySet().retainAll(behalls);
    }
    if (handler != null) {
      variabler.putAll(handler.harleddaProcessvariabler(u));
    }
    try {
      var slutfor = camunda.newCompleteCommand(id).variables(variabler);
      (forstaGangen ? slutfor.requestTimeout(FORSTA_SANDNINGEN) : slutfor).send().join();
      uppgifter.markeraSlutford(id);
      return Skickad.I_MOTORN;
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.NOT_FOUND) {
        uppgifter.markeraSlutford(id);
        if (!forstaGangen) {
          // Completed by an earlier attempt whose answer was lost.
          return Skickad.I_MOTORN;
        }
        saknadeIMotorn.increment();
        log.warn(
            "Uppgift {} ({}) i process {} fanns inte i motorn när svaret skickades första gången:"
                + " svaret är sparat men når ingen process (motorn återställd eller omstartad,"
                + " eller processen avslutad utanför Flerpart)",
            id,
            u.elementId(),
            u.processInstansNyckel());
        return Skickad.SAKNAS_I_MOTORN;
      }
      uppgifter.noteraFel(id, e.getMessage());
      motorfel.increment();
      log.warn("Uppgift {} kunde inte slutföras i motorn ännu: {}", id, e.getMessage());
      return Skickad.VANTAR;
    } catch (RuntimeException e) {
      uppgifter.noteraFel(id, e.getMessage());
      motorfel.increment();
      log.warn("Uppgift {} kunde inte slutföras i motorn ännu: {}", id, e.getMessage());
      return Skickad.VANTAR;
    }
  }

  /**
   * Waits until the engine has handed the task list an open task that matches, then completes it as
   * {@code vem} would. For where Flerpart itself drives a process forward, as the demo data does.
   * False when no such task came within {@code maxTid}.
   */
  public boolean slutforNarDenFinns(
      java.util.function.Predicate<Uppgift> vilken,
      Anvandare vem,
      Map<String, Object> data,
      Duration maxTid) {
    Instant grans = Instant.now().plus(maxTid);
    while (Instant.now().isBefore(grans)) {
      var uppgift = uppgifter.oppna().stream().filter(vilken).findFirst();
      if (uppgift.isPresent()) {
        slutfor(uppgift.get().id(), data, vem);
        skickaForstaGangen(uppgift.get().id());
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Scheduled(fixedDelayString = "${flerpart.uppgift.aterforsok-intervall}")
  public void forsokIgen() {
    for (long id : uppgifter.vantarPaMotorn(klocka.instant().minus(FORE_ATERFORSOK))) {
      // Each task by one instance at a time: the others skip it while its row is locked. One
      // task that cannot be sent does not hold up the rest.
      try {
        transaktion.executeWithoutResult(
            status -> {
              if (uppgifter.lasForAterforsok(id)) {
                skickaTillMotorn(id);
              }
            });
      } catch (RuntimeException e) {
        log.warn("Uppgift {} kunde inte skickas till motorn: {}", id, e.toString());
      }
    }
  }

  public boolean kanSe(Uppgift u, Anvandare a) {
    return a.id().equals(u.tilldelad())
        || arKandidat(u, a)
        || a.harRoll(Anvandare.PROCESSLEDARE)
        || a.harRoll(Anvandare.ADMIN);
  }

  public boolean arKandidat(Uppgift u, Anvandare a) {
    return u.kandidatgrupper().stream().anyMatch(a::arMedlemI);
  }

  public boolean kanSlutfora(Uppgift u, Anvandare a) {
    return u.arOppen()
        && (a.id().equals(u.tilldelad()) || (u.tilldelad() == null && arKandidat(u, a)))
        && utanforOmfang(u, a).isEmpty();
  }

  private Uppgift oppenForUppdatering(long id, Anvandare a) {
    Uppgift u =
        uppgifter.hittaForUppdatering(id).orElseThrow(() -> new EjFunnen("Uppgiften finns inte."));
    if (!kanSe(u, a)) {
      throw new AtkomstNekad("Du har inte behörighet till uppgiften.");
    }
    if (!u.arOppen()) {
      throw new Konflikt("Uppgiften är inte längre öppen.");
    }
    return u;
  }

  private Formular formularFor(Uppgift u) {
    return formular
        .hitta(u.formularId())
        .orElseThrow(() -> new IllegalStateException("Formulär saknas: " + u.formularId()));
  }

  private Map<String, Object> data(Uppgift u, Anvandare a) {
    Map<String, Object> data = new HashMap<>(u.variabler());
    UppgiftHandler handler = handlers.get(u.elementId());
    if (handler != null) {
      data.putAll(handler.formularData(u, a));
    }
    return data;
  }
}
