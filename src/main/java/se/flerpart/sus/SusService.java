package se.flerpart.sus;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.PersonnummerSkydd;
import se.flerpart.avslut.Avslut;
import se.flerpart.avslut.AvslutRepository;
import se.flerpart.referens.AvslutsorsakRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/**
 * SUS in- and utregistrering. A registration carries personal data only when the person consented
 * to SUS and has no skyddad identitet; otherwise kön and year. A case closed as felregistrering
 * leaves the export altogether.
 */
@Service
public class SusService {

  public static final String DELTAGARANSVARIG = "DELTAGARANSVARIG";

  private final JdbcClient jdbc;
  private final ArendeService arenden;
  private final ArendeHistorik historik;
  private final AvslutsorsakRepository avslutsorsaker;
  private final PersonnummerSkydd skydd;
  private final ArendeAtkomst atkomst;
  private final AvslutRepository avslutet;
  private final Clock klocka;

  public SusService(
      JdbcClient jdbc,
      ArendeService arenden,
      ArendeHistorik historik,
      AvslutsorsakRepository avslutsorsaker,
      PersonnummerSkydd skydd,
      ArendeAtkomst atkomst,
      AvslutRepository avslutet,
      Clock klocka) {
    this.jdbc = jdbc;
    this.arenden = arenden;
    this.historik = historik;
    this.avslutsorsaker = avslutsorsaker;
    this.skydd = skydd;
    this.atkomst = atkomst;
    this.avslutet = avslutet;
    this.klocka = klocka;
  }

  @Transactional
  public void inregistrera(UUID arendeId, String nyckel) {
    registrera(arendeId, "INREGISTRERING", nyckel);
  }

  @Transactional
  public void utregistrera(UUID arendeId, String nyckel) {
    registrera(arendeId, "UTREGISTRERING", nyckel);
  }

  private void registrera(UUID arendeId, String typ, String nyckel) {
    Arende a = arenden.hamta(arendeId);
    boolean anonym =
        !Boolean.TRUE.equals(a.susSamtycke())
            || a.skyddadIdentitet()
            || a.personnummerKrypterat() == null;
    boolean ut = "UTREGISTRERING".equals(typ);
    AvslutsorsakRepository.Avslutsorsak orsak =
        ut && a.avslutsorsak() != null ? avslutsorsaker.hitta(a.avslutsorsak()).orElse(null) : null;
    Avslut avslut = ut && !anonym ? avslutet.hitta(arendeId, a.avslutsorsak()).orElse(null) : null;
    int rader =
        jdbc.sql(
                """
                insert into sus_registrering (idempotensnyckel, arende_id, arendenummer, typ, datum,
                  anonym, personnummer_krypterat, kon, fodelsear, insats_kod, aktualiserande_part,
                  avslutsorsak, sus_grupp, forsorjning, sysselsattning, sysselsattning_omfattning,
                  sysselsattning_subventionerad, skapad)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotensnyckel) do nothing
                """)
            .params(
                "sus:" + typ + ":" + nyckel,
                arendeId,
                a.arendenummer(),
                typ,
                Date.valueOf(LocalDate.now(klocka.withZone(ArendeService.SVERIGE))),
                anonym,
                anonym ? null : a.personnummerKrypterat(),
                a.kon(),
                a.fodelsear(),
                a.insats(),
                a.aktualiserandePart(),
                ut && !anonym ? a.avslutsorsak() : null,
                anonym || orsak == null ? null : orsak.susGrupp(),
                avslut == null ? new String[0] : avslut.forsorjningEfter().toArray(String[]::new),
                avslut == null ? null : avslut.sysselsattningEfter(),
                avslut == null ? null : avslut.omfattning(),
                avslut == null ? null : avslut.subventionerad(),
                Timestamp.from(klocka.instant()))
            .update();
    if (orsak != null && orsak.utanforStatistik()) {
      // A felregistrering takes every registration of the case out of the export.
      jdbc.sql("update sus_registrering set utanfor_statistik = true where arende_id = ?")
          .param(arendeId)
          .update();
    }
    if (rader == 1) {
      historik.logga(
          arendeId,
          "SUS",
          (ut ? "Utregistrerad" : "Inregistrerad")
              + " i SUS"
              + (anonym ? " anonymt (kön och år)" : " med personuppgifter"),
          null);
    }
  }

  /**
   * The registrations of a period in the order SUS asks for them. Personnummer only for a
   * deltagaransvarig.
   */
  public List<SusRegistrering> registreringar(LocalDate fran, LocalDate till, Anvandare vem) {
    boolean deltagaransvarig = vem.harRoll(DELTAGARANSVARIG);
    if (!deltagaransvarig
        && !vem.harRoll(Anvandare.PROCESSLEDARE)
        && !vem.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad(
          "Bara deltagaransvarig, processledare och administratör kan ta ut SUS-registreringar.");
    }
    if (fran != null && till != null && till.isBefore(fran)) {
      throw new ValideringsFel("till", "Slutdatum ligger före startdatum");
    }
    List<SusRegistrering> rader =
        jdbc.sql(
                """
            select s.* from sus_registrering s
            where s.datum between ? and ? and not s.utanfor_statistik
            order by s.datum, case s.typ when 'INREGISTRERING' then 0 else 1 end, s.arendenummer
            """)
            .params(
                Date.valueOf(fran == null ? LocalDate.of(2000, 1, 1) : fran),
                Date.valueOf(till == null ? LocalDate.of(2999, 12, 31) : till))
            .query((rs, n) -> rad(rs, deltagaransvarig))
            .list();
    // One audit row per person whose personnummer the export shows.
    rader.stream()
        .filter(r -> r.personnummer() != null)
        .map(SusRegistrering::arendeId)
        .distinct()
        .forEach(id -> atkomst.loggaLasning(vem.id(), id, ArendeAtkomst.LAS_SUS_EXPORT));
    return rader;
  }

  private SusRegistrering rad(ResultSet rs, boolean visaPersonnummer) throws SQLException {
    String krypterat = rs.getString("personnummer_krypterat");
    return new SusRegistrering(
        rs.getLong("id"),
        rs.getObject("arende_id", UUID.class),
        rs.getString("arendenummer"),
        rs.getString("typ"),
        rs.getDate("datum").toLocalDate(),
        rs.getBoolean("anonym"),
        visaPersonnummer && krypterat != null ? skydd.dekryptera(krypterat).formaterat() : null,
        rs.getString("kon"),
        (Integer) rs.getObject("fodelsear"),
        rs.getString("insats_kod"),
        rs.getString("aktualiserande_part"),
        rs.getString("avslutsorsak"),
        (Integer) rs.getObject("sus_grupp"),
        Arrays.asList((String[]) rs.getArray("forsorjning").getArray()),
        rs.getString("sysselsattning"),
        (Integer) rs.getObject("sysselsattning_omfattning"),
        (Boolean) rs.getObject("sysselsattning_subventionerad"));
  }
}
