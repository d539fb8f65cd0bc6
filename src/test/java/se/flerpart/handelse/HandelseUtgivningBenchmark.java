package se.flerpart.handelse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.arende.ArendeHandelse;
import se.flerpart.bench.Benchresultat;

/**
 * How many case events a second Flerpart gets out to Kafka, from the commit that publishes them
 * until every publication is completed (its record acknowledged and its registry row deleted), with
 * a round trip to the broker of 0, 2 and 5 ms: the broker is reached through a relay on this
 * machine that holds every chunk of bytes for half the round trip each way, as a replicated cluster
 * in another rack or zone does. Prints the events a second and the records a request. A
 * measurement, not a test that passes or fails on time; run with the other benchmarks ({@code
 * ./mvnw -B -Pbench verify -DskipNpm=true -Dit.test=HandelseUtgivningBenchmark}).
 */
@EnabledIfSystemProperty(named = "flerpart.benchmark", matches = "true")
@SpringBootTest(properties = "flerpart.demo.arenden=false")
class HandelseUtgivningBenchmark {

  private static final int ARENDEN = 50;
  private static final int PER_TRANSAKTION = 20;

  static final Rela RELA = new Rela();
  static EmbeddedKafkaKraftBroker broker;

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry egenskaper) {
    int brokerport = KafkaProv.ledigPort();
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerListProperty(null);
    broker.brokerProperty(
        "listeners", "EXTERNAL://localhost:" + brokerport + ",CONTROLLER://localhost:0");
    // Clients are told to reach the broker through the relay, so every request passes it.
    broker.brokerProperty("advertised.listeners", "EXTERNAL://localhost:" + RELA.port());
    broker.afterPropertiesSet();
    RELA.starta(brokerport);
    egenskaper.add("spring.kafka.bootstrap-servers", () -> "localhost:" + RELA.port());
  }

  @AfterAll
  static void stang() {
    RELA.stang();
    if (broker != null) {
      broker.destroy();
    }
  }

  /** A case event of the benchmark's own: only the Kafka publication listens to every one. */
  record BenchHandelse(UUID arendeId, String arendenummer, Instant tidpunkt, int sekvens)
      implements ArendeHandelse {
    @Override
    public String typ() {
      return "bench.handelse";
    }
  }

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaktion;
  @Autowired ApplicationEventPublisher handelser;
  @Autowired KafkaTemplate<String, byte[]> mall;

  @Test
  void handelserUtPerSekund() {
    int antal = Benchresultat.heltal("bench.handelser", 2000);
    List<Integer> turOchReturMs = Benchresultat.heltal("bench.turOchReturMs", List.of(0, 2, 5));
    Map<String, Object> resultat = new LinkedHashMap<>();
    // Warm-up: twice the whole run, so the JIT has compiled the way out before any is measured.
    skicka(antal);
    skicka(antal);
    for (int rtt : turOchReturMs) {
      RELA.turOchRetur(Duration.ofMillis(rtt));
      skicka(Math.max(100, antal / 10));
      double poster = KafkaProv.producentensRaknare(mall, "record-send-total");
      double forfragningar = KafkaProv.producentensRaknare(mall, "request-total");
      double sekunder = skicka(antal);
      double perForfragan =
          (KafkaProv.producentensRaknare(mall, "record-send-total") - poster)
              / (KafkaProv.producentensRaknare(mall, "request-total") - forfragningar);
      double perSekund = antal / sekunder;
      System.out.printf(
          "BENCH händelser ut, %d ms tur och retur till Kafka: %d händelser på %.2f s, %.0f"
              + " händelser/s, %.1f poster per förfrågan%n",
          rtt, antal, sekunder, perSekund, perForfragan);
      Map<String, Object> punkt = new LinkedHashMap<>();
      punkt.put("handelser", antal);
      punkt.put("sekunder", Math.round(sekunder * 100) / 100.0);
      punkt.put("handelserPerSekund", Math.round(perSekund));
      punkt.put("posterPerForfragan", Math.round(perForfragan * 10) / 10.0);
      resultat.put("turOchRetur" + rtt + "ms", punkt);
    }
    Benchresultat.skriv("handelserUt", resultat);
  }

  /**
   * Publishes {@code antal} events of {@link #ARENDEN} cases in transactions of {@link
   * #PER_TRANSAKTION}, one after the other, and waits until every publication is completed; the
   * seconds from the first commit.
   */
  private double skicka(int antal) {
    String korning = "BENCH-" + UUID.randomUUID();
    List<UUID> arenden = new ArrayList<>();
    for (int i = 0; i < ARENDEN; i++) {
      arenden.add(UUID.randomUUID());
    }
    long[] forstaCommit = {0};
    Instant tid = Instant.parse("2026-03-02T09:00:00Z");
    for (int borjan = 0; borjan < antal; borjan += PER_TRANSAKTION) {
      int fran = borjan;
      transaktion.executeWithoutResult(
          s -> {
            if (fran == 0) {
              TransactionSynchronizationManager.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean lasning) {
                      forstaCommit[0] = System.nanoTime();
                    }
                  });
            }
            for (int i = fran; i < Math.min(antal, fran + PER_TRANSAKTION); i++) {
              handelser.publishEvent(
                  new BenchHandelse(
                      arenden.get(i % ARENDEN), korning, tid.plusMillis(i), i / ARENDEN));
            }
          });
    }
    long grans = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (KafkaProv.publiceringar(jdbc, korning) > 0) {
      assertThat(System.nanoTime())
          .as("alla publiceringar fullbordade inom 5 min")
          .isLessThan(grans);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    return (System.nanoTime() - forstaCommit[0]) / 1e9;
  }

  /**
   * A TCP relay on localhost that holds each chunk of bytes for half the round trip before passing
   * it on, in each direction, without limiting how many chunks are under way.
   */
  static final class Rela {

    private final ServerSocket server;
    private volatile long halvaNanos;
    private volatile boolean stangd;

    Rela() {
      try {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int port() {
      return server.getLocalPort();
    }

    void turOchRetur(Duration tid) {
      halvaNanos = tid.toNanos() / 2;
    }

    void starta(int malport) {
      Thread.ofPlatform()
          .daemon()
          .name("rela")
          .start(
              () -> {
                while (!stangd) {
                  try {
                    Socket klient = server.accept();
                    Socket mal = new Socket(InetAddress.getLoopbackAddress(), malport);
                    klient.setTcpNoDelay(true);
                    mal.setTcpNoDelay(true);
                    vidare(klient, mal);
                    vidare(mal, klient);
                  } catch (IOException e) {
                    if (!stangd) {
                      System.err.println("Reläet: " + e);
                    }
                  }
                }
              });
    }

    /** Reads from {@code fran}, and writes each chunk to {@code till} once it has waited. */
    private void vidare(Socket fran, Socket till) {
      record Bit(long skrivTidigast, byte[] data) {}
      BlockingQueue<Bit> ko = new LinkedBlockingQueue<>();
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                byte[] buffert = new byte[64 * 1024];
                try (InputStream in = fran.getInputStream()) {
                  int n;
                  while ((n = in.read(buffert)) > 0) {
                    ko.add(new Bit(System.nanoTime() + halvaNanos, Arrays.copyOf(buffert, n)));
                  }
                } catch (IOException e) {
                  // the connection closed
                }
                ko.add(new Bit(0, new byte[0]));
              });
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                try (OutputStream ut = till.getOutputStream()) {
                  while (true) {
                    Bit bit = ko.take();
                    if (bit.data().length == 0) {
                      break;
                    }
                    long vanta = bit.skrivTidigast() - System.nanoTime();
                    if (vanta > 0) {
                      LockSupport.parkNanos(vanta);
                    }
                    ut.write(bit.data());
                    ut.flush();
                  }
                } catch (IOException | InterruptedException e) {
                  // the connection closed
                }
                try {
                  fran.close();
                  till.close();
                } catch (IOException e) {
                  // already closed
                }
              });
    }

    void stang() {
      stangd = true;
      try {
        server.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
