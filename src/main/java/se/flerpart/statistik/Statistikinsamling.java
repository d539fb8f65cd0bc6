package se.flerpart.statistik;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import se.flerpart.arende.ArendeAktualiserat;
import se.flerpart.arende.ArendeAvbrutet;
import se.flerpart.arende.ArendeAvslutat;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.SamtyckeAterkallat;
import se.flerpart.arende.SamtyckeLamnat;
import se.flerpart.arende.SamtyckeNekat;
import se.flerpart.arende.Statistikunderlag;
import se.flerpart.avslut.Avslut;
import se.flerpart.avslut.AvslutRepository;
import se.flerpart.beredning.BeredningBeslutad;
import se.flerpart.mote.MoteGenomfort;
import se.flerpart.mote.PlanFaststalld;
import se.flerpart.uppfoljning.UppfoljningGenomford;

/**
 * Keeps {@code statistik_deltagare} up to date from the case's events: one row per referral. Each
 * handler runs in the transaction that publishes the event, just before it commits: the statistics
 * change together with the case or not at all, and the event needs no publication of its own in the
 * registry, nor a transaction and a thread of its own (only Flerpart's own tables are written).
 * Every handler first makes sure the row exists with what the case itself says (kön, födelseår,
 * insats, anonymity — never a personnummer or a name), and then sets only its own facts in a way a
 * repetition or a late event cannot change: first dates keep the earliest, the beredning's decision
 * the latest.
 */
@Component
class Statistikinsamling {

  private final JdbcClient jdbc;
  private final ArendeService arenden;
  private final AvslutRepository avslut;

  Statistikinsamling(JdbcClient jdbc, ArendeService arenden, AvslutRepository avslut) {
    this.jdbc = jdbc;
    this.arenden = arenden;
    this.avslut = avslut;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void aktualiserat(ArendeAktualiserat h) {
    grund(h.arendeId());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void samtyckeLamnat(SamtyckeLamnat h) {
    grund(h.arendeId());
  }

  /** Only kön and year stay of a referral without consent; it ends on the day. */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void samtyckeNekat(SamtyckeNekat h) {
    if (grund(h.arendeId())) {
      jdbc.sql(
              """
              update statistik_deltagare set utbildningsniva = null, tid_i_forsorjning = null,
                forsorjning_start = '{}', avslutsdatum = coalesce(avslutsdatum, ?)
              where arende_id = ?
              """)
          .params(datum(h.tidpunkt()), h.arendeId())
          .update();
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void beredningBeslutad(BeredningBeslutad h) {
    if (!grund(h.arendeId())) {
      return;
    }
    jdbc.sql(
            """
            update statistik_deltagare set beslut = ?, beslut_tid = ?, beslutsdatum = ?
            where arende_id = ? and (beslut_tid is null or beslut_tid <= ?)
            """)
        .params(
            h.beslut(),
            Timestamp.from(h.tidpunkt()),
            datum(h.tidpunkt()),
            h.arendeId(),
            Timestamp.from(h.tidpunkt()))
        .update();
    if ("JA".equals(h.beslut())) {
      // Ja in beredning is when the person becomes a participant (SUS inregistrering).
      tidigaste("startdatum", h.arendeId(), h.tidpunkt());
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void moteGenomfort(MoteGenomfort h) {
    if (grund(h.arendeId())) {
      tidigaste("forsta_motesdatum", h.arendeId(), h.tidpunkt());
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void planFaststalld(PlanFaststalld h) {
    if (grund(h.arendeId())) {
      jdbc.sql("update statistik_deltagare set handlingsplan = true where arende_id = ?")
          .param(h.arendeId())
          .update();
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void uppfoljningGenomford(UppfoljningGenomford h) {
    if (grund(h.arendeId())) {
      tidigaste("forsta_uppfoljningsdatum", h.arendeId(), h.tidpunkt());
    }
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void avslutat(ArendeAvslutat h) {
    avslut(h.arendeId(), dag(h.tidpunkt()), h.avslutsorsak());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void avbrutet(ArendeAvbrutet h) {
    avslut(h.arendeId(), dag(h.tidpunkt()), h.avslutsorsak());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void samtyckeAterkallat(SamtyckeAterkallat h) {
    avslut(h.arendeId(), h.datum(), "SAMTYCKE_ATERKALLAT");
  }

  private void avslut(UUID arendeId, LocalDate dag, String orsak) {
    if (!grund(arendeId)) {
      return;
    }
    Avslut a = orsak == null ? null : avslut.hitta(arendeId, orsak).orElse(null);
    jdbc.sql(
            """
            update statistik_deltagare set avslutsdatum = ?, avslutsorsak = ?,
              sysselsattning_efter = ?, omfattning = ?, subventionerad = ?, forsorjning_efter = ?
            where arende_id = ?
            """)
        .params(
            Date.valueOf(dag),
            orsak,
            a == null ? null : a.sysselsattningEfter(),
            a == null ? null : a.omfattning(),
            a == null ? null : a.subventionerad(),
            a == null ? new String[0] : a.forsorjningEfter().toArray(String[]::new),
            arendeId)
        .update();
  }

  private void tidigaste(String kolumn, UUID arendeId, Instant tid) {
    jdbc.sql(
            "update statistik_deltagare set "
                + kolumn
                + " = least(coalesce("
                + kolumn
                + ", ?), ?) where arende_id = ?")
        .params(datum(tid), datum(tid), arendeId)
        .update();
  }

  /**
   * Creates or refreshes the row with what the case says now; false for a case that no longer
   * exists.
   */
  private boolean grund(UUID arendeId) {
    Statistikunderlag u = arenden.statistikunderlag(arendeId).orElse(null);
    if (u == null) {
      return false;
    }
    jdbc.sql(
            """
            insert into statistik_deltagare (arende_id, arendenummer, anonym, kon, fodelsear,
              insats_kod, aktualiserande_part, aktualiseringsdatum, utbildningsniva,
              tid_i_forsorjning, forsorjning_start)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (arende_id) do update set arendenummer = excluded.arendenummer,
              anonym = excluded.anonym, kon = excluded.kon, fodelsear = excluded.fodelsear,
              insats_kod = excluded.insats_kod,
              aktualiserande_part = excluded.aktualiserande_part,
              aktualiseringsdatum = excluded.aktualiseringsdatum,
              utbildningsniva = excluded.utbildningsniva,
              tid_i_forsorjning = excluded.tid_i_forsorjning,
              forsorjning_start = excluded.forsorjning_start
            """)
        .params(
            u.arendeId(),
            u.arendenummer(),
            u.anonym(),
            u.kon(),
            u.fodelsear(),
            u.insats(),
            u.aktualiserandePart(),
            datum(u.skapad()),
            u.utbildningsniva(),
            u.tidIOffentligForsorjning(),
            u.forsorjningStart().toArray(String[]::new))
        .update();
    return true;
  }

  private static Date datum(Instant tid) {
    return Date.valueOf(dag(tid));
  }

  private static LocalDate dag(Instant tid) {
    return tid.atZone(ArendeService.SVERIGE).toLocalDate();
  }
}
