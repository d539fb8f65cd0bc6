package se.flerpart.notifiering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A mail's Message-ID, derived from its idempotency key: a mail sent again after a crash carries
 * the same id, so the receiving side (and the crash test) can recognise a duplicate. The key is
 * hashed, since it names the case or the task.
 */
public final class MeddelandeId {

  private MeddelandeId() {}

  /** {@code <hex@domain>}, the domain taken from the sender's address. */
  public static String av(String nyckel, String avsandare) {
    int snabel = avsandare.lastIndexOf('@');
    String doman = snabel < 0 ? "flerpart" : avsandare.substring(snabel + 1).replace(">", "");
    return "<" + lokaldel(nyckel) + "@" + doman + ">";
  }

  /** The part before the {@code @}: the first 20 bytes of the key's SHA-256, in hex. */
  public static String lokaldel(String nyckel) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(nyckel.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
