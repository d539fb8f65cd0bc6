package se.flerpart.statistik;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/**
 * The administrator's editing of the statistics definitions per year: which avslutsorsaker are a
 * positiv lösning and in which sub-row, which are avbrott av hälsoskäl, whether anonymous
 * participants count in the totals, and the sub-rows' denominator. Every change goes to the admin
 * log through {@link StatistikDefinitionAndrad}.
 */
@Service
public class DefinitionAdministration {

  /** The first year a definition may be set for. */
  static final int FORSTA_AR = 2000;

  /** A definition as set for a year, with who set it last. */
  public record SparadDefinition(StatistikDefinition definition, Instant andrad, String andradAv) {}

  /**
   * The definition a year's reports use.
   *
   * @param ar the year asked for
   * @param egen whether the year has a definition of its own
   * @param definition the definition in force: the year's own, the latest earlier one ({@code
   *     definition.ar} says which), or the default ({@code definition.ar} null)
   */
  public record Galler(int ar, boolean egen, StatistikDefinition definition) {}

  /** A change as an administrator sends it; a missing sub-row is an empty one. */
  public record Andring(
      String beskrivning,
      Map<String, List<String>> positivLosning,
      List<String> avbrottHalsoskal,
      Boolean anonymaITotalen,
      String delradAndelAv) {}

  /** An avslutsorsak as the definitions know it. */
  public record Orsak(String kod, String namn, boolean aktiv, boolean utanforStatistik) {}

  private final JdbcClient jdbc;
  private final StatistikDefinitioner definitioner;
  private final ObjectMapper json;
  private final ApplicationEventPublisher handelser;
  private final Clock klocka;

  DefinitionAdministration(
      JdbcClient jdbc,
      StatistikDefinitioner definitioner,
      ObjectMapper json,
      ApplicationEventPublisher handelser,
      Clock klocka) {
    this.jdbc = jdbc;
    this.definitioner = definitioner;
    this.json = json;
    this.handelser = handelser;
    this.klocka = klocka;
  }

