package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The signal that wakes the requests waiting for the task list to change. */
class UppgiftSignalTest {

  private static long om(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  @Test
  @DisplayName("En ändring väcker den som väntar, långt före nästa kontroll")
  void andringVacker() throws Exception {
    UppgiftSignal signal = new UppgiftSignal(Duration.ofHours(1), 10);
    long sedan = signal.generation();
    CompletableFuture<Boolean> vantar =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return signal.vanta(sedan, om(Duration.ofHours(1)));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertThat(vantar).isNotDone();
    signal.andrad();
    assertThat(vantar.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(signal.generation()).isEqualTo(sedan + 1);
  }

  @Test
  @DisplayName("En ändring efter frågan men före väntan går inte förlorad")
  void andringForeVantan() throws Exception {
    UppgiftSignal signal = new UppgiftSignal(Duration.ofHours(1), 10);
    long sedan = signal.generation();
    signal.andrad();
    assertThat(signal.vanta(sedan, om(Duration.ofHours(1)))).isTrue();
  }

  @Test
  @DisplayName(
      "Utan ändring: tillbaka vid nästa kontroll; efter tidsgränsen och vid stängning över")
  void kontrollGransOchStangning() throws Exception {
    UppgiftSignal signal = new UppgiftSignal(Duration.ofMillis(50), 10);
    long sedan = signal.generation();
    assertThat(signal.vanta(sedan, om(Duration.ofHours(1)))).as("nästa kontroll").isTrue();
    assertThat(signal.vanta(sedan, System.nanoTime() - 1)).as("tiden är ute").isFalse();
    assertThat(signal.vanta(sedan, om(Duration.ofMillis(20))))
        .as("tidsgränsen före nästa kontroll, utan ändring")
        .isFalse();

    UppgiftSignal stangs = new UppgiftSignal(Duration.ofHours(1), 10);
    long fore = stangs.generation();
    CompletableFuture<Boolean> vantar =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return stangs.vanta(fore, om(Duration.ofHours(1)));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    stangs.stang();
    assertThat(vantar.get(30, TimeUnit.SECONDS)).isFalse();
    assertThat(stangs.taPlats()).as("ingen ny väntan när programmet stängs").isFalse();
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
