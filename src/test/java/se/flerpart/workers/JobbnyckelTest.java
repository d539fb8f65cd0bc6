package se.flerpart.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeSteg;

/**
 * An engine that lost its state, or was restored from a backup older than the database, gives out
 * its job keys again. A job of another case that gets an earlier job's key does its own work (the
 * återkoppling mail, the automatic avvikelse, the SUS registration); the same job delivered again
 * does nothing new.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class JobbnyckelTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SkickaAterkopplingWorker aterkoppling;
  @Autowired RegistreraAvvikelseWorker avvikelse;
  @Autowired SusInregistreringWorker sus;
  @Autowired SkickaAvvikelserapportWorker avvikelserapport;
  @Autowired SammanstallRapportWorker sammanstall;

  @Test
  @DisplayName(
      "Ett jobb med en nyckel som ett annat ärendes jobb redan hade gör sitt eget arbete, och samma"
          + " jobb igen gör inget nytt")
  void enNyckelSomEttAnnatArendesJobbHadeGorSittEgetArbete() {
    ApiKlient api = new ApiKlient(port);
    UUID forsta = arende(api, "Första ärendet före motorns omstart");
    UUID andra = arende(api, "Andra ärendet efter motorns omstart");
    long jobKey = 2_251_799_000_000_000L + System.nanoTime() % 1_000_000;

    for (UUID arende : List.of(forsta, andra, forsta, andra)) {
      aterkoppling.skicka(arende, Map.of("tillfalle", "samtycke"), String.valueOf(jobKey));
      avvikelse.registrera(arende.toString(), null, null, Map.of("typ", "PART_UTEBLEV"), jobKey);
      sus.inregistrera(arende, String.valueOf(jobKey));
    }
    // Another job of the first case: its own avvikelse.
    avvikelse.registrera(forsta.toString(), null, null, Map.of("typ", "PART_UTEBLEV"), jobKey + 1);

    for (UUID arende : List.of(forsta, andra)) {
      assertThat(antal("mail_utkorg", arende, jobKey))
          .as("återkopplingens mail för %s", arende)
          .isEqualTo(1);
      assertThat(antal("sus_registrering", arende, jobKey))
          .as("SUS-registreringen för %s", arende)
          .isEqualTo(1);
      assertThat(antal("avvikelse", arende, jobKey)).as("avvikelsen för %s", arende).isEqualTo(1);
    }
    assertThat(antal("avvikelse", forsta, jobKey + 1)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Rapportjobben, som inte hör till något ärende, gör sitt arbete när nyckeln kommer igen vid"
          + " en annan tidpunkt, och samma jobb igen gör inget nytt")
  void rapportjobbenNyckladeInomTidpunkten() {
    long jobKey = 2_251_799_100_000_000L + System.nanoTime() % 1_000_000;
    String fore = "2026-11-01T06:00:00.000Z";
    String efter = "2026-12-01T06:00:00.000Z";
    long[] rapporter = new long[4];
    int i = 0;
    for (String aktiverad : List.of(fore, efter, fore, efter)) {
      avvikelserapport.skicka(jobKey, aktiverad);
      rapporter[i] =
          (long)
              sammanstall.sammanstall(jobKey, jobKey + i, aktiverad, null, null).get("rapportId");
      i++;
    }
    assertThat(
            jdbc.sql("select count(*) from mail_utkorg where idempotensnyckel like ?")
                .param("avvikelserapport:%:" + jobKey)
                .query(Integer.class)
                .single())
        .as("avvikelserapportens mail")
        .isEqualTo(2);
    assertThat(
            jdbc.sql("select count(*) from uppfoljningsrapport where sammanstall_nyckel like ?")
                .param("%:" + jobKey)
                .query(Integer.class)
                .single())
        .as("sammanställda uppföljningsrapporter")
        .isEqualTo(2);
    assertThat(rapporter[1]).isNotEqualTo(rapporter[0]);
    assertThat(rapporter[2]).isEqualTo(rapporter[0]);
    assertThat(rapporter[3]).isEqualTo(rapporter[1]);
  }

  /** The rows of {@code tabell} about the case whose idempotency key ends with the job's key. */
  private int antal(String tabell, UUID arende, long jobKey) {
    return jdbc.sql(
            "select count(*) from " + tabell + " where arende_id = ? and idempotensnyckel like ?")
        .params(arende, "%:" + jobKey)
        .query(Integer.class)
        .single();
  }

  private UUID arende(ApiKlient api, String skal) {
    return UUID.fromString(
        api.aktualisera("anna", ArendeSteg.aktualisering(skal, List.of("FK", "AF"))));
  }
}
