package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The signal that wakes the requests waiting for the task list to change. */
class UppgiftSignalTest {

  private static long om(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  /** A signal whose waits are not ended by a check for other instances' changes within the test. */
  private static UppgiftSignal utanKontroll() {
    return new UppgiftSignal(Duration.ofHours(1), 10);
  }

  /** The waits' own threads: a wait left waiting by a failed test must hold up nothing else. */
  private final ExecutorService tradar = Executors.newCachedThreadPool();

  @AfterEach
  void stangTradarna() {
    tradar.shutdownNow();
  }

  /** Waits on a thread of its own for {@code vantan}, with no check before an hour. */
  private CompletableFuture<Boolean> vantaPa(UppgiftSignal signal, UppgiftSignal.Vantan v) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return signal.vanta(v, om(Duration.ofHours(1)));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        },
        tradar);
  }

  @Test
  @DisplayName("En ändring väcker den som väntar, långt före nästa kontroll")
  void andringVacker() throws Exception {
    UppgiftSignal signal = utanKontroll();
    try (var v = signal.vantan(null)) {
      CompletableFuture<Boolean> vantar = vantaPa(signal, v);
      Thread.sleep(200);
      assertThat(vantar).isNotDone();
      signal.andrad(List.of("2026-0001"));
      assertThat(vantar.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  @DisplayName("En ändring efter frågan men före väntan går inte förlorad, och räknas en gång")
  void andringForeVantan() throws Exception {
    UppgiftSignal signal = utanKontroll();
    try (var v = signal.vantan("2026-0001")) {
      signal.andrad(List.of("2026-0001"));
      // Had the change been lost, this wait would last an hour, not end within the 30 s.
      assertThat(vantaPa(signal, v).get(30, TimeUnit.SECONDS)).isTrue();
      // The change was counted once: the next wait ends at its deadline with nothing to read.
      assertThat(signal.vanta(v, om(Duration.ofMillis(200)))).as("nästa väntan").isFalse();
    }
  }

  @Test
  @DisplayName(
      "En ändring av ett ärendes uppgifter väcker den som väntar på det ärendet eller på alla,"
          + " inte den som väntar på ett annat")
  void baraDetArendeSomAndrats() throws Exception {
    UppgiftSignal signal = utanKontroll();
    try (var ett = signal.vantan("2026-0001");
        var annat = signal.vantan("2026-0002");
        var alla = signal.vantan(null)) {
      CompletableFuture<Boolean> paEtt = vantaPa(signal, ett);
      CompletableFuture<Boolean> paAnnat = vantaPa(signal, annat);
      CompletableFuture<Boolean> paAlla = vantaPa(signal, alla);
      Thread.sleep(200);
      signal.andrad(List.of("2026-0001"));
      assertThat(paEtt.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(paAlla.get(30, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(300);
      assertThat(paAnnat).as("väntar på ett annat ärende").isNotDone();
      signal.andrad(Arrays.asList("2026-0003", null));
      Thread.sleep(300);
      assertThat(paAnnat).as("väntar på ett annat ärende").isNotDone();
      signal.andrad(List.of("2026-0002", "2026-0004"));
      assertThat(paAnnat.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  @DisplayName(
      "En annan instans notis väcker dem den gäller; instansens egen notis och en som inte ryms")
  void notiser() throws Exception {
    UppgiftSignal har = utanKontroll();
    UppgiftSignal annan = utanKontroll();
    try (var ett = har.vantan("2026-0001");
        var annat = har.vantan("2026-0002")) {
      CompletableFuture<Boolean> paEtt = vantaPa(har, ett);
      CompletableFuture<Boolean> paAnnat = vantaPa(har, annat);
      Thread.sleep(200);
      har.hord(har.notis(List.of("2026-0001", "2026-0002")));
      Thread.sleep(300);
      assertThat(paEtt).as("instansens egen notis: väckt redan vid incheckningen").isNotDone();
      har.hord(annan.notis(Arrays.asList("2026-0001", null)));
      assertThat(paEtt.get(30, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(300);
      assertThat(paAnnat).isNotDone();

      List<String> manga = new ArrayList<>();
      for (int i = 0; manga.size() * 10 <= UppgiftSignal.MAX_NOTIS; i++) {
        manga.add(String.format("2026-%05d", i));
      }
      // A notice written by hand (another version): repeated and empty lines are read as they
      // come, without failing the listener.
      har.hord("en-annan\n2026-0003\n2026-0003\n\n");
      Thread.sleep(300);
      assertThat(paAnnat).isNotDone();

      String forLang = annan.notis(manga);
      assertThat(forLang).as("bara instansens namn: alla").doesNotContain("\n");
      har.hord(forLang);
      assertThat(paAnnat.get(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  @DisplayName(
      "Utan ändring: tillbaka vid nästa kontroll; efter tidsgränsen och vid stängning över")
  void kontrollGransOchStangning() throws Exception {
    UppgiftSignal signal = new UppgiftSignal(Duration.ofMillis(50), 10);
    try (var v = signal.vantan(null)) {
      assertThat(signal.vanta(v, om(Duration.ofHours(1)))).as("nästa kontroll").isTrue();
      assertThat(signal.vanta(v, System.nanoTime() - 1)).as("tiden är ute").isFalse();
      assertThat(signal.vanta(v, om(Duration.ofMillis(20))))
          .as("tidsgränsen före nästa kontroll, utan ändring")
          .isFalse();
    }

    UppgiftSignal stangs = utanKontroll();
    try (var v = stangs.vantan("2026-0001")) {
      CompletableFuture<Boolean> vantar = vantaPa(stangs, v);
      Thread.sleep(200);
      stangs.stang();
      assertThat(vantar.get(30, TimeUnit.SECONDS)).isFalse();
      assertThat(stangs.taPlats()).as("ingen ny väntan när programmet stängs").isFalse();
    }
  }

  @Test
  @DisplayName("Högst max-samtidiga väntar samtidigt")
  void platser() {
    UppgiftSignal signal = new UppgiftSignal(Duration.ofSeconds(1), 2);
    assertThat(signal.taPlats()).isTrue();
    assertThat(signal.taPlats()).isTrue();
    assertThat(signal.taPlats()).isFalse();
    assertThat(signal.vantande()).isEqualTo(2);
    signal.lamnaPlats();
    assertThat(signal.vantande()).isEqualTo(1);
    assertThat(signal.taPlats()).isTrue();
  }
}
