package se.flerpart.statistik;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.KategoriRepository;
import se.flerpart.referens.KategoriRepository.Kategori;
import se.flerpart.referens.PartRepository;
import se.flerpart.web.ValideringsFel;

/**
 * The report tables of the statistics issue, computed from {@code statistik_deltagare}: the rows of
 * the period are read once, every table is counted from them in memory, and each table carries the
 * checks of its own arithmetic and of the data.
 */
@Service
public class Statistikrapporter {

  /** The fixed table ids, in the order a full report shows them. */
  public static final List<String> TABELLER =
      List.of(
          "deltagare",
          "avslutade",
          "avslut-arbete-studier",
          "aktualiseringar",
          "fordelning-alder",
          "fordelning-forsorjningstid",
          "fordelning-utbildning",
          "fordelning-manader-i-insats",
          "ledtider");

  static final Map<String, String> NAMN =
      Map.of(
          "deltagare", "Utfall för deltagare",
          "avslutade", "Avslutade under perioden",
          "avslut-arbete-studier", "Avslutningsanledningar arbete, studier och arbetssökande",
          "aktualiseringar", "Aktualiseringar per aktualiserande part",
          "fordelning-alder", "Deltagare efter ålder",
          "fordelning-forsorjningstid", "Deltagare efter tid i offentlig försörjning",
          "fordelning-utbildning", "Deltagare efter utbildningsnivå",
          "fordelning-manader-i-insats", "Deltagare efter månader i insats",
          "ledtider", "Ledtider");

  /** The beredning's decisions that end the wait for a decision. */
  private static final Set<String> SLUTLIGA_BESLUT = Set.of("JA", "NEJ", "HANVISA");

  private static final List<Integer> OMFATTNINGAR = List.of(10, 25, 50, 70, 75, 80, 90, 100);

  private final JdbcClient jdbc;
  private final StatistikDefinitioner definitioner;
  private final InsatsRepository insatser;
  private final PartRepository parter;
  private final KategoriRepository kategorier;

  public Statistikrapporter(
      JdbcClient jdbc,
      StatistikDefinitioner definitioner,
      InsatsRepository insatser,
      PartRepository parter,
      KategoriRepository kategorier) {
    this.jdbc = jdbc;
    this.definitioner = definitioner;
    this.insatser = insatser;
    this.parter = parter;
    this.kategorier = kategorier;
  }

  /** One table; an unknown id is a {@code ValideringsFel}. */
  public Tabell tabell(String tabell, Rapportfraga fraga) {
    if (tabell == null || !TABELLER.contains(tabell)) {
      throw new ValideringsFel(
          "tabell", "Okänd tabell. Tabellerna är: " + String.join(", ", TABELLER));
    }
    return underlag(fraga).tabell(tabell);
  }

  /** Every table, in the order of {@link #TABELLER}. */
  public List<Tabell> alla(Rapportfraga fraga) {
    Underlag u = underlag(fraga);
    return TABELLER.stream().map(u::tabell).toList();
  }

  private Underlag underlag(Rapportfraga fraga) {
    kontrollera(fraga);
    StatistikDefinition definition = definitioner.giltig(fraga.till().getYear());
    return new Underlag(fraga, definition, las(fraga));
  }

