package se.flerpart.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where a benchmark's CPU went, part by part: the JVM's threads grouped by their names (the
 * engine's with its gRPC, the HTTP requests', the job workers', the asynchronous event listeners'
 * (which also send the mails), Kafka's, the SMTP server's, the garbage collector's, the JIT
 * compilers', the benchmark's own clients'), PostgreSQL's processes, and how busy the whole machine
 * was. Divided by the cases completed in between, it shows what a case costs in each part and so
 * what the engine's part alone leaves room for: on a machine of {@code k} cores no run can complete
 * more than {@code k × 1000 / (the engine's ms a case)} cases a second, whatever Flerpart does.
 *
 * <p>Read from Linux's {@code /proc}: each thread's user and system time in {@code
 * /proc/self/task/<tid>/stat} with its name in {@code comm} (the first 15 characters of the Java
 * name), the process's own total in {@code /proc/self/stat} (which keeps the time of threads that
 * have ended, such as the SMTP server's one thread per session: that difference is {@code
 * avslutadeTradar}), PostgreSQL's postmaster (from {@code postmaster.pid} in its data directory)
 * with its backends and the time of the backends that have ended, and the machine's busy and idle
 * time from {@code /proc/stat}. Elsewhere everything is zero. The clock tick is 10 ms (USER_HZ
 * 100), which over a measured run of tens of seconds is well below a per cent.
 */
final class Cpufordelning {

  /** The parts, in the order they are printed; {@link #del} maps a thread's name to one. */
  static final List<String> DELAR =
      List.of(
          "motorn",
          "http",
          "jobbarbetare",
          "lyssnare",
          "kafka",
          "smtp",
          "postgresql",
          "skrapsamlaren",
          "jit",
          "klienter",
          "avslutadeTradar",
          "ovrigt");

  /** The length of one clock tick in {@code /proc} (USER_HZ, 100 on Linux). */
  static final long NANOS_PER_TICK = 10_000_000L;

  /**
   * The counters at one moment: CPU ticks per live thread (by its id, with its name), the process's
   * total, PostgreSQL's, and the machine's busy and total ticks.
   */
  record Ogonblick(
      Map<String, Trad> tradar,
      long processTicks,
      long postgresTicks,
      long maskinUpptagen,
      long maskinTotalt) {}

  /** A thread's name and its user and system ticks so far. */
  record Trad(String namn, long ticks) {}

  private Cpufordelning() {}

  /**
   * The part a thread belongs to, by its name as {@code comm} gives it (at most 15 characters).
   * {@code pool-} threads are the Camunda client's job workers (its default executor), {@code
   * task-} threads Spring's executor for the asynchronous event listeners and the mail dispatcher,
   * {@code smtp…} the embedded SMTP server's (one per session, so most of them have ended by the
   * second moment); the benchmark names its own clients' threads {@code bench-klient-}.
   */
  static String del(String namn) {
    if (namn.contains("kafka")) {
      return "kafka";
    }
    for (Map.Entry<String, List<String>> del : PREFIX.entrySet()) {
      if (del.getValue().stream().anyMatch(namn::startsWith)) {
        return del.getKey();
      }
    }
    return "ovrigt";
  }

  /** The beginnings of the thread names of each part (besides every name holding "kafka"). */
  private static final Map<String, List<String>> PREFIX =
      Map.of(
          "motorn", List.of("zb-", "grpc-"),
          "http", List.of("http-nio-"),
          "jobbarbetare", List.of("pool-"),
          "klienter", List.of("bench-klient", "HttpClient-"),
          "lyssnare", List.of("task-"),
          "smtp", List.of("smtp"),
          "jit", List.of("C1 CompilerThre", "C2 CompilerThre"),
          "skrapsamlaren", List.of("GC Thread", "G1 ", "VM Thread", "VM Periodic"),
          "kafka",
              List.of(
                  "data-plane",
                  "broker-",
                  "controller-",
                  "quorum-",
                  "executor-",
                  "aktualiseringar",
                  "raft-",
                  "ExpirationReape",
                  "group-coordinat",
                  "share-coordinat",
                  "transaction-sta"));

  /**
   * The counters now; {@code postgresData} is PostgreSQL's data directory (null where the run has
   * none).
   */
  static Ogonblick ogonblick(Path postgresData) {
    Path tradar = Path.of("/proc/self/task");
    if (!Files.isDirectory(tradar)) {
      return new Ogonblick(Map.of(), 0, 0, 0, 0);
    }
    Map<String, Trad> r = new HashMap<>();
    try (Stream<Path> alla = Files.list(tradar)) {
      for (Path trad : alla.toList()) {
        try {
          r.put(
              trad.getFileName().toString(),
              new Trad(
                  Files.readString(trad.resolve("comm")).strip(),
                  ticks(Files.readString(trad.resolve("stat")), false)));
        } catch (IOException e) {
          // The thread ended while it was read: it counts as ended.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long[] maskin = maskinen();
    return new Ogonblick(
        r,
        ticks(las(Path.of("/proc/self/stat")), false),
        postgres(postgresData),
        maskin[0],
        maskin[1]);
  }

  /** The CPU ticks of the threads that belong to {@code del} (e.g. {@code jit}) now. */
  static long delensTicks(String del) {
    return ogonblick(null).tradar().values().stream()
        .filter(t -> del(t.namn()).equals(del))
        .mapToLong(Trad::ticks)
        .sum();
  }

  /**
   * Milliseconds of CPU a case per part between the two moments, with their sum ({@code summa}),
   * and the machine's busy share in between ({@code maskinenUpptagen}, 0–1, all its processes). A
   * thread that was there at both moments counts its difference, one that started in between all of
   * its time; the time of threads that ended in between is only in the process's total, and the
   * rest of it is {@code avslutadeTradar}. {@code arenden} may be a fraction: over 5 000 requests,
   * 5.0 thousands give microseconds a request.
   */
  static Map<String, Double> perArende(Ogonblick fore, Ogonblick efter, double arenden) {
    Map<String, Long> ticks = new HashMap<>();
    long levande = 0;
    for (Map.Entry<String, Trad> e : efter.tradar().entrySet()) {
      Trad fo = fore.tradar().get(e.getKey());
      long skillnad =
          fo != null && fo.namn().equals(e.getValue().namn())
              ? e.getValue().ticks() - fo.ticks()
              : e.getValue().ticks();
      ticks.merge(del(e.getValue().namn()), skillnad, Long::sum);
      levande += skillnad;
    }
    long process = efter.processTicks() - fore.processTicks();
    ticks.put("avslutadeTradar", Math.max(0, process - levande));
    ticks.put("postgresql", efter.postgresTicks() - fore.postgresTicks());
    Map<String, Double> r = new LinkedHashMap<>();
    long summa = 0;
    for (String del : DELAR) {
      long t = ticks.getOrDefault(del, 0L);
      summa += t;
      r.put(del, ms(t, arenden));
    }
    r.put("summa", ms(summa, arenden));
    long total = efter.maskinTotalt() - fore.maskinTotalt();
    r.put(
        "maskinenUpptagen",
        total <= 0
            ? 0
            : Math.round((efter.maskinUpptagen() - fore.maskinUpptagen()) * 1000.0 / total)
                / 1000.0);
    return r;
  }

  /**
   * The most cases a second the engine's own CPU a case leaves room for on this machine's cores,
   * were everything else free: {@code cores × 1000 / motorn}.
   */
  static double motornsTak(Map<String, Double> perArende) {
    double motorn = perArende.getOrDefault("motorn", 0.0);
    return motorn <= 0
        ? Double.NaN
        : Math.round(Runtime.getRuntime().availableProcessors() * 1000 / motorn * 100) / 100.0;
  }

  /**
   * A pool of {@code n} threads for a benchmark's clients, named so that they are counted apart.
   */
  static ExecutorService klientpool(int n) {
    AtomicInteger nummer = new AtomicInteger();
    return Executors.newFixedThreadPool(
        n, r -> new Thread(r, "bench-klient-" + nummer.incrementAndGet()));
  }

  /** Prints the parts a case took, and the engine's ceiling. */
  static void skrivUt(String del, Map<String, Double> perArende) {
    StringBuilder rad = new StringBuilder("BENCH CPU per ärende " + del + " (ms):");
    perArende.forEach((namn, ms) -> rad.append(' ').append(namn).append(' ').append(ms));
    System.out.println(rad);
    System.out.printf(
        "BENCH motorns tak %s: högst %.2f ärenden/s på %d kärnor om allt utom motorn vore gratis%n",
        del, motornsTak(perArende), Runtime.getRuntime().availableProcessors());
  }

  private static double ms(long ticks, double arenden) {
    return Math.round(ticks * (NANOS_PER_TICK / 1e6) * 10 / arenden) / 10.0;
  }

  /**
   * User and system ticks from a {@code stat} line, and with {@code barnen} those of the waited-for
   * children too. The fields after the name (which may hold spaces) in parentheses: utime is the
   * 14th field of the line, stime the 15th, cutime and cstime the 16th and 17th.
   */
  static long ticks(String stat, boolean barnen) {
    String[] falt = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
    long t = Long.parseLong(falt[11]) + Long.parseLong(falt[12]);
    return barnen ? t + Long.parseLong(falt[13]) + Long.parseLong(falt[14]) : t;
  }

  /** The parent's process id from a {@code stat} line (its 4th field). */
  static long foralder(String stat) {
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
  }

  /**
   * PostgreSQL's postmaster (its ended backends with it) and its live backends, or 0 without a data
   * directory or a running server.
   */
  private static long postgres(Path data) {
    if (data == null || !Files.isReadable(data.resolve("postmaster.pid"))) {
      return 0;
    }
    long postmaster =
        Long.parseLong(
            las(data.resolve("postmaster.pid")).lines().findFirst().orElseThrow().strip());
    long t = 0;
    try (Stream<Path> processer = Files.list(Path.of("/proc"))) {
      for (Path p : processer.toList()) {
        String namn = p.getFileName().toString();
        if (!namn.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(p.resolve("stat"));
          if (Long.parseLong(namn) == postmaster) {
            t += ticks(stat, true);
          } else if (foralder(stat) == postmaster) {
            t += ticks(stat, false);
          }
        } catch (IOException | RuntimeException e) {
          // A process that ended while it was read.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  /** The machine's busy ticks (all but idle and iowait) and its total, from {@code /proc/stat}. */
  private static long[] maskinen() {
    Path stat = Path.of("/proc/stat");
    if (!Files.isReadable(stat)) {
      return new long[] {0, 0};
    }
    String[] falt = las(stat).lines().findFirst().orElseThrow().strip().split("\\s+");
    long total = 0;
    for (int i = 1; i < Math.min(falt.length, 9); i++) {
      total += Long.parseLong(falt[i]);
    }
    long vila = Long.parseLong(falt[4]) + Long.parseLong(falt[5]);
    return new long[] {total - vila, total};
  }

  private static String las(Path fil) {
    try {
      return Files.readString(fil);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
