package se.flerpart.loggkontroll;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.flerpart.administration.Adminlogg;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.Granskningslogg;
import se.flerpart.arende.Granskningslogg.Lasning;
import se.flerpart.arende.Granskningslogg.Traff;
import se.flerpart.arende.Personnummer;
import se.flerpart.loggkontroll.SamtyckeTidslinje.Tidslinje;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.AnvandareRepository.Konto;
import se.flerpart.sus.SusService;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.ValideringsFel;

/**
 * Who read whose personal data, for the logggranskare: per person (by personnummer — looking is
 * itself logged in every case found), per user and per period. Each read is checked against the
 * consent in force when it happened, and flagged when the reader's part was outside its scope or
 * the consent had been withdrawn. In normal operation nothing is flagged: the access check lets no
 * such read through.
 */
@Service
class Loggkontroll {

  private static final Logger log = LoggerFactory.getLogger(Loggkontroll.class);

  /** The handling of the audit rows a personnummer search writes in the cases it finds. */
  static final String SOKNING = "LOGGKONTROLL_SOKNING";

  static final String EXPORT = "LOGGKONTROLL_EXPORT";

  /** The most reads one search returns; the page and the export say when there were more. */
  static final int MAX_RADER = 20_000;

  private static final Map<String, String> HANDLINGAR =
      Map.of(
          "LAS_PERSONUPPGIFTER",
          "Läste ärendets personuppgifter",
          "LAS_FORMULAR",
          "Öppnade en uppgifts formulär",
          "LAS_NAMN",
          "Såg personens namn i en lista",
          "LAS_SUS_EXPORT",
          "Exporterade SUS-registreringar med personnummer",
          "LAS_MAIL",
          "Läste ärendets mail (inbyggd e-post)",
          "LAS_KALLELSE",
          "Den kallade öppnade sin svarslänk",
          "LAS_KOMMENTAR",
          "Läste kommentarer på ärendets uppgifter",
          "SOK_UPPGIFTER",
          "Sökte fram ärendet i uppgiftslistan med personens uppgifter",
          SOKNING,
          "Loggkontroll: sökte fram personens ärenden",
          EXPORT,
          "Loggkontroll: exporterade läsningarna av personen");

  /** What the logggranskare asks for; every field may be empty. Dates as YYYY-MM-DD. */
  record Urval(
      String personnummer, String anvandare, String fran, String till, Boolean baraFlaggade) {

    static final Urval TOMT = new Urval(null, null, null, null, false);
  }

  /**
   * One read. {@code part} is the reader's part at the time of the read; {@code orsak} says why it
   * is flagged.
   */
  record Rad(
      long id,
      Instant tid,
      String anvandare,
      String anvandareNamn,
      String part,
      String partNamn,
      UUID arendeId,
      String arendenummer,
      String handling,
      String handlingText,
      boolean flaggad,
      String orsak) {}

  /**
   * @param antal how many reads the selection covers, also beyond {@link #MAX_RADER}
   * @param arenden the cases of the person searched for; null when no personnummer was given
   */
  record Resultat(
      List<Rad> rader,
      long antal,
      long antalFlaggade,
      boolean begransad,
      List<String> arenden,
      LocalDate fran,
      LocalDate till) {}

  private final Granskningslogg granskningslogg;
  private final SamtyckeTidslinje samtycken;
  private final AnvandareRepository anvandare;
  private final Adminlogg adminlogg;
  private final Clock klocka;

  Loggkontroll(
      Granskningslogg granskningslogg,
      SamtyckeTidslinje samtycken,
      AnvandareRepository anvandare,
      Adminlogg adminlogg,
      Clock klocka) {
    this.granskningslogg = granskningslogg;
    this.samtycken = samtycken;
    this.anvandare = anvandare;
    this.adminlogg = adminlogg;
    this.klocka = klocka;
  }

  static void kravGranskare(Anvandare vem) {
    if (vem == null || !vem.harRoll(Anvandare.LOGGGRANSKARE)) {
      throw new AtkomstNekad("Bara logggranskare kan läsa granskningsloggen.");
    }
  }

