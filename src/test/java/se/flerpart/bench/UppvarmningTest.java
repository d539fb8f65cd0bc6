package se.flerpart.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
    long fore = Uppvarmning.kompilatorernasCpuNanos();
    // Work enough for the JIT to compile (a method called many thousand times with a loop).
    long summa = 0;
    for (int i = 0; i < 200_000; i++) {
      summa += Integer.toString(i).hashCode() ^ Long.toHexString(summa).length();
    }
    assertThat(summa).isNotZero();
    long efter = Uppvarmning.kompilatorernasCpuNanos();
    // The JVM has compiled since it started, the test's own framework and the loop above.
    assertThat(efter).isPositive().isGreaterThanOrEqualTo(fore);
    assertThat(efter % 10_000_000L).isZero();
  }

  @Test
  void korOmgangarTillsKlarOchRaknarDem() throws Exception {
    System.setProperty("bench.uppvarmning", "2");
    System.setProperty("bench.jitGrans", "1.01");
    try {
      AtomicInteger korda = new AtomicInteger();
      Uppvarmning.Resultat r = Uppvarmning.kor("test", korda::incrementAndGet);
      // The share can never reach 1.01 of the machine, so the least number of rounds is the end.
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
