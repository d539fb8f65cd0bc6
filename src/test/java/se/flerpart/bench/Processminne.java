package se.flerpart.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory as Linux reports it in {@code /proc/<pid>/status}. */
public final class Processminne {

  private Processminne() {}

  /**
   * The figure {@code falt} ({@code VmRSS}, the resident memory now; {@code VmHWM}, the largest it
   * has been) of process {@code pid}, in kB.
   */
  public static long kb(long pid, String falt) throws IOException {
    for (String rad : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (rad.startsWith(falt + ":")) {
        return Long.parseLong(rad.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("Ingen " + falt + " för process " + pid);
  }
}