  /**
   * The reads the selection covers, newest first. {@code handling} is what a personnummer search
   * writes in the person's cases ({@link #SOKNING} or {@link #EXPORT}).
   */
  Resultat sok(Urval urval, Anvandare vem, String handling) {
    kravGranskare(vem);
    LocalDate idag = LocalDate.now(klocka.withZone(ArendeService.SVERIGE));
    Map<String, String> fel = new LinkedHashMap<>();
    Personnummer pnr = null;
    if (!tom(urval.personnummer())) {
      String pnrFel = Personnummer.felmeddelande(urval.personnummer(), idag);
      if (pnrFel != null) {
        fel.put("personnummer", pnrFel);
      } else {
        pnr = Personnummer.tolka(urval.personnummer(), idag);
      }
    }
    Map<String, Konto> konton =
        anvandare.allaKonton().stream()
            .collect(Collectors.toMap(k -> k.anvandare().id(), Function.identity()));
    String anvandareId = tom(urval.anvandare()) ? null : urval.anvandare().strip();
    if (anvandareId != null && !konton.containsKey(anvandareId)) {
      fel.put("anvandare", "Användaren " + anvandareId + " finns inte");
    }
    LocalDate fran = datum("fran", urval.fran(), fel);
    LocalDate till = datum("till", urval.till(), fel);
    if (fran != null && till != null && till.isBefore(fran)) {
      fel.put("till", "Till-datumet ligger före från-datumet");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }

    List<String> arenden = null;
    List<UUID> arendeIds = null;
    if (pnr != null) {
      List<Traff> traffar = granskningslogg.sokPerson(pnr, vem, handling);
      arenden = traffar.stream().map(Traff::arendenummer).toList();
      arendeIds = traffar.stream().map(Traff::arendeId).toList();
      if (traffar.isEmpty()) {
        log.info("Loggkontroll: {} sökte på ett personnummer utan ärenden", vem.id());
      }
    }
    Granskningslogg.Urval sql =
        new Granskningslogg.Urval(
            arendeIds,
            anvandareId,
            fran == null ? null : fran.atStartOfDay(ArendeService.SVERIGE).toInstant(),
            till == null ? null : till.plusDays(1).atStartOfDay(ArendeService.SVERIGE).toInstant());
    List<Lasning> lasningar = granskningslogg.lasningar(sql, vem, MAX_RADER);
    long antal = lasningar.size() < MAX_RADER ? lasningar.size() : granskningslogg.antal(sql, vem);

    Map<UUID, Tidslinje> tidslinjer =
        samtycken.tidslinjer(lasningar.stream().map(Lasning::arendeId).distinct().toList());
    Partbyten partbyten = new Partbyten(adminlogg.partbyten());
    Map<String, String> partnamn = new HashMap<>();
    List<Rad> rader = new ArrayList<>();
    for (Lasning l : lasningar) {
      Konto k = konton.get(l.anvandareId());
      String part = k == null ? null : partbyten.partVid(k.anvandare(), l.tid());
      String orsak =
          orsak(
              l,
              k,
              part,
              tidslinjer.getOrDefault(l.arendeId(), Tidslinje.INGEN),
              kod -> partnamn.computeIfAbsent(kod, anvandare::partnamn));
      rader.add(
          new Rad(
              l.id(),
              l.tid(),
              l.anvandareId(),
              k == null ? "Ingen användare i Flerpart" : k.anvandare().namn(),
              part,
              part == null ? null : partnamn.computeIfAbsent(part, anvandare::partnamn),
              l.arendeId(),
              l.arendenummer(),
              l.handling(),
              HANDLINGAR.getOrDefault(l.handling(), l.handling()),
              orsak != null,
              orsak));
    }
    long flaggade = rader.stream().filter(Rad::flaggad).count();
    if (Boolean.TRUE.equals(urval.baraFlaggade())) {
      rader = rader.stream().filter(Rad::flaggad).toList();
    }
    return new Resultat(rader, antal, flaggade, antal > lasningar.size(), arenden, fran, till);
  }

  /**
   * Why the read falls outside the consent in force at its time, or null when it does not. The
   * loggkontroll's own rows are its audit trail, not reads of the case; a reader who is no Flerpart
   * user (an invitee through an answer link) has no part to check.
   */
  static String orsak(Lasning l, Konto k, String part, Tidslinje t) {
    return orsak(l, k, part, t, kod -> kod);
  }

  /** As above, with the parts named as people read them ({@code partnamn} maps a code to it). */
  static String orsak(
      Lasning l, Konto k, String part, Tidslinje t, UnaryOperator<String> partnamn) {
    if (l.handling().startsWith("LOGGKONTROLL_") || k == null) {
      return null;
    }
    if (t.aterkallat() != null && !l.tid().isBefore(t.aterkallat())) {
      return "Läst efter att samtycket återkallades";
    }
    if (part.equals(l.aktualiserandePart())) {
      return null;
    }
    boolean samtycke = t.lamnat() != null && !l.tid().isBefore(t.lamnat());
    if (samtycke && t.parter().contains(part)) {
      return null;
    }
    // The deltagaransvarig reads what the person consented to register in SUS.
    if (samtycke && t.susSamtycke() && k.anvandare().harRoll(SusService.DELTAGARANSVARIG)) {
      return null;
    }
    if (samtycke) {
      return "Läst av "
          + partnamn.apply(part)
          + ", som inte ingår i samtycket ("
          + t.parter().stream().map(partnamn).collect(Collectors.joining(", "))
          + ")";
    }
    return "Läst av "
        + partnamn.apply(part)
        + " utan samtycke; då får bara den aktualiserande parten ("
        + partnamn.apply(l.aktualiserandePart())
        + ") läsa";
  }

  /** Which part a user belonged to at a time, from the admin log's part changes. */
  static final class Partbyten {
    private final Map<String, List<Adminlogg.Partbyte>> perAnvandare = new HashMap<>();

    Partbyten(List<Adminlogg.Partbyte> byten) {
      for (Adminlogg.Partbyte b : byten) {
        perAnvandare.computeIfAbsent(b.anvandareId(), id -> new ArrayList<>()).add(b);
      }
    }

    /** The part before the first change after {@code tid}; the current part when none came. */
    String partVid(Anvandare a, Instant tid) {
      for (Adminlogg.Partbyte b : perAnvandare.getOrDefault(a.id(), List.of())) {
        if (b.tid().isAfter(tid)) {
          return b.fran();
        }
      }
      return a.part();
    }
  }

  private static LocalDate datum(String falt, String text, Map<String, String> fel) {
    if (tom(text)) {
      return null;
    }
    LocalDate dag = Datum.tolka(text).orElse(null);
    if (dag == null) {
      fel.put(falt, "Ange datum som ÅÅÅÅ-MM-DD");
    }
    return dag;
  }

  private static boolean tom(String text) {
    return text == null || text.isBlank();
  }
}
