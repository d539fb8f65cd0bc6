package se.flerpart.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's PostgreSQL, locked down: a random password per start (scram-sha-256, no
 * trust authentication), its data in a directory of its own under {@code <tmp>/flerpart-postgres},
 * marked with the process id of the JVM that owns it. A start first stops and removes what an
 * earlier run left behind when its JVM died without stopping the database ({@code kill -9}): an
 * orphan would otherwise keep serving the data.
 */
final class InbyggdPostgres {

  /** Beside each data directory {@code <namn>}: {@code <namn>.agare}, the owning JVM's pid. */
  static final String AGARFIL_SLUT = ".agare";

  /**
   * A directory without an owner file is left alone this long: another Flerpart may be just
   * starting it.
   */
  private static final Duration UTAN_AGARE = Duration.ofHours(1);

  private static final Logger log = LoggerFactory.getLogger(InbyggdPostgres.class);

  private final EmbeddedPostgres postgres;
  private final String losenord;
  private final Path data;

  private InbyggdPostgres(EmbeddedPostgres postgres, String losenord, Path data) {
    this.postgres = postgres;
    this.losenord = losenord;
    this.data = data;
  }

  /** Stops the database; its data directory and owner file go with it. */
  void stang() throws IOException {
    postgres.close();
    Files.deleteIfExists(agarfil(data));
  }

  static Path baskatalog() {
    return Path.of(System.getProperty("java.io.tmpdir"), "flerpart-postgres");
  }

  /** Starts a database owned by this JVM, after removing any orphan of an earlier run. */
  static InbyggdPostgres starta() {
    return starta(baskatalog(), ProcessHandle.current().pid());
  }

  static InbyggdPostgres starta(Path bas, long agare) {
    try {
      Files.createDirectories(bas);
      stadaForaldralosa(bas);
      Path data = bas.resolve(UUID.randomUUID().toString());
      // Marked before initdb, so that a Flerpart starting at the same moment never takes the new
      // directory for an orphan.
      Files.writeString(agarfil(data), Long.toString(agare));
      String losenord = slumpat();
      return new InbyggdPostgres(starta(bas, data, true, 0, losenord), losenord, data);
    } catch (IOException e) {
      throw new UncheckedIOException("Kunde inte starta inbyggd PostgreSQL", e);
    }
  }

  /**
   * A database of its own process, for several Flerpart instances: its data in {@code data}, kept
   * between starts (initdb only when the directory holds no database yet, with {@code losenord} as
   * the superuser's password; later starts keep the password given then), on {@code port}.
   */
  static InbyggdPostgres startaVarande(Path data, int port, String losenord) {
    try {
      Files.createDirectories(data);
      return new InbyggdPostgres(
          starta(data.toAbsolutePath().getParent(), data, false, port, losenord), losenord, data);
    } catch (IOException e) {
      throw new UncheckedIOException("Kunde inte starta PostgreSQL i " + data, e);
    }
  }

