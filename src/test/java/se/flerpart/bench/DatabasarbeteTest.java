package se.flerpart.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The benchmark's count of PostgreSQL's work: read from its statistics, divided per case. */
class DatabasarbeteTest {

  @Test
  void skillnadenPerArendeUtanRaknareSomStodStillDatabasensForst() {
    var fore =
        new Databasarbete.Ogonblick(
            Map.of("databas.xact_commit", 100L, "uppgift.idx_scan", 10L, "part.seq_scan", 4L));
    var efter =
        new Databasarbete.Ogonblick(
            Map.of(
                "databas.xact_commit", 130L,
                "uppgift.idx_scan", 70L,
                "part.seq_scan", 4L,
                "ny.n_tup_ins", 1L));

    Map<String, Double> r = Databasarbete.perArende(fore, efter, 3);

    assertThat(r)
        .containsExactly(
            Map.entry("databas.xact_commit", 10.0),
            Map.entry("uppgift.idx_scan", 20.0),
            Map.entry("ny.n_tup_ins", 0.3));
  }

  @Test
  void ogonblicketLaserDatabasensOchTabellernasRaknare() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      JdbcClient jdbc = JdbcClient.create(pg.getPostgresDatabase());
      jdbc.sql("create table prov (id int primary key)").update();
      var fore = Databasarbete.ogonblick(jdbc);
      // A backend of its own that ends: it sends its counts to the statistics when it exits.
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        for (int i = 0; i < 10; i++) {
          s.executeUpdate("insert into prov values (" + i + ")");
        }
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                Map<String, Double> r =
                    Databasarbete.perArende(fore, Databasarbete.ogonblick(jdbc), 5);
                assertThat(r).containsEntry("prov.n_tup_ins", 2.0);
                // Missing (not yet flushed) is a failed assertion, so the wait goes on.
                assertThat(r)
                    .hasEntrySatisfying(
                        "databas.xact_commit", v -> assertThat(v).isGreaterThanOrEqualTo(2.0));
                assertThat(List.copyOf(r.keySet()).getFirst()).startsWith("databas.");
              });
    }
  }
}
