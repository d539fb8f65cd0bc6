package se.flerpart.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The warm-up before a benchmark's measured rounds: at least bench.uppvarmning rounds (default 3),
 * and then more until the JIT compilers have settled — until the compilers' threads took less than
 * bench.jitGrans (default 0.10) of the machine's CPU during the last three rounds — or
 * bench.uppvarmningSekunder (default 360) have passed. A fresh JVM running all of Flerpart (the
 * engine, the web, Kafka, the PDFs) on two cores is still compiling for minutes: after three rounds
 * of 32 cases its compilers took about a quarter of the CPU, and the cases per second measured then
 * were a JVM warming up, not a running server's.
 *
 * <p>The compilers' CPU time is that of the threads named {@code C1 CompilerThre…} and {@code C2
 * CompilerThre…} (HotSpot's), as {@link Cpufordelning} reads it from Linux's {@code /proc};
 * elsewhere it is zero and the warm-up is the least number of rounds.
 */
final class Uppvarmning {

  /** One round of a benchmark. */
  interface Omgang {
    void kor() throws Exception;
  }

  /**
   * What the warm-up took: its rounds, seconds, and the compilers' share of the machine's CPU in
   * its last three rounds.
   */
  record Resultat(int omgangar, double sekunder, double jitAndelSlut) {

    /** The figures for resultat.json. */
    Map<String, Object> somKarta() {
      Map<String, Object> karta = new LinkedHashMap<>();
      karta.put("uppvarmningOmgangar", omgangar);
      karta.put("uppvarmningSekunder", Math.round(sekunder * 10) / 10.0);
      karta.put("jitAndelSlutAvUppvarmningen", Math.round(jitAndelSlut * 1000) / 1000.0);
      return karta;
    }
  }

  /** The measured rounds: their seconds, and the compilers' share of the machine's CPU in them. */
  record Matning(double sekunder, double jitAndel) {

    /** Puts the compilers' share into the figures for resultat.json. */
    void lagg(Map<String, Object> r) {
      r.put("jitAndelUnderMatning", Math.round(jitAndel * 1000) / 1000.0);
    }
  }

  /**
   * The compilers' share of the machine's CPU over the last {@link #FONSTER} rounds, so that one
   * quiet round does not end the warm-up.
   */
  static final class Fonster {
    private final Deque<long[]> senaste = new ArrayDeque<>();

    /** Adds a round: the compilers' CPU time in it and its length, in nanoseconds. */
    void lagg(long jitNanos, long nanos) {
      senaste.addLast(new long[] {jitNanos, nanos});
      if (senaste.size() > FONSTER) {
        senaste.removeFirst();
      }
    }

    double andel() {
      return Uppvarmning.andel(
          senaste.stream().mapToLong(r -> r[0]).sum(), senaste.stream().mapToLong(r -> r[1]).sum());
    }

    int omgangar() {
      return senaste.size();
    }
  }

  private Uppvarmning() {}

  /** How many of the last rounds the compilers' share is taken over. */
  static final int FONSTER = 3;

  /** Runs the warm-up rounds of {@code omgang} and prints one line per round. */
  static Resultat kor(String del, Omgang omgang) throws Exception {
    int minst = Benchresultat.uppvarmning();
    double grans = Double.parseDouble(System.getProperty("bench.jitGrans", "0.10"));
    double hogst = Benchresultat.heltal("bench.uppvarmningSekunder", 360);
    long start = System.nanoTime();
    Fonster fonster = new Fonster();
    int omgangar = 0;
    double sekunder;
    do {
      long jitFore = kompilatorernasCpuNanos();
      long fore = System.nanoTime();
      omgang.kor();
      long nu = System.nanoTime();
      long jit = kompilatorernasCpuNanos() - jitFore;
      fonster.lagg(jit, nu - fore);
      omgangar++;
      sekunder = (nu - start) / 1e9;
      System.out.printf(
          "BENCH uppvärmning %s omgång %d: %.1f s, kompilatorerna %.0f %% av maskinens CPU"
              + " (%.0f %% i de senaste %d omgångarna)%n",
          del,
          omgangar,
          (nu - fore) / 1e9,
          andel(jit, nu - fore) * 100,
          fonster.andel() * 100,
          fonster.omgangar());
    } while (!klar(omgangar, fonster.andel(), sekunder, minst, grans, hogst));
    return new Resultat(omgangar, sekunder, fonster.andel());
  }

  /** Runs the {@code antal} measured rounds of {@code omgang} after the warm-up. */
  static Matning mat(int antal, Omgang omgang) throws Exception {
    long jitFore = kompilatorernasCpuNanos();
    long start = System.nanoTime();
    for (int i = 0; i < antal; i++) {
      omgang.kor();
    }
    long nanos = System.nanoTime() - start;
    return new Matning(nanos / 1e9, andel(kompilatorernasCpuNanos() - jitFore, nanos));
  }

  /**
   * Whether the warm-up is over after {@code omgangar} rounds, the last with the compilers' share
   * {@code andel}, {@code sekunder} into it: at least {@code minst} rounds, then until the share is
   * below {@code grans} or {@code hogst} seconds have passed.
   */
  static boolean klar(
      int omgangar, double andel, double sekunder, int minst, double grans, double hogst) {
    return omgangar >= minst && (andel < grans || sekunder >= hogst);
  }

  /** The share of the machine's CPU (all its cores) that {@code cpuNanos} is of {@code nanos}. */
  static double andel(long cpuNanos, long nanos) {
    return nanos <= 0
        ? 0
        : (double) cpuNanos / ((double) nanos * Runtime.getRuntime().availableProcessors());
  }

  /**
   * The CPU time the JIT compilers' threads of this JVM have used so far, in nanoseconds (0 where
   * there is no {@code /proc}).
   */
  static long kompilatorernasCpuNanos() {
    return Cpufordelning.delensTicks("jit") * Cpufordelning.NANOS_PER_TICK;
  }
}
