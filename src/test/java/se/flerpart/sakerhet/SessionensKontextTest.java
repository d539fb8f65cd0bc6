package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.convert.ConversionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import se.flerpart.Sidklient;

/**
 * The login sessions in PostgreSQL are read through {@link SessionAvserialisering}, and a login
 * whose roles change is read anew at once, request after request: a context kept from the bytes
 * before the change is never handed out for the bytes after it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class SessionensKontextTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired SessionRepository<?> sessioner;

  @Autowired
  @Qualifier("springSessionConversionService")
  ConversionService konvertering;

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
