package se.flerpart.oversikt;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which part the open cases wait for, and how long, from Flerpart's own tables. Three kinds of wait
 * count against a part:
 *
 * <ul>
 *   <li>{@code kallelsesvar}: a professional invited to a planned meeting (not yet begun) on behalf
 *       of the part has not answered; one wait per part and meeting, since the part's earliest
 *       unanswered invitation was sent (a moved meeting keeps that time, the part has been asked
 *       since then).
 *   <li>{@code atgard}: an action in the case's latest plan whose last day ({@code senast}) has
 *       passed and that no follow-up since the plan has reported done; since the day after {@code
 *       senast}. An action is never counted before its last day: until then the part is keeping the
 *       plan, not holding the case up. Flerpart learns that an action is done at the follow-up, so
 *       an overdue action counts until then.
 *   <li>{@code komplettering}: the open task {@code komplettera-aktualisering}, against the
 *       aktualiserande part, since the task was created.
 * </ul>
 *
 * Days are counted from the engine's clock, rounded to one decimal, as in {@link Processoversikt}.
 * Closed cases do not count. No personal data: only case numbers and part codes.
 */
@Service
class Partsvantan {

  /** The kinds of wait, in the order the page shows them. */
  static final Map<String, String> SLAG =
      mapOf(
          "kallelsesvar", "Svar på kallelse",
          "atgard", "Åtgärd i planen efter sista dag",
          "komplettering", "Komplettering av aktualiseringen");

  private final JdbcClient jdbc;
  private final Clock klocka;
  private final Processoversikt oversikt;

  Partsvantan(JdbcClient jdbc, Clock klocka, Processoversikt oversikt) {
    this.jdbc = jdbc;
    this.klocka = klocka;
    this.oversikt = oversikt;
  }

  /** One case waiting on a part: its number, the kind of wait and the days. */
  record Vantan(String part, String slag, UUID arendeId, String arendenummer, double dagar) {}

  /** The figures of a group of waits; {@code slag} is null for all kinds together. */
  record Siffror(
      String part,
      String partNamn,
      String slag,
      int antal,
      double medianDagar,
      double langstDagar,
      double summaDagar,
      List<Vantan> vantan) {}

  /** A part with its total and its figures per kind of wait. */
  record Part(Siffror totalt, List<Siffror> perSlag) {}

  /** Per part and kind of wait: the parts as {@link #perPart}, each with its kinds in order. */
  List<Siffror> perPartOchSlag(Processoversikt.Urval urval) {
    return perPart(urval).stream().flatMap(p -> p.perSlag().stream()).toList();
  }

  /** The parts that hold cases up, the longest total wait first. */
  List<Part> perPart(Processoversikt.Urval urval) {
    Map<String, String> namn = oversikt.parter();
    Map<String, List<Vantan>> perPart = new LinkedHashMap<>();
    for (Vantan v : vantan(urval)) {
      perPart.computeIfAbsent(v.part(), k -> new ArrayList<>()).add(v);
    }
    List<Part> parter = new ArrayList<>();
    for (var e : perPart.entrySet()) {
      String partNamn = namn.getOrDefault(e.getKey(), e.getKey());
      List<Siffror> perSlag = new ArrayList<>();
      for (String slag : SLAG.keySet()) {
        List<Vantan> av = e.getValue().stream().filter(v -> v.slag().equals(slag)).toList();
        if (!av.isEmpty()) {
          perSlag.add(siffror(e.getKey(), partNamn, slag, av));
        }
      }
      parter.add(new Part(siffror(e.getKey(), partNamn, null, e.getValue()), perSlag));
    }
    parter.sort(
        Comparator.comparingDouble((Part p) -> p.totalt().summaDagar())
            .reversed()
            .thenComparing(p -> p.totalt().partNamn()));
    return parter;
  }

  private static Siffror siffror(String part, String namn, String slag, List<Vantan> vantan) {
    List<Vantan> sorterade = new ArrayList<>(vantan);
    sorterade.sort(
        Comparator.comparingDouble(Vantan::dagar).reversed().thenComparing(Vantan::arendenummer));
    double[] dagar = sorterade.stream().mapToDouble(Vantan::dagar).toArray();
    return new Siffror(
        part,
        namn,
        slag,
        dagar.length,
        Processoversikt.median(dagar),
        dagar[0],
        Processoversikt.avrunda(Arrays.stream(dagar).sum()),
        List.copyOf(sorterade));
  }

  /** Every wait on a part in the open cases of the selection. */
  List<Vantan> vantan(Processoversikt.Urval urval) {
    Instant nu = klocka.instant();
    String filter =
        """
          and a.avslutad is null
          and (cast(:insats as varchar) is null or a.insats_kod = :insats)
          and (cast(:part as varchar) is null or a.aktualiserande_part = :part)
        """;
    record Rad(String slag, String part, UUID id, String nummer, Instant sedan) {}
    return jdbc
        .sql(
            """
            select 'kallelsesvar', k.part, a.id, a.arendenummer, min(k.skapad)
            from kallelse k join mote m on m.id = k.mote_id join arende a on a.id = m.arende_id
            where m.status = 'PLANERAT' and m.motes_tid > :nu
              and k.roll = 'PROFESSIONELL' and k.part is not null
              and k.svar is null and k.ersatt_av is null
            """
                + filter
                + """
                group by k.part, a.id, a.arendenummer, m.id
                union all
                select 'atgard', pa.ansvarig_part, a.id, a.arendenummer,
                       cast(pa.senast + 1 as timestamp) at time zone 'Europe/Stockholm'
                from plan p join plan_atgard pa on pa.plan_id = p.id
                  join arende a on a.id = p.arende_id
                where p.version = (select max(p2.version) from plan p2
                                   where p2.arende_id = p.arende_id)
                  and cast(pa.senast + 1 as timestamp) at time zone 'Europe/Stockholm' <= :nu
                  and not exists (
                    select 1 from uppfoljning f,
                      jsonb_array_elements(f.atgard_status) with ordinality s(atgard, nr)
                    where f.arende_id = a.id and f.tid >= p.skapad
                      and s.atgard ->> 'status' = 'GENOMFORD'
                      and s.nr = (select count(*) from plan_atgard x
                                  where x.plan_id = pa.plan_id and x.ordning <= pa.ordning))
                """
                + filter
                + """
                union all
                select 'komplettering', a.aktualiserande_part, a.id, a.arendenummer, u.skapad
                from uppgift u join arende a on a.id = u.arende_id
                where u.process_id = 'arende' and u.element_id = 'komplettera-aktualisering'
                  and u.status = 'OPPEN'
                """
                + filter)
        .param("nu", Timestamp.from(nu))
        .param("insats", urval.insats())
        .param("part", urval.part())
        .query(
            (rs, n) ->
                new Rad(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getObject(5, Timestamp.class).toInstant()))
        .list()
        .stream()
        .map(
            r ->
                new Vantan(
                    r.part(), r.slag(), r.id(), r.nummer(), Processoversikt.dagar(r.sedan(), nu)))
        .sorted(Comparator.comparing(Vantan::part))
        .toList();
  }

  private static Map<String, String> mapOf(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
