package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * A task stored as completed whose completion the engine never got, as after restoring the engine
 * from a backup older than the database: when its job comes back after {@code
 * flerpart.uppgift.jobb-tidsgrans}, the stored answer is sent again and the case goes on. The
 * context has a short time of its own (ten minutes), so that a clock move brings the job back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flerpart.demo.arenden=false",
      "flerpart.test.kontext=uppgiftsaterkomst",
      "flerpart.uppgift.jobb-tidsgrans=PT10M"
    })
@DirtiesContext
class UppgiftAterkomstTest {

  @LocalServerPort int port;
  @Autowired UppgiftService service;
  @Autowired UppgiftRepository uppgifter;
  @Autowired AnvandareRepository anvandare;
  @Autowired TransactionTemplate transaktion;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry registry;

  @Test
  void enSlutfordUppgiftVarsJobbKommerTillbakaSkickasIgenOchArendetGarVidare() {
    ApiKlient api = new ApiKlient(port);
    String id =
        api.aktualisera(
            "anna",
            ArendeSteg.aktualisering(
                "Lång sjukskrivning, behöver stöd från flera parter", List.of("FK", "AF")));
    long samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke").path("id").asLong();

    // The form is submitted and stored as completed, but the engine never hears of it: the
    // database is newer than the restored engine.
    transaktion.executeWithoutResult(
        s -> {
          service.slutfor(
              samtycke,
              ArendeSteg.samtyckeJa(List.of("FK", "AF"), false),
              anvandare.hitta("anna").orElseThrow());
          uppgifter.markeraSlutford(samtycke);
        });
    assertThat(uppgifter.hitta(samtycke).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT5M")).status())
        .isEqualTo(200);
    assertThat(api.hittaUppgift("bengt", "grupp", id, "bered-arende")).isEmpty();

    // Past the job's time: the engine hands it out again, and the stored answer goes to it.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT6M")).status())
        .isEqualTo(200);
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    assertThat(beredning.path("namn").asText()).isNotBlank();
    assertThat(uppgifter.hitta(samtycke).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);
    assertThat(registry.get("flerpart.uppgifter.skickade.igen").counter().count()).isEqualTo(1.0);
    assertThat(
            jdbc.sql("select count(*) from uppgift where arende_id = ?::uuid and element_id = ?")
                .params(id, "inhamta-samtycke")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * An engine that lost its state, or was restored from an older backup, gives out its keys again:
   * a new job with an old completed task's key is another task, and the old one's answer is not
   * sent to it. The same job (same element instance, process instance and element) is.
   */
  @Test
  void ettNyttJobbMedEnGammalUppgiftsNyckelFarInteDessSvar() {
    long id = 9_100_000_000L + System.nanoTime() % 1_000_000;
    Uppgift gammal = Testuppgift.oppen(id, "inhamta-samtycke", "Inhämta samtycke", "anna");
    assertThat(uppgifter.skapaOmNy(gammal)).isTrue();
    uppgifter.markeraInskickad(id, Map.of("samtycke", "JA"), "anna");
    uppgifter.markeraSlutford(id);

    Uppgift annatJobb =
        new Uppgift(
            id,
            id + 1,
            id + 2,
            gammal.processId(),
            gammal.elementId(),
            gammal.namn(),
            null,
            gammal.formularId(),
            null,
            List.of(),
            null,
            Map.of(),
            UppgiftStatus.OPPEN,
            gammal.skapad(),
            null,
            null,
            null);
    assertThat(uppgifter.skickaIgenOmSlutford(annatJobb)).isFalse();
    assertThat(uppgifter.hitta(id).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);

    // In one transaction, which holds the row: it is not a real job, and the retry is not to send
    // it.
    transaktion.executeWithoutResult(
        t -> {
          assertThat(uppgifter.skickaIgenOmSlutford(gammal)).isTrue();
          assertThat(uppgifter.hitta(id).orElseThrow().status()).isEqualTo(UppgiftStatus.INSKICKAD);
          uppgifter.markeraSlutford(id);
        });
  }

  /** A time no longer than the worker's own minute would hand the job out while it is stored. */
  @Test
  void enJobbTidsgransSomInteArLangreAnAktiveringenStopparStarten() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new UppgiftMottagare(
                    uppgifter, null, null, null, null, registry, UppgiftMottagare.AKTIVERING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flerpart.uppgift.jobb-tidsgrans");
  }
}
