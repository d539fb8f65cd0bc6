package se.flerpart.uppfoljning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.mote.Plan;
import se.flerpart.mote.PlanRepository;
import se.flerpart.referens.InsatsRepository;

/**
 * Follow-up of the gemensam plan: when it falls due, and what each follow-up recorded (action
 * status, progression, decision).
 */
@Service
public class UppfoljningService {

  /** One follow-up as the case page shows it. */
  public record Uppfoljning(
      Instant tid,
      String utfordAv,
      List<Map<String, Object>> atgardStatus,
      int progression,
      String beslut,
      LocalDate nyttDatum,
      String anteckning) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ArendeService arenden;
  private final ArendeHistorik historik;
  private final InsatsRepository insatser;
  private final PlanRepository planer;
  private final Clock klocka;
  private final ApplicationEventPublisher handelser;
  private final NastaUppfoljning nasta;

  public UppfoljningService(
      JdbcClient jdbc,
      ObjectMapper json,
      ArendeService arenden,
      ArendeHistorik historik,
      InsatsRepository insatser,
      PlanRepository planer,
      Clock klocka,
      ApplicationEventPublisher handelser,
      NastaUppfoljning nasta) {
    this.jdbc = jdbc;
    this.json = json;
    this.arenden = arenden;
    this.historik = historik;
    this.insatser = insatser;
    this.planer = planer;
    this.klocka = klocka;
    this.handelser = handelser;
    this.nasta = nasta;
  }

  /** When the case's plan is next followed up, while it waits for that. */
  public Optional<LocalDate> nastaUppfoljning(UUID arendeId) {
    return nasta.hitta(arendeId);
  }

  /**
   * The variables the {@code uppfoljning} process starts from: the latest plan's follow-up date, or
   * the insats' default short check when the plan names none, and the insats' reminder and grace
   * period.
   */
  public Map<String, Object> planera(UUID arendeId) {
    Arende a = arenden.hamta(arendeId);
    InsatsRepository.Uppfoljningstider tider = insatser.uppfoljningstider(a.insats());
    LocalDate idag = LocalDate.ofInstant(klocka.instant(), ArendeService.SVERIGE);
    LocalDate datum =
        senastePlan(arendeId)
            .map(Plan::uppfoljningsdatum)
            .filter(d -> d != null)
            .orElse(idag.plus(Period.parse(tider.kort())));
    Map<String, Object> variabler = new HashMap<>();
    nasta.satt(arendeId, datum);
    variabler.put("uppfoljningsdatum", datum.toString());
    variabler.put("uppfoljningPaminnelse", tider.paminnelse());
    variabler.put("uppfoljningFrist", tider.frist());
    return variabler;
  }

  public Optional<Plan> senastePlan(UUID arendeId) {
    return planer.forArende(arendeId).stream().findFirst();
  }

  @Transactional
  public void registrera(
      UUID arendeId,
      long uppgiftId,
      String vem,
      List<Map<String, Object>> atgardStatus,
      int progression,
      String beslut,
      LocalDate nyttDatum,
      String anteckning) {
    String statusJson;
    try {
      statusJson = json.writeValueAsString(atgardStatus);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Instant nu = klocka.instant();
    int rader =
        jdbc.sql(
                """
            insert into uppfoljning (arende_id, uppgift_id, tid, utford_av, atgard_status, progression,
              beslut, nytt_datum, anteckning)
            values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (uppgift_id) do nothing
            """)
            .params(
                arendeId,
                uppgiftId,
                Timestamp.from(nu),
                vem,
                statusJson,
                progression,
                beslut,
                nyttDatum == null ? null : Date.valueOf(nyttDatum),
                anteckning)
            .update();
    if (rader == 1) {
      if ("FORTSATT".equals(beslut) && nyttDatum != null) {
        nasta.satt(arendeId, nyttDatum);
      } else {
        nasta.taBort(arendeId);
      }
      handelser.publishEvent(
          new UppfoljningGenomford(
              arendeId,
              arenden.hamta(arendeId).arendenummer(),
              nu,
              progression,
              beslut,
              nyttDatum));
    }
    long genomforda =
        atgardStatus.stream().filter(s -> "GENOMFORD".equals(s.get("status"))).count();
    historik.logga(
        arendeId,
        "UPPFOLJNING",
        "Planen uppföljd: %d av %d åtgärder genomförda, stegförflyttning %d. Beslut: %s"
            .formatted(
                genomforda,
                atgardStatus.size(),
                progression,
                switch (beslut) {
                  case "FORTSATT" -> "fortsätt, ny uppföljning " + nyttDatum;
                  case "NYTT_MOTE" -> "nytt flerpartsmöte";
                  default -> "avsluta ärendet";
                }),
        vem);
  }

  @SuppressWarnings("unchecked")
  public List<Uppfoljning> forArende(UUID arendeId) {
    return jdbc.sql("select * from uppfoljning where arende_id = ? order by tid")
        .param(arendeId)
        .query(
            (rs, n) -> {
              try {
                Date nytt = rs.getDate("nytt_datum");
                return new Uppfoljning(
                    rs.getTimestamp("tid").toInstant(),
                    rs.getString("utford_av"),
                    json.readValue(rs.getString("atgard_status"), List.class),
                    rs.getInt("progression"),
                    rs.getString("beslut"),
                    nytt == null ? null : nytt.toLocalDate(),
                    rs.getString("anteckning"));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            })
        .list();
  }
}
