package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.arende.ArendeSteg;

/**
 * A client that retries a create with the same Idempotency-Key gets the first result back and
 * creates nothing more: for cases ({@code POST /api/arenden}) and deviations ({@code POST
 * /api/avvikelser}), also when the two requests arrive at the same time.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class IdempotensApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  private static Map<String, Object> aktualisering(String skal) {
    return ArendeSteg.aktualisering(skal, List.of("FK", "AF"));
  }

  private Svar skapa(String sokvag, Object kropp, String nyckel) {
    return api.anrop(
        "anna",
        "POST",
        sokvag,
        kropp,
        nyckel == null ? Map.of() : Map.of(Idempotens.RUBRIK, nyckel));
  }

  private long arenden(String skal) {
    return jdbc.sql("select count(*) from arende where skal = ?")
        .param(skal)
        .query(Long.class)
        .single();
  }

  private long avvikelser(String beskrivning) {
    return jdbc.sql("select count(*) from avvikelse where beskrivning = ?")
        .param(beskrivning)
        .query(Long.class)
        .single();
  }

  @Test
  void sammaNyckelGerSammaArendeEnGang() {
    String skal = "Idempotens " + UUID.randomUUID();
    String nyckel = UUID.randomUUID().toString();

    Svar forsta = skapa("/api/arenden", aktualisering(skal), nyckel);
    assertThat(forsta.status()).isEqualTo(201);
    Svar andra = skapa("/api/arenden", aktualisering(skal), nyckel);
    assertThat(andra.status()).isEqualTo(200);
    assertThat(andra.kropp().path("id").asText()).isEqualTo(forsta.kropp().path("id").asText());
    assertThat(andra.kropp().path("arendenummer").asText())
        .isEqualTo(forsta.kropp().path("arendenummer").asText());
    assertThat(andra.rubriker().getLocation()).isEqualTo(forsta.rubriker().getLocation());
    assertThat(arenden(skal)).isEqualTo(1);

    // Without a key every request creates.
    assertThat(skapa("/api/arenden", aktualisering(skal), null).status()).isEqualTo(201);
    assertThat(arenden(skal)).isEqualTo(2);
    // The key is not kept in clear.
    assertThat(
            jdbc.sql("select count(*) from idempotens where nyckel = ?")
                .param(nyckel)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void sammaNyckelForEnAnnanBegaranAvvisasOchAndrarInget() {
    String skal = "Idempotens annan " + UUID.randomUUID();
    String nyckel = UUID.randomUUID().toString();
    assertThat(skapa("/api/arenden", aktualisering(skal), nyckel).status()).isEqualTo(201);

    Svar annan = skapa("/api/arenden", aktualisering(skal + " – ändrad"), nyckel);
    assertThat(annan.status()).isEqualTo(422);
    assertThat(annan.kropp().toString()).contains("Idempotency-Key har redan använts");
    assertThat(arenden(skal + " – ändrad")).isZero();
    assertThat(arenden(skal)).isEqualTo(1);
  }

  @Test
  void enFelaktigBegaranBinderInteNyckeln() {
    String skal = "Idempotens fel " + UUID.randomUUID();
    String nyckel = UUID.randomUUID().toString();
    Map<String, Object> utanInsats = new HashMap<>(aktualisering(skal));
    utanInsats.remove("insats");

    Svar fel = skapa("/api/arenden", utanInsats, nyckel);
    assertThat(fel.status()).isEqualTo(400);
    assertThat(fel.kropp().path("fel").path("insats").asText()).isEqualTo("Välj insats");

    // The corrected request under the same key creates the case.
    assertThat(skapa("/api/arenden", aktualisering(skal), nyckel).status()).isEqualTo(201);
    assertThat(arenden(skal)).isEqualTo(1);
  }

  @Test
  void enOgiltigNyckelAvvisas() {
    String skal = "Idempotens ogiltig " + UUID.randomUUID();
    for (String nyckel : List.of("med mellanslag", "x".repeat(201), "å")) {
      Svar svar = skapa("/api/arenden", aktualisering(skal), nyckel);
      assertThat(svar.status()).as(nyckel).isEqualTo(400);
      assertThat(svar.kropp().path("fel").path(Idempotens.RUBRIK).asText())
          .contains("1–200 synliga tecken");
    }
    assertThat(arenden(skal)).isZero();
  }

  @Test
  void samtidigaForsokMedSammaNyckelSkaparEnAvvikelse() throws Exception {
    String beskrivning = "Kallelsen kom sent (idempotens " + UUID.randomUUID() + ").";
    Map<String, Object> avvikelse =
        Map.of("typ", "ANNAT", "beskrivning", beskrivning, "berordPart", "AF");
    String nyckel = UUID.randomUUID().toString();

    List<Callable<Svar>> forsok = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      forsok.add(() -> skapa("/api/avvikelser", avvikelse, nyckel));
    }
    var pool = Executors.newFixedThreadPool(4);
    List<Svar> svar = new ArrayList<>();
    try {
      for (Future<Svar> f : pool.invokeAll(forsok)) {
        svar.add(f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(svar).extracting(Svar::status).containsOnly(200, 201);
    assertThat(svar).filteredOn(s -> s.status() == 201).hasSize(1);
    assertThat(svar)
        .extracting(s -> s.kropp().path("id").asText())
        .containsOnly(svar.get(0).kropp().path("id").asText());
    assertThat(avvikelser(beskrivning)).isEqualTo(1);
  }
}
