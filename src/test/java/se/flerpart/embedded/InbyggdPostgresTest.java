package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database needs its random password, and no orphan outlives a crashed run. */
class InbyggdPostgresTest {

  @TempDir Path bas;

  @Test
  void endastMedDetSlumpadeLosenordet() throws Exception {
    InbyggdPostgres db = InbyggdPostgres.starta(bas, ProcessHandle.current().pid());
    try {
      String url = db.postgres().getJdbcUrl("postgres", "postgres");
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
          .isInstanceOf(SQLException.class);
      try (Connection c = DriverManager.getConnection(url, "postgres", db.losenord())) {
        assertThat(c.isValid(2)).isTrue();
      }
      assertThat(db.losenord()).hasSizeGreaterThanOrEqualTo(32);
      // Its port was handed out like the engine's, so the two never get the same one.
      assertThat(EmbeddedStack.utdelad(db.postgres().getPort())).isTrue();
      try (var filer = Files.list(bas)) {
        assertThat(filer.filter(f -> f.getFileName().toString().startsWith("pw")))
            .as("lösenordsfilen är borta")
            .isEmpty();
      }
      InbyggdPostgres annan = InbyggdPostgres.starta(bas, ProcessHandle.current().pid());
      try {
        assertThat(annan.losenord()).isNotEqualTo(db.losenord());
      } finally {
        annan.stang();
      }
    } finally {
      db.stang();
    }
  }

  /**
   * The embedded services start at the same time, each on a port found free a moment before it
   * binds it: no port is handed out twice in one JVM, though the system may find it free again.
   */
  @Test
  void ingenPortDelasUtTvaGanger() {
    java.util.Set<Integer> portar = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertThat(portar.add(EmbeddedStack.freePort())).isTrue();
    }
  }

  @Test
  void enStartStopparOchTarBortEnForaldralosDatabasMenLamnarEnLevandes() throws Exception {
    // An earlier run whose JVM died: its owner is a process that has already exited.
    Process dod = new ProcessBuilder("true").start();
    dod.waitFor();
    InbyggdPostgres foraldralos = InbyggdPostgres.starta(bas, dod.pid());
    assertThat(foraldralos.postgres().getPort()).isPositive();
    Path katalog = katalogAgdAv(dod.pid()).orElseThrow();
    long postmaster =
        Long.parseLong(Files.readAllLines(katalog.resolve("postmaster.pid")).get(0).strip());
    assertThat(ProcessHandle.of(postmaster)).get().matches(ProcessHandle::isAlive);

    InbyggdPostgres levande = InbyggdPostgres.starta(bas, ProcessHandle.current().pid());
    try {
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
          .as("den föräldralösa databasen är stoppad")
          .isFalse();
      assertThat(katalog).doesNotExist();
      assertThat(InbyggdPostgres.stadaForaldralosa(bas))
          .as("den egna, levande databasen rörs inte")
          .isZero();
      try (Connection c =
          DriverManager.getConnection(
              levande.postgres().getJdbcUrl("postgres", "postgres"),
              "postgres",
              levande.losenord())) {
        assertThat(c.isValid(2)).isTrue();
      }
    } finally {
      levande.stang();
    }
  }

  @Test
  void enKatalogSomNyssSkapatsAvEnAnnanStartRorsInte() throws Exception {
    // Another Flerpart has just created its directory and is running initdb: no owner file yet.
    Path paborjad = Files.createDirectory(bas.resolve("pa-vag"));
    assertThat(InbyggdPostgres.stadaForaldralosa(bas)).isZero();
    assertThat(paborjad).exists();
    // A live owner's directory is left alone whatever its age; a stopped one is removed with its
    // owner file.
    InbyggdPostgres db = InbyggdPostgres.starta(bas, ProcessHandle.current().pid());
    Path egen = katalogAgdAv(ProcessHandle.current().pid()).orElseThrow();
    assertThat(InbyggdPostgres.stadaForaldralosa(bas)).isZero();
    db.stang();
    assertThat(egen).doesNotExist();
    assertThat(InbyggdPostgres.agarfil(egen)).doesNotExist();
  }

  private Optional<Path> katalogAgdAv(long pid) throws Exception {
    try (var kataloger = Files.list(bas)) {
      return kataloger
          .filter(Files::isDirectory)
          .filter(k -> Files.isRegularFile(InbyggdPostgres.agarfil(k)))
          .filter(
              k -> {
                try {
                  return Files.readString(InbyggdPostgres.agarfil(k))
                      .strip()
                      .equals(Long.toString(pid));
                } catch (Exception e) {
                  return false;
                }
              })
          .findFirst();
    }
  }
}
