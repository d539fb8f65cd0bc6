package se.flerpart.statistik;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.notifiering.Bilaga;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * The quarterly uppföljningsrapport (process {@code uppfoljningsrapport}): compiled for the quarter
 * just ended and the year so far, for the whole förbund and per insats, stored as a version;
 * reviewed, commented per table and approved by the processledare; then mailed as PDF and Excel to
 * each insats' styrgrupp. An approved version keeps the very files that were mailed, unchanged.
 */
@Service
public class Uppfoljningsrapporter {

  public static final String PROCESS = "uppfoljningsrapport";
  public static final String GODKAND = "GODKAND";
  public static final String SAMMANSTALL_IGEN = "SAMMANSTALL_IGEN";
  static final String UTKAST = "UTKAST";
  static final String ERSATT = "ERSATT";

  private static final Logger log = LoggerFactory.getLogger(Uppfoljningsrapporter.class);
  private static final TypeReference<List<Rapportdel>> DELAR = new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, String>> KOMMENTARER =
      new TypeReference<>() {};
  private static final DateTimeFormatter TID =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Rapporturval.SVERIGE);

  /** What {@code sammanstall-rapport} made: the version and the quarter it covers. */
  public record Sammanstallning(long rapportId, LocalDate fran, LocalDate till) {}

  /** A stored version without its contents, as the list shows it. */
  public record Version(
      long id,
      LocalDate fran,
      LocalDate till,
      Instant skapad,
      String status,
      String granskadAv,
      Instant granskadTid) {

    public String statusText() {
      return switch (status) {
        case GODKAND -> "Godkänd";
        case ERSATT -> "Ersatt av en ny sammanställning";
        default -> "Utkast, granskas";
      };
    }
  }

  /** A stored version with its report and comments. */
  public record Innehall(
      Version version, List<Rapportdel> delar, Map<String, String> kommentarer) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Statistikrapporter rapporter;
  private final InsatsRepository insatser;
  private final AnvandareRepository anvandare;
  private final RapportPdf pdf;
  private final RapportExcel excel;
  private final MailUtkorg utkorg;
  private final CamundaClient camunda;
  private final Clock klocka;
  private final String basUrl;

  Uppfoljningsrapporter(
      JdbcClient jdbc,
      ObjectMapper json,
      Statistikrapporter rapporter,
      InsatsRepository insatser,
      AnvandareRepository anvandare,
      RapportPdf pdf,
      RapportExcel excel,
      MailUtkorg utkorg,
      CamundaClient camunda,
      Clock klocka,
      @Value("${flerpart.bas-url}") String basUrl) {
    this.jdbc = jdbc;
    this.json = json;
    this.rapporter = rapporter;
    this.insatser = insatser;
    this.anvandare = anvandare;
    this.pdf = pdf;
    this.excel = excel;
    this.utkorg = utkorg;
    this.camunda = camunda;
    this.klocka = klocka;
    this.basUrl = basUrl;
  }

  /**
   * The processledare asks for the report now: an instance of {@code uppfoljningsrapport} for the
   * given period, or (both empty) for the quarter just ended.
   */
  public long begar(Anvandare vem, String fran, String till) {
    if (!vem.harRoll(Anvandare.PROCESSLEDARE)) {
      throw new AtkomstNekad("Bara processledaren kan begära uppföljningsrapporten.");
    }
    Map<String, Object> variabler = new HashMap<>();
    boolean utanFran = fran == null || fran.isBlank();
    boolean utanTill = till == null || till.isBlank();
    if (utanFran != utanTill) {
      throw new ValideringsFel(
          utanFran ? "fran" : "till",
          "Ange både från och med och till och med, eller ingetdera för det senaste kvartalet");
    }
    if (!utanFran) {
      LocalDate f = datum("fran", fran);
      LocalDate t = datum("till", till);
      if (t.isBefore(f)) {
        throw new ValideringsFel(
            "till", "Till och med får inte vara före från och med (" + f + ")");
      }
      if (t.getYear() != f.getYear()) {
        throw new ValideringsFel(
            "till", "Perioden ska ligga inom ett kalenderår, eftersom rapporten visar även året");
      }
      variabler.put("fran", f.toString());
      variabler.put("till", t.toString());
    }
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(variabler)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static LocalDate datum(String falt, String text) {
    LocalDate datum = Rapporturval.datum(text);
    if (datum == null) {
      throw new ValideringsFel(falt, Rapporturval.DATUMFEL);
    }
    return datum;
  }

  /** The quarter that ended last before {@code idag}. */
  static LocalDate[] senasteKvartal(LocalDate idag) {
    LocalDate kvartalsstart =
        idag.withDayOfMonth(1).withMonth(((idag.getMonthValue() - 1) / 3) * 3 + 1);
    LocalDate fran = kvartalsstart.minusMonths(3);
    return new LocalDate[] {fran, kvartalsstart.minusDays(1)};
  }

  /**
   * Job {@code sammanstall-rapport}: computes the report and stores it as a new draft.
   *
   * @param nyckel unique for this job (its key within the time its task was entered), so a repeated
   *     job stores nothing new
   * @param fran with {@code till} the period, or null for the quarter just ended
   */
  @Transactional
  public Sammanstallning sammanstall(
      String nyckel, long processInstans, LocalDate fran, LocalDate till) {
    var tidigare =
        jdbc.sql("select id, fran, till from uppfoljningsrapport where sammanstall_nyckel = ?")
            .param(nyckel)
            .query(
                (rs, i) ->
                    new Sammanstallning(
                        rs.getLong("id"),
                        rs.getObject("fran", LocalDate.class),
                        rs.getObject("till", LocalDate.class)))
            .optional();
    if (tidigare.isPresent()) {
      return tidigare.get();
    }
    if (fran == null || till == null) {
      LocalDate[] kvartal = senasteKvartal(LocalDate.now(klocka.withZone(Rapporturval.SVERIGE)));
      fran = kvartal[0];
      till = kvartal[1];
    }
    List<Rapportdel> delar = delar(fran, till);
    jdbc.sql(
            "update uppfoljningsrapport set status = 'ERSATT' where process_instans = ?"
                + " and status = 'UTKAST'")
        .param(processInstans)
        .update();
    long id =
        jdbc.sql(
                """
                insert into uppfoljningsrapport (sammanstall_nyckel, process_instans, fran, till,
                  skapad, status, rapport)
                values (?, ?, ?, ?, ?, 'UTKAST', ?::jsonb) returning id
                """)
            .params(
                nyckel, processInstans, fran, till, Timestamp.from(klocka.instant()), skriv(delar))
            .query(Long.class)
            .single();
    log.info("Uppföljningsrapport {} sammanställd för {} – {}", id, fran, till);
    return new Sammanstallning(id, fran, till);
  }

  /** The period and the year so far up to its end, each for the whole förbund and per insats. */
  List<Rapportdel> delar(LocalDate fran, LocalDate till) {
    List<Rapportdel> delar = new ArrayList<>();
    LocalDate aretsBorjan = till.withDayOfYear(1);
    boolean sammaPeriod = aretsBorjan.equals(fran);
    delar.addAll(perInsats(sammaPeriod ? "perioden och året hittills" : "perioden", fran, till));
    if (!sammaPeriod) {
      delar.addAll(perInsats("året hittills", aretsBorjan, till));
    }
    return delar;
  }

  private List<Rapportdel> perInsats(String vad, LocalDate fran, LocalDate till) {
    List<Rapportdel> delar = new ArrayList<>();
    delar.add(
        new Rapportdel(
            "Hela förbundet, " + vad,
            fran,
            till,
            null,
            null,
            rapporter.alla(new Rapportfraga(fran, till, null))));
    for (InsatsRepository.Insats i : insatser.aktiva()) {
      delar.add(
          new Rapportdel(
              i.namn() + ", " + vad,
              fran,
              till,
              i.kod(),
              i.namn(),
              rapporter.alla(new Rapportfraga(fran, till, i.kod()))));
    }
    return delar;
  }

  /** The id of the version a task reviews; an unknown one is a 404. */
  public Version version(long id) {
    return jdbc.sql(
            "select id, fran, till, skapad, status, granskad_av, granskad_tid"
                + " from uppfoljningsrapport where id = ?")
        .param(id)
        .query(Uppfoljningsrapporter::version)
        .optional()
        .orElseThrow(() -> new EjFunnen("Uppföljningsrapporten " + id + " finns inte."));
  }

  /** Every version, newest period first. */
  public List<Version> lista() {
    return jdbc.sql(
            "select id, fran, till, skapad, status, granskad_av, granskad_tid"
                + " from uppfoljningsrapport order by till desc, id desc")
        .query(Uppfoljningsrapporter::version)
        .list();
  }

  public Innehall innehall(long id) {
    Version v = version(id);
    return jdbc.sql("select rapport::text, kommentarer::text from uppfoljningsrapport where id = ?")
        .param(id)
        .query(
            (rs, i) ->
                new Innehall(v, las(rs.getString(1), DELAR), las(rs.getString(2), KOMMENTARER)))
        .single();
  }

  /**
   * The processledare's review: the comments are kept with the version either way; approved, the
   * version gets its final PDF and Excel file and never changes again.
   */
  @Transactional
  public void granska(long id, Map<String, String> kommentarer, String granskning, Anvandare vem) {
    Version v = version(id);
    if (!UTKAST.equals(v.status())) {
      throw new Konflikt("Uppföljningsrapporten " + id + " är redan granskad.");
    }
    Map<String, String> rena = new LinkedHashMap<>();
    kommentarer.forEach(
        (k, text) -> {
          if (text != null && !text.isBlank()) {
            rena.put(k, text.strip());
          }
        });
    Instant nu = klocka.instant();
    if (GODKAND.equals(granskning)) {
      Innehall innehall = innehall(id);
      Version godkand = new Version(v.id(), v.fran(), v.till(), v.skapad(), GODKAND, vem.id(), nu);
      String titel = titel(godkand);
      String status = status(godkand);
      jdbc.sql(
              """
              update uppfoljningsrapport set status = 'GODKAND', kommentarer = ?::jsonb,
                granskad_av = ?, granskad_tid = ?, pdf = ?, xlsx = ?
              where id = ? and status = 'UTKAST'
              """)
          .params(
              skriv(rena),
              vem.id(),
              Timestamp.from(nu),
              pdf.rendera(titel, innehall.delar(), rena, status),
              excel.skapa(titel, innehall.delar(), rena, status),
              id)
          .update();
    } else {
      jdbc.sql(
              "update uppfoljningsrapport set kommentarer = ?::jsonb, granskad_av = ?,"
                  + " granskad_tid = ? where id = ? and status = 'UTKAST'")
          .params(skriv(rena), vem.id(), Timestamp.from(nu), id)
          .update();
    }
  }

  /** The version as a PDF: the approved one exactly as mailed, a draft as it stands now. */
  public byte[] pdf(long id) {
    return fil(id, "pdf");
  }

  public byte[] xlsx(long id) {
    return fil(id, "xlsx");
  }

  private byte[] fil(long id, String kolumn) {
    Version v = version(id);
    if (GODKAND.equals(v.status())) {
      return jdbc.sql("select " + kolumn + " from uppfoljningsrapport where id = ?")
          .param(id)
          .query(byte[].class)
          .single();
    }
    Innehall i = innehall(id);
    return "pdf".equals(kolumn)
        ? pdf.rendera(titel(v), i.delar(), i.kommentarer(), status(v))
        : excel.skapa(titel(v), i.delar(), i.kommentarer(), status(v));
  }

  static String titel(Version v) {
    return "Uppföljningsrapport " + v.fran() + " – " + v.till();
  }

  String status(Version v) {
    if (GODKAND.equals(v.status())) {
      return "Godkänd av "
          + anvandare.hitta(v.granskadAv()).map(Anvandare::namn).orElse(v.granskadAv())
          + " "
          + TID.format(v.granskadTid())
          + ".";
    }
    return ERSATT.equals(v.status())
        ? "Ersatt av en ny sammanställning; inte godkänd."
        : "Utkast: ännu inte granskat och godkänt av processledaren.";
  }

  static String filnamn(Version v, String andelse) {
    return Rapporturval.filnamn(v.fran(), v.till(), null, andelse);
  }

  /**
   * Job {@code skicka-rapport}: the approved version's PDF and Excel file to the styrgrupp of each
   * insats that has one; when no insats has, to the processledare instead, so it is not lost.
   *
   * <p>Each mail is keyed by the version and the insats (a version is approved and sent once), not
   * by the job: a job delivered again, or one of an engine that gave out its keys again, mails
   * nothing twice.
   */
  @Transactional
  public int skicka(long id) {
    Version v = version(id);
    if (!GODKAND.equals(v.status())) {
      throw new Konflikt("Uppföljningsrapporten " + id + " är inte godkänd och skickas inte.");
    }
    List<Bilaga> bilagor =
        List.of(
            new Bilaga(filnamn(v, "pdf"), RapportPdf.MEDIATYP, fil(id, "pdf")),
            new Bilaga(filnamn(v, "xlsx"), RapportExcel.MEDIATYP, fil(id, "xlsx")));
    int skickade = 0;
    boolean harStyrgrupp = false;
    for (InsatsRepository.Installningar i : insatser.allaInstallningar()) {
      if (!i.aktiv() || i.styrgruppEpost().isEmpty()) {
        continue;
      }
      harStyrgrupp = true;
      Map<String, Object> modell = modell(v, i.namn());
      if (utkorg.koa(
          "uppfoljningsrapport:" + id + ":" + i.kod(),
          i.styrgruppEpost(),
          "uppfoljningsrapport",
          modell,
          bilagor)) {
        skickade++;
      }
    }
    if (!harStyrgrupp) {
      // Not lost: the processledare get it and are told why the styrgrupp did not.
      log.warn(
          "Uppföljningsrapport {} har ingen styrgrupp att skickas till: ange styrgruppens"
              + " e-post på insatserna",
          id);
      List<String> processledare =
          anvandare.medRoll(Anvandare.PROCESSLEDARE).stream().map(Anvandare::epost).toList();
      Map<String, Object> modell = modell(v, "förbundet");
      modell.put("utanStyrgrupp", true);
      if (!processledare.isEmpty()
          && utkorg.koa(
              "uppfoljningsrapport:" + id + ":processledare",
              processledare,
              "uppfoljningsrapport",
              modell,
              bilagor)) {
        skickade++;
      }
    }
    return skickade;
  }

  private Map<String, Object> modell(Version v, String mottagare) {
    Map<String, Object> modell = new HashMap<>();
    modell.put("fran", v.fran().toString());
    modell.put("till", v.till().toString());
    modell.put("insats", mottagare);
    modell.put("status", status(v));
    modell.put("lank", basUrl + "/statistik");
    modell.put("utanStyrgrupp", false);
    return modell;
  }

  private static Version version(ResultSet rs, int i) throws SQLException {
    Timestamp granskad = rs.getTimestamp("granskad_tid");
    return new Version(
        rs.getLong("id"),
        rs.getObject("fran", LocalDate.class),
        rs.getObject("till", LocalDate.class),
        rs.getTimestamp("skapad").toInstant(),
        rs.getString("status"),
        rs.getString("granskad_av"),
        granskad == null ? null : granskad.toInstant());
  }

  private String skriv(Object varde) {
    try {
      return json.writeValueAsString(varde);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T las(String text, TypeReference<T> typ) {
    try {
      return json.readValue(text, typ);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Uppföljningsrapporten går inte att läsa", e);
    }
  }
}
