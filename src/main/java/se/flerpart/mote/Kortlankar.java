package se.flerpart.mote;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The short links of printed kallelser ({@code /k/{kod}}): one random code per invitation and
 * kallelse version. Ten characters from an alphabet without look-alikes (no 0/o, 1/l/i) give about
 * 49.5 bits, so a code cannot be guessed; the code only leads to the signed answer link, which
 * decides on its own whether it can still be used.
 */
@Repository
class Kortlankar {

  static final String ALFABET = "23456789abcdefghjkmnpqrstuvwxyz";
  static final int LANGD = 10;

  /** What a code stands for. */
  record Kortlank(UUID kallelseId, int sekvens) {}

  private final SecureRandom slump = new SecureRandom();
  private final JdbcClient jdbc;

  Kortlankar(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The code of this invitation and version, made the first time it is asked for. */
  String kod(UUID kallelseId, int sekvens) {
    Optional<String> finns = befintlig(kallelseId, sekvens);
    if (finns.isPresent()) {
      return finns.get();
    }
    jdbc.sql(
            """
            insert into kallelse_kortlank (kod, kallelse_id, sekvens) values (?, ?, ?)
            on conflict do nothing
            """)
        .params(nyKod(), kallelseId, sekvens)
        .update();
    // Either the code just made, or the one a concurrent request made first.
    return befintlig(kallelseId, sekvens).orElseGet(() -> kod(kallelseId, sekvens));
  }

  /** The invitation behind a code; empty for a code never handed out or not well-formed. */
  Optional<Kortlank> las(String kod) {
    kod = kod == null ? null : kod.strip().toLowerCase(java.util.Locale.ROOT);
    if (kod == null
        || kod.length() != LANGD
        || !kod.chars().allMatch(c -> ALFABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return jdbc.sql("select kallelse_id, sekvens from kallelse_kortlank where kod = ?")
        .param(kod)
        .query((rs, n) -> new Kortlank(rs.getObject(1, UUID.class), rs.getInt(2)))
        .optional();
  }

  private Optional<String> befintlig(UUID kallelseId, int sekvens) {
    return jdbc.sql("select kod from kallelse_kortlank where kallelse_id = ? and sekvens = ?")
        .params(kallelseId, sekvens)
        .query(String.class)
        .optional();
  }

  private String nyKod() {
    StringBuilder kod = new StringBuilder(LANGD);
    for (int i = 0; i < LANGD; i++) {
      kod.append(ALFABET.charAt(slump.nextInt(ALFABET.length())));
    }
    return kod.toString();
  }
}