  /**
   * Starts PostgreSQL on {@code data} (port 0: a free one no other embedded service has),
   * password-protected: the superuser's password from a file readable only by this user,
   * scram-sha-256 for every connection.
   */
  private static EmbeddedPostgres starta(
      Path bas, Path data, boolean rensa, int port, String losenord) throws IOException {
    Path losenordsfil = Files.createTempFile(bas, "pw", ".tmp");
    try {
      Files.setPosixFilePermissions(losenordsfil, PosixFilePermissions.fromString("rw-------"));
      Files.writeString(losenordsfil, losenord, StandardCharsets.UTF_8);
      var builder =
          EmbeddedPostgres.builder()
              // Stopped by its owner after the application, not by a shutdown hook of its own
              // that could take the database away while the context is still closing.
              .setRegisterShutdownHook(false)
              .setDataDirectory(data)
              .setCleanDataDirectory(rensa)
              // initdb: the superuser's password from the file, and a password for every
              // connection, local or over TCP.
              .setLocaleConfig("pwfile", losenordsfil.toString())
              .setLocaleConfig("auth-local", "scram-sha-256")
              .setLocaleConfig("auth-host", "scram-sha-256")
              .setConnectConfig("password", losenord);
      if (!rensa) {
        // The library's default, synchronous_commit=off, lets a commit return before its WAL is
        // written: a crash of the database's processes then loses the last fraction of a second
        // of committed changes (mails marked sent, tasks stored, forms submitted). That does not
        // matter to the embedded default, whose data goes with its process, but a database of its
        // own process keeps its data, and what it confirmed must survive a crash.
        builder.setServerConfig("synchronous_commit", "on");
      }
      // A port of its own, never one another embedded service was given at the same moment.
      builder.setPort(port != 0 ? port : EmbeddedStack.freePort());
      // initdb and the first start on a busy machine can take longer than the library's 10 s.
      builder.setPGStartupWait(Duration.ofSeconds(60));
      return builder.start();
    } finally {
      Files.deleteIfExists(losenordsfil);
    }
  }

  EmbeddedPostgres postgres() {
    return postgres;
  }

  String losenord() {
    return losenord;
  }

  /**
   * Stops the database of every data directory under {@code bas} whose owning JVM is gone, and
   * removes the directory. Directories of running Flerparts are left alone.
   */
  static int stadaForaldralosa(Path bas) throws IOException {
    if (!Files.isDirectory(bas)) {
      return 0;
    }
    int stadade = 0;
    List<Path> kataloger;
    try (Stream<Path> s = Files.list(bas)) {
      kataloger = s.filter(Files::isDirectory).toList();
    }
    for (Path katalog : kataloger) {
      Path agarfil = agarfil(katalog);
      Optional<Long> agare = pid(agarfil);
      if (agare.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)
          || (agare.isEmpty() && nyare(katalog, UTAN_AGARE))) {
        continue;
      }
      pid(katalog.resolve("postmaster.pid"))
          .flatMap(ProcessHandle::of)
          .filter(ProcessHandle::isAlive)
          .ifPresent(InbyggdPostgres::stoppa);
      taBort(katalog);
      Files.deleteIfExists(agarfil);
      stadade++;
    }
    try (Stream<Path> s = Files.list(bas)) {
      for (Path fil : s.filter(f -> f.getFileName().toString().endsWith(AGARFIL_SLUT)).toList()) {
        Path katalog = fil.resolveSibling(fil.getFileName().toString().replace(AGARFIL_SLUT, ""));
        boolean levande =
            pid(fil).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        if (!Files.exists(katalog) && !levande) {
          Files.deleteIfExists(fil);
        }
      }
    }
    if (stadade > 0) {
      log.warn(
          "{} inbyggd PostgreSQL från en tidigare körning som inte avslutades stoppades och togs"
              + " bort",
          stadade);
    }
    return stadade;
  }

  static Path agarfil(Path katalog) {
    return katalog.resolveSibling(katalog.getFileName() + AGARFIL_SLUT);
  }

  private static boolean nyare(Path katalog, Duration an) {
    try {
      return Files.getLastModifiedTime(katalog).toInstant().isAfter(Instant.now().minus(an));
    } catch (IOException e) {
      return true;
    }
  }

  /** A smart shutdown first (SIGTERM: nobody is connected to an orphan), then SIGKILL. */
  private static void stoppa(ProcessHandle postmaster) {
    postmaster.destroy();
    try {
      postmaster.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      postmaster.destroyForcibly();
    }
  }

  private static Optional<Long> pid(Path fil) {
    try {
      if (!Files.isRegularFile(fil)) {
        return Optional.empty();
      }
      String forsta = Files.readAllLines(fil).stream().findFirst().orElse("").strip();
      return Optional.of(Long.parseLong(forsta));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void taBort(Path katalog) throws IOException {
    try (Stream<Path> filer = Files.walk(katalog)) {
      for (Path p : filer.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String slumpat() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
