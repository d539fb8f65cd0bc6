package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.convert.ConversionService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionOperations;
import se.flerpart.Sidklient;
import se.flerpart.UtfordaSatser;

/**
 * A login session's last access is written when it is worth a write, not at every request: the
 * session's row stays as it is while the user works, is written once its last access is older than
 * the resolution, and every real change (login, logout) is still written at once. The sessions'
 * attributes are read through {@link SessionAvserialisering}, and a login whose roles change is
 * read anew at once, request after request: a context kept from the bytes before the change is
 * never handed out for the bytes after it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SessionAtkomstTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SessionRepository<?> sessioner;

  @Autowired
  @Qualifier("springSessionConversionService")
  ConversionService konvertering;

  record Rad(String id, long senast, long utgar, int maxInaktiv) {}

  private List<Rad> rader(long skapadEfter) {
    return jdbc.sql(
            "select primary_id, last_access_time, expiry_time, max_inactive_interval"
                + " from spring_session where principal_name = 'cecilia' and creation_time >= ?")
        .param(skapadEfter)
        .query((rs, i) -> new Rad(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
        .list();
  }

  @Test
  void sessionensRadSkrivsInteVidVarjeForfraganMenNarDenSenasteAtkomstenArGammal() {
    assertThat(sessioner).isInstanceOf(SessionAtkomst.Repository.class);
    long fore = Instant.now().toEpochMilli();
    Sidklient cecilia = Sidklient.inloggad(port, "cecilia");
    List<Rad> efterInloggning = rader(fore);
    assertThat(efterInloggning).hasSize(1);
    Rad rad = efterInloggning.getFirst();

    for (int i = 0; i < 5; i++) {
      assertThat(cecilia.get("/uppgifter").status()).isEqualTo(200);
      assertThat(cecilia.get("/api/uppgifter").status()).isEqualTo(200);
    }
    assertThat(rader(fore)).containsExactly(rad);

    // As if the last write was two minutes ago: the next request writes the last access again.
    jdbc.sql(
            "update spring_session set last_access_time = last_access_time - 120000,"
                + " expiry_time = expiry_time - 120000 where primary_id = ?")
        .param(rad.id())
        .update();
    long foreForfragan = Instant.now().toEpochMilli();
    assertThat(cecilia.get("/uppgifter").status()).isEqualTo(200);
    Rad skriven = rader(fore).getFirst();
    assertThat(skriven.senast()).isGreaterThanOrEqualTo(foreForfragan);
    assertThat(skriven.utgar()).isEqualTo(skriven.senast() + skriven.maxInaktiv() * 1000L);

    // A logout is a change: the session is gone at once, and its cookie no longer logs in.
    assertThat(cecilia.post("/logout", Map.of()).status()).isEqualTo(302);
    assertThat(rader(fore)).isEmpty();
    assertThat(cecilia.get("/api/uppgifter").status()).isEqualTo(401);
  }

  /**
   * Each request reads its session from the database once: Spring Session stores it when the
   * response is committed and again when its filter ends, and without the request's scope it looked
   * the session up a second time there. A page, a list from the API and a post each.
   */
  @Test
  void varjeForfraganLaserSinSessionEnGang() {
    Sidklient cecilia = Sidklient.inloggad(port, "cecilia");
    assertThat(
            sessionslasningar(() -> assertThat(cecilia.get("/uppgifter").status()).isEqualTo(200)))
        .isEqualTo(1);
    assertThat(
            sessionslasningar(
                () -> assertThat(cecilia.get("/api/uppgifter").status()).isEqualTo(200)))
        .isEqualTo(1);
    assertThat(
            sessionslasningar(
                () ->
                    assertThat(cecilia.post("/uppgifter/0/kommentar", Map.of("text", "x")).status())
                        .isLessThan(500)))
        .isEqualTo(1);
  }

  /**
   * What one request stored is not handed to the next: a session removed from the database between
   * two requests (another instance's logout, or its expiry) no longer logs in.
   */
  @Test
  void enSessionBorttagenIDatabasenMellanTvaForfragningarLoggarInteIn() {
    long fore = Instant.now().toEpochMilli();
    Sidklient cecilia = Sidklient.inloggad(port, "cecilia");
    assertThat(cecilia.get("/api/uppgifter").status()).isEqualTo(200);
    assertThat(cecilia.get("/api/uppgifter").status()).isEqualTo(200);
    jdbc.sql("delete from spring_session where primary_id = ?")
        .param(rader(fore).getFirst().id())
        .update();
    assertThat(cecilia.get("/api/uppgifter").status()).isEqualTo(401);
  }

  /** How many times the session was read from PostgreSQL while vad ran. */
  private static long sessionslasningar(Runnable vad) {
    return UtfordaSatser.antal("WHERE S.SESSION_ID = ?", vad);
  }

  @Test
  void senasteAtkomstenAndrasNarUpplosningenEllerEnTiondelAvTidsgransenHarGatt() {
    andrasForstEfter(Duration.ofHours(8), Duration.ofMinutes(1));
    // With a five-minute timeout a tenth of it (30 s) is the resolution, not the minute.
    andrasForstEfter(Duration.ofMinutes(5), Duration.ofSeconds(30));
  }

  /** A session with the timeout {@code tidsgrans} passes on a last access {@code efter} later. */
  private static void andrasForstEfter(Duration tidsgrans, Duration efter) {
    Instant start = Instant.parse("2026-12-02T08:00:00Z");
    MapSession session = new MapSession();
    session.setMaxInactiveInterval(tidsgrans);
    session.setLastAccessedTime(start);
    var gles = new SessionAtkomst.Repository.GlesSession<>(session, Duration.ofMinutes(1));
    gles.setLastAccessedTime(start.plus(efter).minusSeconds(1));
    assertThat(session.getLastAccessedTime()).isEqualTo(start);
    gles.setLastAccessedTime(start.plus(efter));
    assertThat(session.getLastAccessedTime()).isEqualTo(start.plus(efter));
  }

  @Test
  void nollSekunderLamnarSpringSessionsRepositoryOrort() {
    var jdbcRepository =
        new JdbcIndexedSessionRepository(
            new JdbcTemplate(), TransactionOperations.withoutTransaction());
    assertThat(
            new SessionAtkomst(Duration.ZERO).postProcessAfterInitialization(jdbcRepository, "x"))
        .isSameAs(jdbcRepository);
    assertThat(
            new SessionAtkomst(Duration.ofMinutes(1))
                .postProcessAfterInitialization(jdbcRepository, "x"))
        .isInstanceOf(SessionAtkomst.Repository.class);
  }

  @Test
  void springSessionLaserAttributenMedFlerpartsKonvertering() {
    Object jdbcRepository = ReflectionTestUtils.getField(sessioner, "jdbc");
    assertThat(ReflectionTestUtils.getField(jdbcRepository, "conversionService"))
        .isSameAs(konvertering);
  }

  @Test
  void enAndradRollGallerVidVarjeForfraganEfterAndringen() {
    Sidklient petra = Sidklient.inloggad(port, "petra");
    assertThat(petra.get("/oversikt").status()).isEqualTo(200);
    assertThat(petra.get("/oversikt").status()).isEqualTo(200);
    try {
      jdbc.sql("delete from anvandare_roll where anvandare_id = 'petra' and roll = 'PROCESSLEDARE'")
          .update();
      for (int i = 0; i < 3; i++) {
        assertThat(petra.get("/oversikt").status())
            .as("förfrågan %d utan rollen", i)
            .isEqualTo(403);
      }
    } finally {
      jdbc.sql("insert into anvandare_roll (anvandare_id, roll) values ('petra', 'PROCESSLEDARE')")
          .update();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(petra.get("/oversikt").status()).as("förfrågan %d med rollen", i).isEqualTo(200);
    }
  }
}