  /** Every year's own definition, oldest first. */
  public List<SparadDefinition> alla(Anvandare vem) {
    kravLasare(vem);
    return jdbc.sql("select ar, andrad, andrad_av from statistik_definition order by ar")
        .query(
            (rs, n) ->
                new SparadDefinition(
                    definitioner.giltig(rs.getInt(1)),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3)))
        .list();
  }

  /** The definition a year's reports use. */
  public Galler galler(int ar, Anvandare vem) {
    kravLasare(vem);
    kravAr(ar);
    StatistikDefinition d = definitioner.giltig(ar);
    return new Galler(ar, d.ar() != null && d.ar() == ar, d);
  }

  /** The avslutsorsaker, in their order; those outside the statistics are marked. */
  public List<Orsak> orsaker() {
    return jdbc.sql(
            "select kod, namn, aktiv, utanfor_statistik from avslutsorsak order by ordning, kod")
        .query(
            (rs, n) ->
                new Orsak(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
        .list();
  }

  /** Sets the year's own definition; every problem is named before anything changes. */
  @Transactional
  public Galler spara(int ar, Andring andring, Anvandare vem) {
    if (!vem.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara administratörer kan ändra statistikens definitioner.");
    }
    kravAr(ar);
    if (andring == null) {
      throw new ValideringsFel("beskrivning", "Skicka definitionen som JSON.");
    }
    Map<String, String> fel = new LinkedHashMap<>();
    String beskrivning = andring.beskrivning() == null ? "" : andring.beskrivning().strip();
    if (beskrivning.isEmpty()) {
      fel.put("beskrivning", "Beskriv definitionen; rapporten visar texten i sitt huvud.");
    } else if (beskrivning.length() > 2000) {
      fel.put("beskrivning", "Beskrivningen får vara högst 2000 tecken.");
    }
    Map<String, Orsak> orsaker = new HashMap<>();
    orsaker().forEach(o -> orsaker.put(o.kod(), o));
    Map<String, List<String>> positiv = new LinkedHashMap<>();
    Map<String, String> delradFor = new HashMap<>();
    Map<String, List<String>> given =
        andring.positivLosning() == null ? Map.of() : andring.positivLosning();
    for (String delrad : given.keySet()) {
      if (!StatistikDefinition.POSITIVA_DELRADER.contains(delrad)) {
        fel.put(
            "positivLosning." + delrad,
            "Okänd delrad. Delraderna heter "
                + String.join(", ", StatistikDefinition.POSITIVA_DELRADER)
                + ".");
      }
    }
    for (String delrad : StatistikDefinition.POSITIVA_DELRADER) {
      List<String> koder = new ArrayList<>();
      List<String> lista = given.get(delrad) == null ? List.of() : given.get(delrad);
      for (String kod : lista) {
        String problem = problem(kod, orsaker);
        String falt = "positivLosning." + delrad;
        if (problem != null) {
          fel.merge(falt, problem, (a, b) -> a + " " + b);
        } else if (delradFor.containsKey(kod)) {
          fel.merge(
              falt,
              kod
                  + " finns redan i delraden "
                  + delradFor.get(kod)
                  + "; en kod hör till en delrad.",
              (a, b) -> a + " " + b);
        } else {
          delradFor.put(kod, delrad);
          koder.add(kod);
        }
      }
      positiv.put(delrad, List.copyOf(koder));
    }
    List<String> halsoskal = new ArrayList<>();
    for (String kod :
        andring.avbrottHalsoskal() == null ? List.<String>of() : andring.avbrottHalsoskal()) {
      String problem = problem(kod, orsaker);
      if (problem != null) {
        fel.merge("avbrottHalsoskal", problem, (a, b) -> a + " " + b);
      } else if (delradFor.containsKey(kod)) {
        fel.merge(
            "avbrottHalsoskal",
            kod + " är redan positiv lösning (" + delradFor.get(kod) + ").",
            (a, b) -> a + " " + b);
      } else if (!halsoskal.contains(kod)) {
        halsoskal.add(kod);
      }
    }
    String namnare =
        andring.delradAndelAv() == null
            ? StatistikDefinition.POSITIV_LOSNING
            : andring.delradAndelAv();
    if (!List.of(StatistikDefinition.POSITIV_LOSNING, StatistikDefinition.AVSLUTADE)
        .contains(namnare)) {
      fel.put("delradAndelAv", "Ska vara POSITIV_LOSNING eller AVSLUTADE.");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    boolean anonyma = andring.anonymaITotalen() == null || andring.anonymaITotalen();
    Optional<StatistikDefinition> fore = egen(ar);
    jdbc.sql(
            """
            insert into statistik_definition (ar, beskrivning, positiv_losning, avbrott_halsoskal,
              anonyma_i_totalen, delrad_andel_av, andrad, andrad_av)
            values (?, ?, ?::jsonb, ?, ?, ?, ?, ?)
            on conflict (ar) do update set beskrivning = excluded.beskrivning,
              positiv_losning = excluded.positiv_losning,
              avbrott_halsoskal = excluded.avbrott_halsoskal,
              anonyma_i_totalen = excluded.anonyma_i_totalen,
              delrad_andel_av = excluded.delrad_andel_av, andrad = excluded.andrad,
              andrad_av = excluded.andrad_av
            """)
        .params(
            ar,
            beskrivning,
            skriv(positiv),
            halsoskal.toArray(String[]::new),
            anonyma,
            namnare,
            Timestamp.from(klocka.instant()),
            vem.id())
        .update();
    StatistikDefinition efter = egen(ar).orElseThrow();
    handelser.publishEvent(
        new StatistikDefinitionAndrad(
            vem.id(), ar, fore.isPresent() ? "ANDRAD" : "SKAPAD", fore.orElse(null), efter));
    return new Galler(ar, true, efter);
  }

  private Optional<StatistikDefinition> egen(int ar) {
    StatistikDefinition d = definitioner.giltig(ar);
    return d.ar() != null && d.ar() == ar ? Optional.of(d) : Optional.empty();
  }

  private static String problem(String kod, Map<String, Orsak> orsaker) {
    Orsak o = kod == null ? null : orsaker.get(kod);
    if (o == null) {
      return "Okänd avslutsorsak " + kod + ".";
    }
    if (o.utanforStatistik()) {
      return kod + " räknas aldrig i statistiken.";
    }
    return null;
  }

  void kravAr(int ar) {
    int senast = LocalDate.now(klocka).getYear() + 1;
    if (ar < FORSTA_AR || ar > senast) {
      throw new ValideringsFel("ar", "Året ska vara mellan " + FORSTA_AR + " och " + senast + ".");
    }
  }

  private static void kravLasare(Anvandare vem) {
    if (!vem.harRoll(Anvandare.ADMIN) && !vem.harRoll(Anvandare.PROCESSLEDARE)) {
      throw new AtkomstNekad(
          "Bara processledare och administratörer ser statistikens definitioner.");
    }
  }

  private String skriv(Map<String, List<String>> positiv) {
    try {
      return json.writeValueAsString(positiv);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
