package se.flerpart.oversikt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.flerpart.process.Processmodeller;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/**
 * Where the open cases stand now, per BPMN step, from Flerpart's own tables. A case stands at a
 * step when it has an open (or submitted, not yet confirmed) user task there, since the task was
 * created; with no such task, when its meeting is planned ({@code mote} PLANERAT: at {@code
 * samla-in-svar}, since the meeting was registered); else when its plan waits for the follow-up day
 * ({@code uppfoljning_nasta}: at {@code vantar-pa-uppfoljningsdag}, since the day was set). Days
 * are counted from the engine's clock, rounded to one decimal.
 */
@Service
class Processoversikt {

  /** The processes the page draws, the case's own first. */
  static final List<String> PROCESSER = List.of("arende", "flerpartsmote", "uppfoljning");

  static final String VANTAR_PA_UPPFOLJNINGSDAG = "vantar-pa-uppfoljningsdag";

  static final String SAMLA_IN_SVAR = "samla-in-svar";

  private static final double SEKUNDER_PER_DAG = 86_400.0;

  private final JdbcClient jdbc;
  private final Clock klocka;
  private final Processmodeller modeller;

  Processoversikt(JdbcClient jdbc, Clock klocka, Processmodeller modeller) {
    this.jdbc = jdbc;
    this.klocka = klocka;
    this.modeller = modeller;
  }

  static ClassPathResource bpmn(String process) {
    return new ClassPathResource("processes/" + process + ".bpmn");
  }

  /** One case at a step: no personal data, only its number, owning part and days. */
  record Stegarende(UUID id, String arendenummer, String part, double dagar) {}

  /** A step with its figures and its cases, longest waiting first. */
  record Steg(
      String process,
      String elementId,
      String namn,
      int antal,
      double medianDagar,
      double langstDagar,
      List<Stegarende> arenden) {}

  static void kravLasare(Anvandare a) {
    if (!a.harRoll(Anvandare.PROCESSLEDARE) && !a.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Processöversikten är till för processledare och administratörer.");
    }
  }

  /** Checks the filters; an empty value is no filter. */
  Urval tolka(String insats, String part) {
    Map<String, String> fel = new LinkedHashMap<>();
    String i = tom(insats) ? null : insats.trim();
    String p = tom(part) ? null : part.trim();
    if (i != null && !insatser().containsKey(i)) {
      fel.put("insats", "Insatsen finns inte.");
    }
    if (p != null && !parter().containsKey(p)) {
      fel.put("part", "Parten finns inte.");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    return new Urval(i, p);
  }

  record Urval(String insats, String part) {}

  Map<String, String> insatser() {
    return jdbc
        .sql("select kod, namn from insats order by namn")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(
            LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), LinkedHashMap::putAll);
  }

