package se.flerpart.mote;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.beredning.Beredningsmoten;
import se.flerpart.sakerhet.Anvandare;

/**
 * The meetings of one user (ordförande, ärendebärare, or invited as a professional): for the Mina
 * möten page grouped by ISO week, and for the calendar feed. A row has a {@code typ}: a
 * flerpartsmöte, or a beredningsmöte of a beredningsgrupp the user is in (without any case).
 */
@Service
class MinaMoten {

  /** How far back the feed goes, so that a calendar keeps the recent meetings. */
  static final java.time.Duration FLODE_BAKAT = java.time.Duration.ofDays(30);

  /** How far ahead the recurring beredningsmöten are listed: on the page, and in the feed. */
  static final java.time.Duration BEREDNING_SIDA = java.time.Duration.ofDays(8 * 7);

  static final java.time.Duration BEREDNING_FLODE = java.time.Duration.ofDays(26 * 7);

  private static final DateTimeFormatter DAG =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.forLanguageTag("sv"));

  private static final DateTimeFormatter KLOCKSLAG = DateTimeFormatter.ofPattern("'kl.' HH:mm");

  public record MotesRad(
      String typ,
      String typText,
      UUID id,
      UUID arendeId,
      String arendenummer,
      String individnamn,
      Instant tid,
      String plats,
      String videolank,
      String status,
      String statusText,
      String roll,
      String lank,
      String lanktext) {

    /** The meeting's day in Swedish time, as the page shows it: "onsdag 16 december". */
    public String dagText() {
      return DAG.format(tid.atZone(ArendeService.SVERIGE));
    }

    /** The meeting's time of day in Swedish time: "kl. 09:00". */
    public String klockslag() {
      return KLOCKSLAG.format(tid.atZone(ArendeService.SVERIGE));
    }
  }

  public record Vecka(String rubrik, List<MotesRad> moten) {}

  private final MoteRepository repository;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final Beredningsmoten beredningsmoten;
  private final Clock klocka;

  MinaMoten(
      MoteRepository repository,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      Beredningsmoten beredningsmoten,
      Clock klocka) {
    this.repository = repository;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.beredningsmoten = beredningsmoten;
    this.klocka = klocka;
  }

  /**
   * The coming meetings from today on, by week. The person's name only in the cases whose personal
   * data the user may read; each name shown is logged.
   */
  public List<Vecka> kommande(Anvandare anvandare) {
    Instant idag =
        LocalDate.now(klocka.withZone(ArendeService.SVERIGE))
            .atStartOfDay(ArendeService.SVERIGE)
            .toInstant();
    List<Mote> moten = repository.forDeltagare(anvandare.id(), anvandare.epost(), idag);
    Map<UUID, Arende> arendeMap = arendenFor(moten);
    Map<UUID, String> namn = atkomst.individnamn(anvandare, arendeMap.values());
    int iAr = LocalDate.now(klocka.withZone(ArendeService.SVERIGE)).get(IsoFields.WEEK_BASED_YEAR);
    List<MotesRad> rader = new ArrayList<>();
    for (Mote m : moten) {
      Arende a = arendeMap.get(m.arendeId());
      rader.add(
          new MotesRad(
              "FLERPARTSMOTE",
              "Flerpartsmöte",
              m.id(),
              m.arendeId(),
              a == null ? "" : a.arendenummer(),
              namn.get(m.arendeId()),
              m.motesTid(),
              m.plats(),
              m.videolank(),
              m.status().name(),
              m.status().text(),
              roll(m, anvandare),
              "/arenden/" + m.arendeId(),
              a == null ? "" : a.arendenummer()));
    }
    for (Beredningsmoten.Kommande b :
        beredningsmoten.kommande(anvandare, idag, klocka.instant().plus(BEREDNING_SIDA))) {
      rader.add(
          new MotesRad(
              "BEREDNINGSMOTE",
              "Beredningsmöte",
              null,
              null,
              null,
              null,
              b.tid(),
              b.plats(),
              null,
              "PLANERAT",
              "Planerat",
              "Beredningsgrupp",
              "/beredningsmote/" + b.insats(),
              b.insatsnamn()));
    }
    rader.sort(java.util.Comparator.comparing(MotesRad::tid));
    Map<String, List<MotesRad>> veckor = new LinkedHashMap<>();
    for (MotesRad r : rader) {
      ZonedDateTime lokal = r.tid().atZone(ArendeService.SVERIGE);
      int ar = lokal.get(IsoFields.WEEK_BASED_YEAR);
      String rubrik =
          "Vecka " + lokal.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + (ar == iAr ? "" : ", " + ar);
      veckor.computeIfAbsent(rubrik, k -> new ArrayList<>()).add(r);
    }
    return veckor.entrySet().stream().map(e -> new Vecka(e.getKey(), e.getValue())).toList();
  }

  /** The feed's meetings (the last 30 days and all coming) and their case numbers. */
  public Flode flode(Anvandare anvandare) {
    List<Mote> moten =
        repository.forDeltagare(
            anvandare.id(), anvandare.epost(), klocka.instant().minus(FLODE_BAKAT));
    Map<UUID, String> nummer =
        arendenFor(moten).values().stream()
            .collect(Collectors.toMap(Arende::id, Arende::arendenummer));
    Instant nu = klocka.instant();
    return new Flode(
        moten,
        nummer,
        beredningsmoten.kommande(anvandare, nu.minus(FLODE_BAKAT), nu.plus(BEREDNING_FLODE)));
  }

  record Flode(
      List<Mote> moten,
      Map<UUID, String> arendenummer,
      List<Beredningsmoten.Kommande> beredningsmoten) {}

  private Map<UUID, Arende> arendenFor(List<Mote> moten) {
    if (moten.isEmpty()) {
      return Map.of();
    }
    return arenden.hamta(moten.stream().map(Mote::arendeId).distinct().toList()).stream()
        .collect(Collectors.toMap(Arende::id, Function.identity()));
  }

  private static String roll(Mote m, Anvandare anvandare) {
    if (anvandare.id().equals(m.ordforande())) {
      return "Ordförande";
    }
    if (anvandare.id().equals(m.arendebarare())) {
      return "Ärendebärare";
    }
    return "Kallad";
  }
}
