package se.flerpart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' figures: each benchmark prints its lines (starting {@code BENCH}) and puts its
 * part into {@code target/bench/resultat.json} (the directory from {@code bench.katalog}).
 */
public final class Benchresultat {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Benchresultat() {}

  /**
   * Puts into {@code r} the engine's records per case ({@code motorposterPerArende}) and per case
   * of each kind ({@code motorposterPerArendeSlag}, the most frequent first, from {@link
   * se.flerpart.embedded.EmbeddedMotor#posterPerSlag}), and prints the total: the two end-to-end
   * parts can then be compared in what the engine had to do for a case.
   */
  public static void motorposter(
      String del, Map<String, Object> r, Map<String, Long> slag, int arenden) {
    long alla = slag.values().stream().mapToLong(Long::longValue).sum();
    double perArende = Math.round(alla * 10.0 / arenden) / 10.0;
    r.put("motorposterPerArende", perArende);
    r.put("motorposterPerArendeSlag", perArende(slag, arenden, 100));
    System.out.printf(
        "BENCH motorposter %s: %.1f poster i motorns logg per ärende (%d ärenden)%n",
        del, perArende, arenden);
  }

  /**
   * Each count divided by {@code arenden}, rounded to {@code 1 / delar} (10: tenths, 100:
   * hundredths), the largest first; a count of nothing is left out.
   */
  static Map<String, Double> perArende(Map<String, Long> antal, int arenden, int delar) {
    Map<String, Double> r = new LinkedHashMap<>();
    antal.entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                r.put(
                    e.getKey(),
                    Math.round(e.getValue() * (double) delar / arenden) / (double) delar));
    return r;
  }

  /** Writes (or replaces) the part {@code del} of resultat.json. */
  public static synchronized void skriv(String del, Map<String, ?> varden) {
    Path katalog = Path.of(System.getProperty("bench.katalog", "target/bench"));
    Path fil = katalog.resolve("resultat.json");
    try {
      Files.createDirectories(katalog);
      ObjectNode alla =
          Files.exists(fil) ? (ObjectNode) JSON.readTree(fil.toFile()) : JSON.createObjectNode();
      alla.set(del, JSON.valueToTree(varden));
      if (alla.has("helaArenden") && alla.has("motorbaslinje")) {
        double kvot =
            alla.path("helaArenden").path("arendenPerSekund").asDouble()
                / alla.path("motorbaslinje").path("arendenPerSekund").asDouble();
        alla.put("kvotFlerpartMotorbaslinje", Math.round(kvot * 100) / 100.0);
        System.out.println("BENCH kvot Flerpart/motorbaslinje " + Math.round(kvot * 100) / 100.0);
        JsonNode flerpart = alla.path("helaArenden").path("cpuPerArendeMs");
        JsonNode motor = alla.path("motorbaslinje").path("cpuPerArendeMs");
        if (flerpart.has("summa") && motor.has("summa")) {
          System.out.printf(
              "BENCH CPU per ärende: Flerpart %.1f ms (motorn %.1f), motorbaslinjen %.1f ms"
                  + " (motorn %.1f)%n",
              flerpart.path("summa").asDouble(),
              flerpart.path("motorn").asDouble(),
              motor.path("summa").asDouble(),
              motor.path("motorn").asDouble());
        }
      }
      JSON.writerWithDefaultPrettyPrinter().writeValue(fil.toFile(), alla);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("BENCH " + del + " " + varden);
  }

  /** The {@code p}th percentile (0-100) of durations in nanoseconds, in milliseconds. */
  public static double percentil(List<Long> nanos, double p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    long[] sorterade = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorterade);
    int index = (int) Math.ceil(p / 100.0 * sorterade.length) - 1;
    return Math.round(sorterade[Math.max(0, index)] / 1e4) / 100.0;
  }

  public static int heltal(String egenskap, int standard) {
    return Integer.parseInt(System.getProperty(egenskap, String.valueOf(standard)));
  }

  /**
   * The least number of warm-up rounds before the measured ones (bench.uppvarmning, default 3);
   * {@link Uppvarmning} goes on until the JIT compilers have settled.
   */
  public static int uppvarmning() {
    return heltal("bench.uppvarmning", 3);
  }

  /** A comma-separated list of whole numbers, e.g. {@code -Dbench.lastkurva=1,4}. */
  public static List<Integer> heltal(String egenskap, List<Integer> standard) {
    String varde = System.getProperty(egenskap);
    if (varde == null || varde.isBlank()) {
      return standard;
    }
    return Arrays.stream(varde.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }
}