  Map<String, String> parter() {
    return jdbc
        .sql("select kod, namn from part order by namn")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(
            LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), LinkedHashMap::putAll);
  }

  /**
   * Where an open case stands now, by the rule in the class comment: the step and since when.
   * {@code instans} is the engine's process instance key when the record knows it (an open task or
   * a planned meeting), otherwise 0.
   */
  record Position(
      String process,
      String element,
      long instans,
      UUID id,
      String nummer,
      String part,
      Instant sedan) {}

  /**
   * The positions of the open cases in the selection, or of one case when {@code arende} is set.
   */
  List<Position> positioner(Urval urval, UUID arende) {
    return jdbc.sql(
            """
            select u.process_id, u.element_id, u.process_instans_nyckel, a.id, a.arendenummer,
                   a.aktualiserande_part, u.skapad
            from uppgift u join arende a on a.id = u.arende_id
            where u.status in ('OPPEN', 'INSKICKAD') and a.avslutad is null
              and u.process_id in ('arende', 'flerpartsmote', 'uppfoljning')
              and (cast(:insats as varchar) is null or a.insats_kod = :insats)
              and (cast(:part as varchar) is null or a.aktualiserande_part = :part)
              and (cast(:arende as uuid) is null or a.id = :arende)
            union all
            select 'flerpartsmote', :samla, max(m.process_instans_nyckel), a.id, a.arendenummer,
                   a.aktualiserande_part, max(m.skapad)
            from mote m join arende a on a.id = m.arende_id
            where m.status = 'PLANERAT' and a.avslutad is null
              and not exists (select 1 from uppgift u
                              where u.arende_id = a.id and u.status in ('OPPEN', 'INSKICKAD'))
              and (cast(:insats as varchar) is null or a.insats_kod = :insats)
              and (cast(:part as varchar) is null or a.aktualiserande_part = :part)
              and (cast(:arende as uuid) is null or a.id = :arende)
            group by a.id, a.arendenummer, a.aktualiserande_part
            union all
            select 'uppfoljning', :vantar, 0, a.id, a.arendenummer, a.aktualiserande_part,
                   n.satt
            from uppfoljning_nasta n join arende a on a.id = n.arende_id
            where a.avslutad is null
              and not exists (select 1 from uppgift u
                              where u.arende_id = a.id and u.status in ('OPPEN', 'INSKICKAD'))
              and not exists (select 1 from mote m
                              where m.arende_id = a.id and m.status = 'PLANERAT')
              and (cast(:insats as varchar) is null or a.insats_kod = :insats)
              and (cast(:part as varchar) is null or a.aktualiserande_part = :part)
              and (cast(:arende as uuid) is null or a.id = :arende)
            """)
        .param("insats", urval.insats())
        .param("part", urval.part())
        .param("arende", arende)
        .param("vantar", VANTAR_PA_UPPFOLJNINGSDAG)
        .param("samla", SAMLA_IN_SVAR)
        .query(
            (rs, n) ->
                new Position(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getObject(4, UUID.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getObject(7, Timestamp.class).toInstant()))
        .list();
  }

  /** The steps where open cases stand, in process order then by name. */
  List<Steg> steg(Urval urval) {
    Instant nu = klocka.instant();
    List<Position> rader = positioner(urval, null);
    Map<String, List<Stegarende>> perSteg = new LinkedHashMap<>();
    for (Position r : rader) {
      double dagar = dagar(r.sedan(), nu);
      perSteg
          .computeIfAbsent(r.process() + "/" + r.element(), k -> new ArrayList<>())
          .add(new Stegarende(r.id(), r.nummer(), r.part(), dagar));
    }
    List<Steg> steg = new ArrayList<>();
    for (var e : perSteg.entrySet()) {
      String[] nyckel = e.getKey().split("/", 2);
      List<Stegarende> arenden = new ArrayList<>(e.getValue());
      arenden.sort(
          Comparator.comparingDouble(Stegarende::dagar)
              .reversed()
              .thenComparing(Stegarende::arendenummer));
      steg.add(
          new Steg(
              nyckel[0],
              nyckel[1],
              modeller.namn(nyckel[0], nyckel[1]),
              arenden.size(),
              median(arenden),
              arenden.get(0).dagar(),
              List.copyOf(arenden)));
    }
    steg.sort(
        Comparator.comparingInt((Steg s) -> PROCESSER.indexOf(s.process()))
            .thenComparing(Steg::namn));
    return steg;
  }

  /**
   * Open cases that stand at none of the steps above: no open or submitted task, no planned
   * meeting, no follow-up day awaited. Every resting state of the three processes has one of those
   * behind it, so a case is here only for a moment between two steps, or when the engine could not
   * go on: an automatic step that keeps failing (an incident) or a start that has not reached the
   * engine yet. Days since the case's last recorded activity (its creation, its latest history row
   * or completed task), longest first.
   */
  List<Stegarende> utanSteg(Urval urval) {
    Instant nu = klocka.instant();
    return jdbc
        .sql(
            """
            select a.id, a.arendenummer, a.aktualiserande_part,
                   greatest(a.skapad,
                            (select max(h.tid) from arende_handelse h where h.arende_id = a.id),
                            (select max(u.slutford_tid) from uppgift u where u.arende_id = a.id))
            from arende a
            where a.avslutad is null
              and not exists (select 1 from uppgift u
                              where u.arende_id = a.id and u.status in ('OPPEN', 'INSKICKAD'))
              and not exists (select 1 from mote m
                              where m.arende_id = a.id and m.status = 'PLANERAT')
              and not exists (select 1 from uppfoljning_nasta n where n.arende_id = a.id)
              and (cast(:insats as varchar) is null or a.insats_kod = :insats)
              and (cast(:part as varchar) is null or a.aktualiserande_part = :part)
            """)
        .param("insats", urval.insats())
        .param("part", urval.part())
        .query(
            (rs, n) ->
                new Stegarende(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    dagar(rs.getObject(4, Timestamp.class).toInstant(), nu)))
        .list()
        .stream()
        .sorted(
            Comparator.comparingDouble(Stegarende::dagar)
                .reversed()
                .thenComparing(Stegarende::arendenummer))
        .toList();
  }

  /** Whole days with one decimal, never below 0 (a case that just arrived stands 0 days). */
  static double dagar(Instant sedan, Instant nu) {
    long sekunder = Math.max(0, Duration.between(sedan, nu).toSeconds());
    return avrunda(sekunder / SEKUNDER_PER_DAG);
  }

  private static double median(List<Stegarende> arenden) {
    return median(arenden.stream().mapToDouble(Stegarende::dagar).toArray());
  }

  /** The median of day figures (at least one), with one decimal. */
  static double median(double[] dagar) {
    double[] d = dagar.clone();
    Arrays.sort(d);
    int mitt = d.length / 2;
    return d.length % 2 == 1 ? d[mitt] : avrunda((d[mitt - 1] + d[mitt]) / 2);
  }

  static double avrunda(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }

  private static boolean tom(String s) {
    return s == null || s.isBlank();
  }
}
