package se.flerpart.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the benchmarks' warm-up ends, and what it reads of the JIT compilers. */
class UppvarmningTest {

  @Test
  void varmerUppMinstDeForstaOmgangarnaAvenOmKompilatorernaArKlara() {
    assertThat(Uppvarmning.klar(1, 0.0, 5, 3, 0.10, 360)).isFalse();
    assertThat(Uppvarmning.klar(2, 0.0, 10, 3, 0.10, 360)).isFalse();
    assertThat(Uppvarmning.klar(3, 0.0, 15, 3, 0.10, 360)).isTrue();
  }

  @Test
  void fortsatterTillsKompilatorernasAndelArUnderGransen() {
    assertThat(Uppvarmning.klar(3, 0.25, 15, 3, 0.10, 360)).isFalse();
    assertThat(Uppvarmning.klar(30, 0.10, 180, 3, 0.10, 360)).isFalse();
    assertThat(Uppvarmning.klar(31, 0.09, 186, 3, 0.10, 360)).isTrue();
  }

  @Test
  void slutarVidDenLangstaTidenAvenOmKompilatorernaArkvarIGang() {
    assertThat(Uppvarmning.klar(59, 0.2, 359.9, 3, 0.10, 360)).isFalse();
    assertThat(Uppvarmning.klar(60, 0.2, 360, 3, 0.10, 360)).isTrue();
  }

  @Test
  void andelenArAvMaskinensAllaKarnor() {
    int karnor = Runtime.getRuntime().availableProcessors();
    assertThat(Uppvarmning.andel(1_000_000_000L, 1_000_000_000L)).isEqualTo(1.0 / karnor);
    assertThat(Uppvarmning.andel(5, 0)).isZero();
  }

  @Test
  void laserKompilatorernasCpuTidUrProc() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
    // The JVM has compiled since it started (JUnit, AssertJ, this class): its compiler threads
    // are found by their names and their time read from their stat lines.
    assertThat(Uppvarmning.kompilatorernasCpuNanos()).isPositive();
  }

  @Test
  void enLugnOmgangAvslutarInteUppvarmningenEnsam() {
    int karnor = Runtime.getRuntime().availableProcessors();
    long sekund = 1_000_000_000L;
    Uppvarmning.Fonster fonster = new Uppvarmning.Fonster();
    fonster.lagg(karnor * sekund / 4, sekund);
    fonster.lagg(karnor * sekund / 4, sekund);
    fonster.lagg(0, sekund);
    // Two busy rounds (a quarter of the machine) and a quiet one: a sixth over the three.
    assertThat(fonster.andel()).isCloseTo(1.0 / 6, within(1e-9));
    fonster.lagg(0, sekund);
    fonster.lagg(0, sekund);
    // The busy rounds have left the window of three.
    assertThat(fonster.omgangar()).isEqualTo(Uppvarmning.FONSTER);
    assertThat(fonster.andel()).isZero();
  }

  @Test
  void matningenRaknarOmgangarnaOchKompilatorernasAndel() throws Exception {
    AtomicInteger korda = new AtomicInteger();
    // Rounds of 100 ms: the compilers' time is read in ticks of 10 ms.
    Uppvarmning.Matning m =
        Uppvarmning.mat(
            4,
            () -> {
              korda.incrementAndGet();
              Thread.sleep(100);
            });
    assertThat(korda).hasValue(4);
    assertThat(m.sekunder()).isGreaterThanOrEqualTo(0.4);
    assertThat(m.jitAndel()).isBetween(0.0, 1.0);
    Map<String, Object> r = new HashMap<>();
    m.lagg(r);
    assertThat(r).containsKey("jitAndelUnderMatning");
  }

  @Test
  void korOmgangarTillsKlarOchRaknarDem() throws Exception {
    System.setProperty("bench.uppvarmning", "2");
    System.setProperty("bench.jitGrans", "1.5");
    try {
      AtomicInteger korda = new AtomicInteger();
      // Rounds of 100 ms, so that the ticks of 10 ms cannot make the share look larger than the
      // machine; the share cannot reach 1.5 of it, so the least number of rounds is the end.
      Uppvarmning.Resultat r =
          Uppvarmning.kor(
              "test",
              () -> {
                korda.incrementAndGet();
                Thread.sleep(100);
              });
      assertThat(r.omgangar()).isEqualTo(2);
      assertThat(korda).hasValue(2);
      assertThat(r.somKarta())
          .containsKeys(
              "uppvarmningOmgangar", "uppvarmningSekunder", "jitAndelSlutAvUppvarmningen");
    } finally {
      System.clearProperty("bench.uppvarmning");
      System.clearProperty("bench.jitGrans");
    }
  }
}