  private void kontrollera(Rapportfraga fraga) {
    Map<String, String> fel = new LinkedHashMap<>();
    if (fraga.fran() == null) {
      fel.put("fran", "Ange periodens första dag som ÅÅÅÅ-MM-DD");
    }
    if (fraga.till() == null) {
      fel.put("till", "Ange periodens sista dag som ÅÅÅÅ-MM-DD");
    }
    if (fraga.fran() != null && fraga.till() != null && fraga.till().isBefore(fraga.fran())) {
      fel.put("till", "Periodens sista dag ligger före den första");
    }
    if (fraga.insats() != null && insatser.hitta(fraga.insats()).isEmpty()) {
      fel.put("insats", "Insatsen finns inte");
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
  }

  /**
   * Every row that can count in the period: referred or started by {@code till}, and not closed
   * before {@code fran}; felregistreringar and other codes outside the statistics never.
   */
  private List<Deltagare> las(Rapportfraga fraga) {
    Map<String, Object> p = new HashMap<>();
    p.put("fran", Date.valueOf(fraga.fran()));
    p.put("till", Date.valueOf(fraga.till()));
    String insats = "";
    if (fraga.insats() != null) {
      insats = " and d.insats_kod = :insats";
      p.put("insats", fraga.insats());
    }
    return jdbc.sql(
            """
            select d.id, d.arendenummer, d.anonym, d.kon, d.fodelsear, d.insats_kod,
              d.aktualiserande_part, d.aktualiseringsdatum, d.beslut, d.beslutsdatum, d.startdatum,
              d.forsta_motesdatum, d.forsta_uppfoljningsdatum, d.avslutsdatum, d.avslutsorsak,
              d.sysselsattning_efter, d.omfattning, d.subventionerad, d.utbildningsniva,
              d.tid_i_forsorjning, d.handlingsplan
            from statistik_deltagare d
            left join avslutsorsak o on o.kod = d.avslutsorsak
            where not coalesce(o.utanfor_statistik, false)
              and (d.aktualiseringsdatum <= :till or d.startdatum <= :till)
              and (d.avslutsdatum is null or d.avslutsdatum >= :fran or d.startdatum >= :fran
                or d.aktualiseringsdatum >= :fran)
            """
                + insats
                + " order by d.id")
        .params(p)
        .query(Statistikrapporter::deltagare)
        .list();
  }

  private static Deltagare deltagare(ResultSet rs, int n) throws SQLException {
    return new Deltagare(
        rs.getLong("id"),
        rs.getString("arendenummer"),
        rs.getBoolean("anonym"),
        rs.getString("kon"),
        (Integer) rs.getObject("fodelsear"),
        rs.getString("insats_kod"),
        rs.getString("aktualiserande_part"),
        dag(rs, "aktualiseringsdatum"),
        rs.getString("beslut"),
        dag(rs, "beslutsdatum"),
        dag(rs, "startdatum"),
        dag(rs, "forsta_motesdatum"),
        dag(rs, "forsta_uppfoljningsdatum"),
        dag(rs, "avslutsdatum"),
        rs.getString("avslutsorsak"),
        rs.getString("sysselsattning_efter"),
        (Integer) rs.getObject("omfattning"),
        (Boolean) rs.getObject("subventionerad"),
        rs.getString("utbildningsniva"),
        rs.getString("tid_i_forsorjning"),
        rs.getBoolean("handlingsplan"));
  }

  private static LocalDate dag(ResultSet rs, String kolumn) throws SQLException {
    Date d = rs.getDate(kolumn);
    return d == null ? null : d.toLocalDate();
  }

  /** Percent with one decimal; null when there is nothing to divide by. */
  static BigDecimal andel(long del, long av) {
    if (av == 0) {
      return null;
    }
    return BigDecimal.valueOf(del * 100L).divide(BigDecimal.valueOf(av), 1, RoundingMode.HALF_UP);
  }

  static Rad rad(
      String id, String namn, String overordnad, Collection<Deltagare> urval, Long namnare) {
    int k = 0;
    int m = 0;
    int a = 0;
    for (Deltagare d : urval) {
      switch (d.kon()) {
        case "KVINNA" -> k++;
        case "MAN" -> m++;
        default -> a++;
      }
    }
    return Rad.kon(
        id, namn, overordnad, k, m, a, namnare == null ? null : andel(k + m + a, namnare));
  }

  /** The period's rows with the definition of its year; computes each table from them. */
  private final class Underlag {

    private final Rapportfraga fraga;
    private final LocalDate fran;
    private final LocalDate till;
    private final StatistikDefinition def;
    private final List<Deltagare> alla;
    private final List<Deltagare> aktiva;
    private final List<Kontroll> datakontroller;

    Underlag(Rapportfraga fraga, StatistikDefinition def, List<Deltagare> alla) {
      this.fraga = fraga;
      this.fran = fraga.fran();
      this.till = fraga.till();
      this.def = def;
      this.alla = alla;
      this.aktiva = alla.stream().filter(d -> d.aktiv(fran, till)).toList();
      this.datakontroller = datakontroller();
    }

    Tabell tabell(String id) {
      List<String> fotnoter = new ArrayList<>(allmannaFotnoter());
      List<Kontroll> kontroller = new ArrayList<>();
      List<Rad> rader =
          switch (id) {
            case "deltagare" -> deltagareTabell(fotnoter, kontroller);
            case "avslutade" -> avslutadeTabell(fotnoter, kontroller);
            case "avslut-arbete-studier" -> arbeteStudier(fotnoter, kontroller);
            case "aktualiseringar" -> aktualiseringar(fotnoter, kontroller);
            case "fordelning-alder" -> alder(fotnoter, kontroller);
            case "fordelning-forsorjningstid" ->
                kategorifordelning(
                    Kategori.TID_I_FORSORJNING, Deltagare::tidIForsorjning, fotnoter, kontroller);
            case "fordelning-utbildning" ->
                kategorifordelning(
                    Kategori.UTBILDNINGSNIVA, Deltagare::utbildningsniva, fotnoter, kontroller);
            case "fordelning-manader-i-insats" -> manader(fotnoter, kontroller);
            case "ledtider" -> ledtider(fotnoter, kontroller);
            default -> throw new IllegalArgumentException(id);
          };
      List<Kontroll> alla = new ArrayList<>(aritmetik(rader));
      alla.addAll(kontroller);
      alla.addAll(datakontroller);
      return new Tabell(
          id,
          NAMN.get(id),
          fran,
          till,
          fraga.insats(),
          new Tabell.Definition(def.ar(), def.beskrivning(), List.copyOf(fotnoter)),
          rader,
          alla);
    }

    private List<String> allmannaFotnoter() {
      List<String> f = new ArrayList<>();
      f.add(
          "En deltagare är aktiv under perioden om hen började senast "
              + till
              + " och inte avslutades före "
              + fran
              + ". En aktualisering blir deltagare vid JA i beredningen.");
      f.add("Felregistreringar ingår inte i någon tabell.");
      f.add(
          def.ar() == null
              ? "Definitionen är standarddefinitionen; ingen egen definition är satt för "
                  + till.getYear()
                  + " eller tidigare år."
              : "Definitionen gäller från " + def.ar() + ".");
      return f;
    }

    private boolean anonymaITotalen() {
      return def.anonymaITotalen();
    }

    /** The anonymous participants' note, for tables where they have a row of their own. */
    private String anonymaFotnot(String iStalletFor) {
      return anonymaITotalen()
          ? "Anonyma deltagare (utan SUS-samtycke, med skyddad identitet eller importerade utan"
              + " personnummer) räknas i totalen och per kön, och redovisas i raden Anonyma i"
              + " stället för "
              + iStalletFor
              + "."
          : "Anonyma deltagare (utan SUS-samtycke, med skyddad identitet eller importerade utan"
              + " personnummer) visas i raden Anonyma bredvid totalen och ingår inte i den.";
    }

    private List<Deltagare> iTotalen(List<Deltagare> urval) {
      return anonymaITotalen() ? urval : urval.stream().filter(d -> !d.anonym()).toList();
    }

    private Rad anonymaRad(List<Deltagare> urval, String overordnad, Long namnare) {
      List<Deltagare> anonyma = urval.stream().filter(Deltagare::anonym).toList();
      return rad(
          "anonyma",
          "Anonyma",
          anonymaITotalen() ? overordnad : null,
          anonyma,
          anonymaITotalen() ? namnare : null);
    }

    // ------------------------------------------------------------------ deltagare

    private List<Rad> deltagareTabell(List<String> fotnoter, List<Kontroll> kontroller) {
      List<Deltagare> hela = iTotalen(aktiva);
      List<Deltagare> avslutade = hela.stream().filter(d -> d.avslutadMellan(fran, till)).toList();
      List<Deltagare> kvar = hela.stream().filter(d -> d.kvarVid(till)).toList();
      List<Rad> rader = new ArrayList<>();
      rader.add(rad("hela-perioden", "Deltagare under perioden", null, hela, null));
      rader.add(
          rad(
              "nya",
              "Nya under perioden",
              "hela-perioden",
              hela.stream()
                  .filter(d -> !d.startdatum().isBefore(fran) && !d.startdatum().isAfter(till))
                  .toList(),
              null));
      rader.add(rad("avslutade", "Avslutade under perioden", "hela-perioden", avslutade, null));
      rader.add(rad("kvar", "Kvar vid periodens slut", "hela-perioden", kvar, null));
      rader.add(
          rad(
              "med-handlingsplan",
              "Med gemensam plan",
              "hela-perioden",
              hela.stream().filter(Deltagare::handlingsplan).toList(),
              (long) hela.size()));
      rader.add(anonymaRad(aktiva, "hela-perioden", null));
      fotnoter.add(
          anonymaITotalen()
              ? "Anonyma deltagare (utan SUS-samtycke, med skyddad identitet eller importerade"
                  + " utan personnummer) ingår i alla rader; raden Anonyma visar hur många de är."
              : anonymaFotnot(""));
      fotnoter.add("Andelen med gemensam plan räknas av deltagarna under perioden.");
      kontroller.add(
          summa(
              "avslutade-och-kvar",
              "Avslutade och kvar är tillsammans alla deltagare under perioden",
              avslutade.size() + kvar.size(),
              hela.size()));
      return rader;
    }

    // ------------------------------------------------------------------ avslutade

    private List<Deltagare> avslutadeIPerioden() {
      return aktiva.stream().filter(d -> d.avslutadMellan(fran, till)).toList();
    }

    /** The one row of {@code avslutade} a closed participant with a known identity counts in. */
    private String avslutsrad(Deltagare d) {
      if (d.avslutsorsak() == null) {
        return "utan-avslutsorsak";
      }
      if (def.positivDelrad(d.avslutsorsak()) != null) {
        return "positiv-losning";
      }
      if (def.avbrottHalsoskal().contains(d.avslutsorsak())) {
        return "avbrott-halsoskal";
      }
      return "ovriga-avbrott";
    }

    private List<Rad> avslutadeTabell(List<String> fotnoter, List<Kontroll> kontroller) {
      List<Deltagare> avslutade = avslutadeIPerioden();
      List<Deltagare> iTotalen = iTotalen(avslutade);
      List<Deltagare> kanda = avslutade.stream().filter(d -> !d.anonym()).toList();
      long n = iTotalen.size();
      List<Deltagare> positiva =
          kanda.stream().filter(d -> avslutsrad(d).equals("positiv-losning")).toList();
      long delradNamnare =
          StatistikDefinition.AVSLUTADE.equals(def.delradAndelAv()) ? n : positiva.size();
      List<Rad> rader = new ArrayList<>();
      rader.add(rad("avslutade", "Avslutade under perioden", null, iTotalen, null));
      rader.add(rad("positiv-losning", "Positiv lösning", "avslutade", positiva, n));
      for (String delrad : StatistikDefinition.POSITIVA_DELRADER) {
        rader.add(
            rad(
                delrad,
                delradnamn(delrad),
                "positiv-losning",
                positiva.stream()
                    .filter(d -> delrad.equals(def.positivDelrad(d.avslutsorsak())))
                    .toList(),
                delradNamnare));
      }
      Map<String, String> ovriga = new LinkedHashMap<>();
      ovriga.put("avbrott-halsoskal", "Avbrott av hälsoskäl");
      ovriga.put("ovriga-avbrott", "Övriga avbrott");
      ovriga.put("utan-avslutsorsak", "Utan avslutsorsak");
      ovriga.forEach(
          (id, namn) ->
              rader.add(
                  rad(
                      id,
                      namn,
                      "avslutade",
                      kanda.stream().filter(d -> avslutsrad(d).equals(id)).toList(),
                      n)));
      Rad anonyma = anonymaRad(avslutade, "avslutade", n);
      rader.add(anonyma);
      fotnoter.add(anonymaFotnot("en avslutsorsak"));
      fotnoter.add(
          "Positiv lösning: "
              + def.positivLosning().entrySet().stream()
                  .map(e -> delradnamn(e.getKey()) + " = " + String.join(", ", e.getValue()))
                  .reduce((a, b) -> a + "; " + b)
                  .orElse("inga avslutsorsaker")
              + ". Avbrott av hälsoskäl: "
              + String.join(", ", def.avbrottHalsoskal())
              + ". Övriga avbrott: alla andra avslutsorsaker.");
      fotnoter.add(
          "Andelarna räknas av de avslutade; delraderna under positiv lösning räknas av "
              + (StatistikDefinition.AVSLUTADE.equals(def.delradAndelAv())
                  ? "de avslutade."
                  : "positiv lösning."));
      long iRader =
          rader.stream()
              .filter(r -> "avslutade".equals(r.overordnad()))
              .mapToLong(Rad::totalt)
              .sum();
      kontroller.add(
          summa(
              "en-avslutsrad",
              "Varje avslutad deltagare finns i exakt en avslutsrad",
              iRader,
              iTotalen.size()));
      return rader;
    }

    private static String delradnamn(String delrad) {
      return switch (delrad) {
        case "arbete" -> "Arbete";
        case "extratjanst" -> "Extratjänst";
        case "studier" -> "Studier";
        case "fortsatt-rehab-eller-arbetssok" -> "Fortsatt rehabilitering eller öppet arbetssök";
        case "saknar-arbetsformaga" -> "Klarlagt att arbetsförmåga saknas";
        default -> delrad;
      };
    }

    // ------------------------------------------------------------------ avslut-arbete-studier

    private List<Rad> arbeteStudier(List<String> fotnoter, List<Kontroll> kontroller) {
      List<Deltagare> avslutade = avslutadeIPerioden();
      long n = iTotalen(avslutade).size();
      List<Deltagare> kanda = avslutade.stream().filter(d -> !d.anonym()).toList();
      Map<String, String> arbetsorsaker = new LinkedHashMap<>();
      arbetsorsaker.put("arbete-subventionerat", "ARBETE_SUBVENTIONERAT");
      arbetsorsaker.put("arbete-ej-subventionerat", "ARBETE_EJ_SUBVENTIONERAT");
      arbetsorsaker.put("eget-foretag", "EGET_FORETAG");
      List<Deltagare> arbete =
          kanda.stream().filter(d -> arbetsorsaker.containsValue(d.avslutsorsak())).toList();
      List<Deltagare> studier =
          kanda.stream().filter(d -> "STUDIER".equals(d.avslutsorsak())).toList();
      List<Rad> rader = new ArrayList<>();
      rader.add(rad("arbete", "Arbete", null, arbete, n));
      rader.add(
          rad(
              "arbete-subventionerat",
              "Subventionerat arbete",
              "arbete",
              med(arbete, d -> d.avslutsorsak().equals("ARBETE_SUBVENTIONERAT")),
              n));
      rader.add(
          rad(
              "arbete-ej-subventionerat",
              "Ej subventionerat arbete",
              "arbete",
              med(arbete, d -> d.avslutsorsak().equals("ARBETE_EJ_SUBVENTIONERAT")),
              n));
      rader.add(
          rad(
              "eget-foretag",
              "Eget företag",
              "arbete",
              med(arbete, d -> d.avslutsorsak().equals("EGET_FORETAG")),
              n));
      for (int procent : OMFATTNINGAR) {
        rader.add(
            rad(
                "omfattning-" + procent,
                "Arbete " + procent + " %",
                "arbete",
                med(arbete, d -> Objects.equals(d.omfattning(), procent)),
                n));
      }
      List<Deltagare> okandOmfattning =
          med(arbete, d -> d.omfattning() == null || !OMFATTNINGAR.contains(d.omfattning()));
      rader.add(rad("omfattning-okand", "Arbete, omfattning okänd", "arbete", okandOmfattning, n));
      rader.add(rad("studier", "Studier", null, studier, n));
      List<Deltagare> arbeteEllerStudier = new ArrayList<>(arbete);
      arbeteEllerStudier.addAll(studier);
      rader.add(
          rad(
              "arbete-och-eller-studier",
              "Summa i arbete och/eller studier",
              null,
              arbeteEllerStudier,
              n));
      rader.add(
          rad(
              "aktivt-arbetssokande",
              "Aktivt arbetssökande",
              null,
              med(kanda, d -> "AKTIVT_ARBETSSOKANDE".equals(d.avslutsorsak())),
              n));
      rader.add(anonymaRad(avslutade, null, n));
      fotnoter.add(anonymaFotnot("avslutsorsak och sysselsättning"));
      fotnoter.add(
          "Andelarna räknas av alla avslutade under perioden. Omfattning (100 % = 40 timmar i"
              + " veckan) enligt sysselsättningen efter avslut.");
      long sub = rader.get(1).totalt() + rader.get(2).totalt() + rader.get(3).totalt();
      kontroller.add(
          summa(
              "arbete-delar",
              "Subventionerat, ej subventionerat arbete och eget företag är tillsammans arbete",
              sub,
              arbete.size()));
      long omfattning =
          rader.stream().filter(r -> r.id().startsWith("omfattning-")).mapToLong(Rad::totalt).sum();
      kontroller.add(
          summa(
              "arbete-omfattning",
              "Raderna per omfattning är tillsammans arbete",
              omfattning,
              arbete.size()));
      return rader;
    }

    // ------------------------------------------------------------------ aktualiseringar

    private List<Rad> aktualiseringar(List<String> fotnoter, List<Kontroll> kontroller) {
      List<Deltagare> aktualiserade =
          alla.stream()
              .filter(
                  d ->
                      d.aktualiseringsdatum() != null
                          && !d.aktualiseringsdatum().isBefore(fran)
                          && !d.aktualiseringsdatum().isAfter(till))
              .toList();
      List<Rad> rader = new ArrayList<>();
      long iParter = 0;
      List<String[]> parterna = new ArrayList<>();
      parter.alla().forEach(p -> parterna.add(new String[] {p.kod(), p.namn()}));
      parterna.add(new String[] {null, "Okänd part"});
      for (String[] part : parterna) {
        String id = part[0] == null ? "okand-part" : part[0];
        List<Deltagare> avParten =
            med(aktualiserade, d -> Objects.equals(d.aktualiserandePart(), part[0]));
        iParter += avParten.size();
        rader.addAll(partrader(id, part[1], avParten));
      }
      rader.addAll(partrader("totalt", "Alla parter", aktualiserade));
      fotnoter.add(
          "Aktualiseringar med aktualiseringsdatum under perioden, anonyma medräknade. På partens"
              + " rad är andelen andelen kvinnor; på raden JA i beredning andelen av partens"
              + " aktualiseringar som fick JA.");
      kontroller.add(
          summa(
              "parter-summa",
              "Parternas aktualiseringar är tillsammans alla aktualiseringar",
              iParter,
              aktualiserade.size()));
      return rader;
    }

    private List<Rad> partrader(String id, String namn, List<Deltagare> avParten) {
      Rad part = rad(id, namn, null, avParten, null);
      part =
          Rad.kon(
              id,
              namn,
              null,
              part.kvinnor(),
              part.man(),
              part.annat(),
              andel(part.kvinnor(), part.totalt()));
      Rad ja =
          rad(
              id + "-ja",
              "varav JA i beredning",
              id,
              med(
                  avParten,
                  d ->
                      "JA".equals(d.beslut())
                          && d.beslutsdatum() != null
                          && !d.beslutsdatum().isAfter(till)),
              (long) avParten.size());
      return List.of(part, ja);
    }

    // ------------------------------------------------------------------ fördelningar

    private List<Rad> alder(List<String> fotnoter, List<Kontroll> kontroller) {
      Map<String, String> band = new LinkedHashMap<>();
      band.put("under-15", "Under 15 år");
      for (int a = 15; a < 65; a += 5) {
        band.put(a + "-" + (a + 4), a + "–" + (a + 4) + " år");
      }
      band.put("65-", "65 år och äldre");
      band.put("okand", "Okänd ålder");
      fotnoter.add("Ålder är startårets årtal minus födelseåret.");
      return band(
          band,
          d -> {
            if (d.fodelsear() == null) {
              return "okand";
            }
            int alder = d.startdatum().getYear() - d.fodelsear();
            if (alder < 15) {
              return "under-15";
            }
            if (alder >= 65) {
              return "65-";
            }
            int fran = alder - alder % 5;
            return fran + "-" + (fran + 4);
          },
          fotnoter,
          kontroller);
    }

    private List<Rad> manader(List<String> fotnoter, List<Kontroll> kontroller) {
      Map<String, String> band = new LinkedHashMap<>();
      band.put("under-1", "Under en månad");
      for (int m = 1; m <= 21; m += 5) {
        band.put(m + "-" + (m + 4), m + "–" + (m + 4) + " månader");
      }
      band.put("26-", "26 månader eller mer");
      fotnoter.add(
          "Hela månader från start till avslut, eller till " + till + " för den som är kvar.");
      return band(
          band,
          d -> {
            long m = d.manaderIInsats(till);
            if (m < 1) {
              return "under-1";
            }
            if (m >= 26) {
              return "26-";
            }
            long fran = m - (m - 1) % 5;
            return fran + "-" + (fran + 4);
          },
          fotnoter,
          kontroller);
    }

    /** Bands every active participant falls in; anonymous ones too, as their year is known. */
    private List<Rad> band(
        Map<String, String> band,
        Function<Deltagare, String> bandAv,
        List<String> fotnoter,
        List<Kontroll> kontroller) {
      List<Deltagare> iTotalen = iTotalen(aktiva);
      Map<String, List<Deltagare>> per = new LinkedHashMap<>();
      band.keySet().forEach(b -> per.put(b, new ArrayList<>()));
      iTotalen.forEach(d -> per.get(bandAv.apply(d)).add(d));
      List<Rad> rader = new ArrayList<>();
      long n = iTotalen.size();
      rader.add(rad("totalt", "Deltagare under perioden", null, iTotalen, null));
      band.forEach((id, namn) -> rader.add(rad(id, namn, "totalt", per.get(id), n)));
      if (!anonymaITotalen()) {
        rader.add(anonymaRad(aktiva, null, null));
        fotnoter.add(anonymaFotnot(""));
      } else {
        fotnoter.add("Anonyma deltagare ingår; deras kön och födelseår är kända.");
      }
      fotnoter.add("Andelarna räknas av deltagarna under perioden.");
      kontroller.add(bandsumma(rader));
      return rader;
    }

    private List<Rad> kategorifordelning(
        Kategori kategori,
        Function<Deltagare, String> kodAv,
        List<String> fotnoter,
        List<Kontroll> kontroller) {
      List<Deltagare> iTotalen = iTotalen(aktiva);
      List<Deltagare> kanda = aktiva.stream().filter(d -> !d.anonym()).toList();
      long n = iTotalen.size();
      List<Rad> rader = new ArrayList<>();
      rader.add(rad("totalt", "Deltagare under perioden", null, iTotalen, null));
      for (KategoriRepository.Post post : kategorier.alla(kategori)) {
        rader.add(
            rad(
                post.kod(),
                post.namn(),
                "totalt",
                med(kanda, d -> post.kod().equals(kodAv.apply(d))),
                n));
      }
      rader.add(
          rad(
              "uppgift-saknas",
              "Uppgift saknas",
              "totalt",
              med(kanda, d -> kodAv.apply(d) == null),
              n));
      rader.add(anonymaRad(aktiva, "totalt", n));
      fotnoter.add(anonymaFotnot(kategori.namn().toLowerCase()));
      fotnoter.add("Andelarna räknas av deltagarna under perioden.");
      kontroller.add(bandsumma(rader));
      return rader;
    }

    private Kontroll bandsumma(List<Rad> rader) {
      long delar =
          rader.stream().filter(r -> "totalt".equals(r.overordnad())).mapToLong(Rad::totalt).sum();
      return summa(
          "fordelning-summa", "Raderna är tillsammans totalen", delar, rader.get(0).totalt());
    }

    // ------------------------------------------------------------------ ledtider

    private record Intervall(
        String id,
        String namn,
        Predicate<Deltagare> medraknas,
        Function<Deltagare, LocalDate> start,
        Function<Deltagare, LocalDate> slut) {}

    private List<Intervall> intervall() {
      return List.of(
          new Intervall(
              "aktualisering-beslut",
              "Aktualisering till beslut i beredningen",
              d -> d.aktualiseringsdatum() != null,
              Deltagare::aktualiseringsdatum,
              d ->
                  d.beslut() != null && SLUTLIGA_BESLUT.contains(d.beslut())
                      ? d.beslutsdatum()
                      : null),
          new Intervall(
              "beslut-forsta-mote",
              "Beslut till första flerpartsmöte",
              Deltagare::arDeltagare,
              Deltagare::startdatum,
              Deltagare::forstaMotesdatum),
          new Intervall(
              "mote-forsta-uppfoljning",
              "Första flerpartsmöte till första uppföljning",
              d -> d.forstaMotesdatum() != null,
              Deltagare::forstaMotesdatum,
              Deltagare::forstaUppfoljningsdatum),
          new Intervall(
              "tid-i-insats",
              "Total tid i insatsen",
              Deltagare::arDeltagare,
              Deltagare::startdatum,
              Deltagare::avslutsdatum));
    }

    private List<Rad> ledtider(List<String> fotnoter, List<Kontroll> kontroller) {
      List<Rad> rader = new ArrayList<>();
      for (Intervall i : intervall()) {
        rader.add(ledtid(i, i.id(), i.namn(), null, alla));
      }
      if (fraga.insats() == null) {
        Map<String, String> namn = new TreeMap<>(insatser.namn());
        for (Intervall i : intervall()) {
          namn.forEach(
              (kod, insatsnamn) ->
                  rader.add(
                      ledtid(
                          i,
                          i.id() + ":" + kod,
                          i.namn() + " – " + insatsnamn,
                          i.id(),
                          med(alla, d -> kod.equals(d.insats())))));
        }
      }
      fotnoter.add(
          "Dagar från start till slut för de intervall som slutade under perioden; de som"
              + " fortfarande väntade vid "
              + till
              + " räknas med sin väntetid hittills och anges under Väntande. Medianen och 80:e"
              + " percentilen (närmaste rang) räknas av alla. Anonyma deltagare ingår.");
      if (fraga.insats() == null) {
        fotnoter.add("Raderna med insatsens namn är samma intervall per insats.");
      }
      boolean ordnade =
          rader.stream()
              .allMatch(
                  r ->
                      r.vantande() <= r.antal()
                          && (r.medianDagar() == null
                              || (r.medianDagar().compareTo(r.p80Dagar()) <= 0
                                  && r.p80Dagar().compareTo(BigDecimal.valueOf(r.maxDagar()))
                                      <= 0)));
      kontroller.add(
          new Kontroll(
              "ledtider-ordning",
              "Väntande är högst antalet, och medianen är högst 80:e percentilen, som är högst det längsta",
              ordnade,
              ordnade ? null : "Ledtiderna hänger inte ihop",
              List.of()));
      return rader;
    }

    private Rad ledtid(
        Intervall i, String id, String namn, String overordnad, List<Deltagare> urval) {
      List<Long> dagar = new ArrayList<>();
      int vantande = 0;
      for (Deltagare d : urval) {
        if (!i.medraknas().test(d)) {
          continue;
        }
        LocalDate start = i.start().apply(d);
        LocalDate slut = i.slut().apply(d);
        if (slut != null && !slut.isBefore(fran) && !slut.isAfter(till)) {
          dagar.add(start.until(slut, java.time.temporal.ChronoUnit.DAYS));
        } else if (!start.isAfter(till)
            && (slut == null || slut.isAfter(till))
            && d.kvarVid(till)) {
          dagar.add(start.until(till, java.time.temporal.ChronoUnit.DAYS));
          vantande++;
        }
      }
      dagar.sort(Long::compare);
      int n = dagar.size();
      BigDecimal median = null;
      BigDecimal p80 = null;
      Integer max = null;
      if (n > 0) {
        median =
            n % 2 == 1
                ? BigDecimal.valueOf(dagar.get(n / 2)).setScale(1)
                : BigDecimal.valueOf(dagar.get(n / 2 - 1) + dagar.get(n / 2))
                    .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        p80 = BigDecimal.valueOf(dagar.get((int) Math.ceil(0.8 * n) - 1)).setScale(1);
        max = dagar.get(n - 1).intValue();
      }
      return new Rad(
          id, namn, overordnad, null, null, null, null, null, n, median, p80, max, vantande);
    }

    // ------------------------------------------------------------------ kontroller

    private List<Kontroll> aritmetik(List<Rad> rader) {
      List<Kontroll> k = new ArrayList<>();
      List<Rad> konsrader = rader.stream().filter(r -> r.totalt() != null).toList();
      if (konsrader.isEmpty()) {
        return k;
      }
      List<String> felSumma =
          konsrader.stream()
              .filter(r -> r.kvinnor() + r.man() + r.annat() != r.totalt())
              .map(Rad::id)
              .toList();
      k.add(
          kontroll(
              "summa-kon",
              "Kvinnor + män + annat/okänt = totalt på varje rad",
              felSumma,
              "Raderna summerar inte per kön: "));
      Map<String, Rad> perId = new HashMap<>();
      konsrader.forEach(r -> perId.put(r.id(), r));
      List<String> storre =
          konsrader.stream()
              .filter(r -> r.overordnad() != null && perId.containsKey(r.overordnad()))
              .filter(
                  r -> {
                    Rad o = perId.get(r.overordnad());
                    return r.totalt() > o.totalt()
                        || r.kvinnor() > o.kvinnor()
                        || r.man() > o.man()
                        || r.annat() > o.annat();
                  })
              .map(Rad::id)
              .toList();
      k.add(
          kontroll(
              "delrader",
              "Varje delrad är högst lika stor som sin överordnade rad",
              storre,
              "Delrader större än sin överordnade rad: "));
      List<String> andelar =
          konsrader.stream()
              .filter(
                  r ->
                      r.andel() != null
                          && (r.andel().signum() < 0
                              || r.andel().compareTo(BigDecimal.valueOf(100)) > 0))
              .map(Rad::id)
              .toList();
      k.add(
          kontroll(
              "andelar",
              "Alla andelar ligger mellan 0 och 100 %",
              andelar,
              "Andelar utanför 0–100 %: "));
      return k;
    }

    private List<Kontroll> datakontroller() {
      List<Deltagare> iPerioden =
          alla.stream()
              .filter(Deltagare::arDeltagare)
              .filter(
                  d ->
                      d.aktiv(fran, till)
                          || (!d.startdatum().isBefore(fran) && !d.startdatum().isAfter(till))
                          || d.avslutadMellan(fran, till))
              .toList();
      List<Kontroll> k = new ArrayList<>();
      k.add(
          data(
              "utan-avslutsorsak",
              "Avslutade under perioden har en avslutsorsak",
              med(iPerioden, d -> d.avslutadMellan(fran, till) && d.avslutsorsak() == null),
              " avslutade utan avslutsorsak"));
      Map<String, Period> maxTid = new HashMap<>();
      k.add(
          data(
              "over-max-tid",
              "Ingen deltagare är aktiv längre än insatsens längsta tid",
              med(
                  aktiva,
                  d -> {
                    Period max = maxTid.computeIfAbsent(d.insats(), this::maxTid);
                    return max != null && d.startdatum().plus(max).isBefore(d.slutVid(till));
                  }),
              " aktiva längre än insatsens längsta tid"));
      k.add(
          data(
              "avslut-fore-start",
              "Inget avslut ligger före starten",
              med(
                  iPerioden,
                  d -> d.avslutsdatum() != null && d.avslutsdatum().isBefore(d.startdatum())),
              " avslutade före sin start"));
      k.add(
          data(
              "kon-saknas",
              "Kön är känt för alla deltagare under perioden",
              med(aktiva, d -> !"KVINNA".equals(d.kon()) && !"MAN".equals(d.kon())),
              " deltagare utan känt kön (räknas som annat/okänt)"));
      return k;
    }

    private Period maxTid(String insats) {
      try {
        return insatser.hitta(insats).map(i -> Period.parse(i.maxTid())).orElse(null);
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    private Kontroll data(String id, String beskrivning, List<Deltagare> fel, String vad) {
      return new Kontroll(
          id,
          beskrivning,
          fel.isEmpty(),
          fel.isEmpty() ? null : fel.size() + vad,
          fel.stream().map(Deltagare::referens).toList());
    }
  }

  private static List<Deltagare> med(Collection<Deltagare> urval, Predicate<Deltagare> villkor) {
    return urval.stream().filter(villkor).toList();
  }

  private static Kontroll kontroll(
      String id, String beskrivning, List<String> felRader, String meddelande) {
    return new Kontroll(
        id,
        beskrivning,
        felRader.isEmpty(),
        felRader.isEmpty() ? null : meddelande + String.join(", ", felRader),
        List.of());
  }

  private static Kontroll summa(String id, String beskrivning, long delar, long helhet) {
    boolean ok = delar == helhet;
    return new Kontroll(
        id,
        beskrivning,
        ok,
        ok ? null : "Delarna är " + delar + " men helheten " + helhet,
        List.of());
  }
}
