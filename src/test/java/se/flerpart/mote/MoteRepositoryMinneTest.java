package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.UtfordaSatser;

/**
 * A transaction reads a meeting and its kallelser once however often it asks (mailing a kallelse
 * asked for them up to four times), and sees its own answers, replacements and moves at once.
 */
@SpringBootTest(properties = "flerpart.demo.arenden=false")
class MoteRepositoryMinneTest {

  @Autowired MoteRepository moten;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaktion;
  @Autowired MoteGallring gallring;

  private Mote nyttMote() {
    UUID arende = UUID.randomUUID();
    jdbc.sql(
            "insert into arende (id, arendenummer, insats_kod, kon, skal, aktualiserande_part,"
                + " aktualiserad_av, status, skapad) values (?, ?, 'flerpartssamverkan', 'K', '', 'AF',"
                + " 'anna', 'PAGAENDE', now())")
        .params(arende, "M-" + arende.toString().substring(0, 8))
        .update();
    Instant nu = Instant.now();
    Mote m =
        new Mote(
            UUID.randomUUID(),
            arende,
            1L,
            System.nanoTime(),
            "Syfte",
            nu.plusSeconds(86_400),
            "Rum 1",
            null,
            null,
            "david",
            "anna",
            0,
            MoteStatus.PLANERAT,
            null,
            List.of(),
            null,
            nu);
    moten.skapa(m);
    moten.skapa(
        new Kallelse(
            UUID.randomUUID(),
            m.id(),
            1,
            "Bengt Ek",
            "bengt@af.example",
            Roll.PROFESSIONELL,
            "AF",
            true,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            nu));
    return m;
  }

  @Test
  void enTransaktionLaserMotetOchKallelsernaEnGangOchSerSinaEgnaSkrivningar() {
    Mote m = nyttMote();
    List<String> satser =
        UtfordaSatser.under(
            () ->
                transaktion.executeWithoutResult(
                    s -> {
                      Kallelse k = moten.kallelser(m.id()).getFirst();
                      moten.kallelser(m.id());
                      moten.kallelse(k.id());
                      moten.kallelse(k.id());
                      assertThat(moten.hitta(m.id()).orElseThrow().plats()).isEqualTo("Rum 1");
                      moten.hitta(m.id());

                      moten.svara(k.id(), Svar.ACCEPTERAR, null, Instant.now());
                      assertThat(moten.kallelser(m.id()).getFirst().svar())
                          .isEqualTo(Svar.ACCEPTERAR);
                      assertThat(moten.kallelse(k.id()).orElseThrow().svar())
                          .isEqualTo(Svar.ACCEPTERAR);
                      moten.flytta(m.id(), m.motesTid().plusSeconds(3600), "Rum 2", null);
                      assertThat(moten.hitta(m.id()).orElseThrow().plats()).isEqualTo("Rum 2");
                      assertThat(moten.hittaForUppdatering(m.id()).orElseThrow().sekvens())
                          .isEqualTo(1);
                      moten.hitta(m.id());
                    }));
    assertThat(satser.stream().filter(x -> x.startsWith("select * from kallelse where mote_id")))
        .hasSize(2);
    assertThat(satser.stream().filter("select * from kallelse where id = ?"::equals)).hasSize(2);
    // Before the move, after it, and the lock, which stands for the reads after it.
    assertThat(satser.stream().filter(x -> x.startsWith("select * from mote where id = ?")))
        .hasSize(3);
  }

  /** The gallring of a case's meetings writes them too: a transaction that read them sees it. */
  @Test
  void gallringenAvMotenaSynsIDenTransaktionSomLastDem() {
    Mote m = nyttMote();
    transaktion.executeWithoutResult(
        s -> {
          assertThat(moten.kallelser(m.id()).getFirst().namn()).isEqualTo("Bengt Ek");
          assertThat(moten.hitta(m.id()).orElseThrow().plats()).isEqualTo("Rum 1");
          gallring.gallra(m.arendeId());
          assertThat(moten.kallelser(m.id()).getFirst().namn()).isEmpty();
          assertThat(moten.hitta(m.id()).orElseThrow().plats()).isNull();
          s.setRollbackOnly();
        });
  }

  @Test
  void kallelsernaKanInteAndrasAvDenSomLaserDem() {
    Mote m = nyttMote();
    transaktion.executeWithoutResult(
        s -> assertThat(moten.kallelser(m.id())).isUnmodifiable().hasSize(1));
  }
}
