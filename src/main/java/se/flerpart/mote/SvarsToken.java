package se.flerpart.mote;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The personal answer link of an invitation: the invitation id, the version of the kallelse it was
 * sent with (iCalendar SEQUENCE) and when it expires, signed with HMAC-SHA256. Nothing personal is
 * in it, and nobody can make one without the key.
 */
@Component
class SvarsToken {

  public record Innehall(UUID kallelseId, int sekvens, Instant giltigTill) {}

  private static final Base64.Encoder KODA = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder AVKODA = Base64.getUrlDecoder();
  private final SecretKeySpec nyckel;

  SvarsToken(@Value("${flerpart.kallelse.token-nyckel}") String nyckelBase64) {
    byte[] bytes = Base64.getDecoder().decode(nyckelBase64);
    if (bytes.length < 32) {
      throw new IllegalStateException(
          "flerpart.kallelse.token-nyckel ska vara minst 32 byte (base64)");
    }
    this.nyckel = new SecretKeySpec(bytes, "HmacSHA256");
  }

  public String skapa(UUID kallelseId, int sekvens, Instant giltigTill) {
    ByteBuffer data = ByteBuffer.allocate(28);
    data.putLong(kallelseId.getMostSignificantBits());
    data.putLong(kallelseId.getLeastSignificantBits());
    data.putInt(sekvens);
    data.putLong(giltigTill.getEpochSecond());
    byte[] innehall = data.array();
    return KODA.encodeToString(innehall) + "." + KODA.encodeToString(signatur(innehall));
  }

  /** The token's content when its signature holds; empty for anything forged or mangled. */
  public Optional<Innehall> las(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    int punkt = token.indexOf('.');
    if (punkt < 0) {
      return Optional.empty();
    }
    try {
      byte[] innehall = AVKODA.decode(token.substring(0, punkt));
      byte[] signatur = AVKODA.decode(token.substring(punkt + 1));
      if (innehall.length != 28 || !MessageDigest.isEqual(signatur, signatur(innehall))) {
        return Optional.empty();
      }
      ByteBuffer data = ByteBuffer.wrap(innehall);
      UUID id = new UUID(data.getLong(), data.getLong());
      int sekvens = data.getInt();
      return Optional.of(new Innehall(id, sekvens, Instant.ofEpochSecond(data.getLong())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] signatur(byte[] innehall) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(nyckel);
      return mac.doFinal(innehall);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte signera svarslänken", e);
    }
  }
}
