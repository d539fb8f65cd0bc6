package se.flerpart.arende;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personnummer at rest: AES-GCM encrypted, plus a keyed hash (HMAC-SHA256) so that a person's
 * earlier cases can be found without decrypting every row.
 */
@Component
public class PersonnummerSkydd {

  private static final int IV_LANGD = 12;
  private final SecretKeySpec krypteringsnyckel;
  private final SecretKeySpec hashnyckel;
  private final SecureRandom random = new SecureRandom();

  public PersonnummerSkydd(@Value("${flerpart.kryptering.nyckel}") String nyckelBase64) {
    byte[] nyckel = Base64.getDecoder().decode(nyckelBase64);
    if (nyckel.length != 32) {
      throw new IllegalStateException("flerpart.kryptering.nyckel ska vara 32 byte (base64)");
    }
    this.krypteringsnyckel = new SecretKeySpec(nyckel, "AES");
    this.hashnyckel = new SecretKeySpec(nyckel, "HmacSHA256");
  }

  public String kryptera(Personnummer pnr) {
    return krypteraBytes(pnr.tolvSiffror().getBytes(StandardCharsets.US_ASCII));
  }

  /** Any other personal data (a name, an address) at rest, as the personnummer. */
  public String krypteraText(String text) {
    return krypteraBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  public String dekrypteraText(String krypterat) {
    return new String(dekrypteraBytes(krypterat), StandardCharsets.UTF_8);
  }

  /**
   * A keyed hash of one beginning of a word of a name, lower case, for search by name. Kept apart
   * from the personnummer's hash by a prefix, so the two can never be compared.
   */
  public String namnordHash(String borjan) {
    return hmac("namnord:" + borjan.toLowerCase(java.util.Locale.ROOT)).substring(0, 32);
  }

  private String krypteraBytes(byte[] klartext) {
    try {
      byte[] iv = new byte[IV_LANGD];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, krypteringsnyckel, new GCMParameterSpec(128, iv));
      byte[] chiffer = cipher.doFinal(klartext);
      byte[] ut = new byte[iv.length + chiffer.length];
      System.arraycopy(iv, 0, ut, 0, iv.length);
      System.arraycopy(chiffer, 0, ut, iv.length, chiffer.length);
      return Base64.getEncoder().encodeToString(ut);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte kryptera", e);
    }
  }

  public Personnummer dekryptera(String krypterat) {
    return new Personnummer(new String(dekrypteraBytes(krypterat), StandardCharsets.US_ASCII));
  }

  private byte[] dekrypteraBytes(String krypterat) {
    try {
      byte[] in = Base64.getDecoder().decode(krypterat);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, krypteringsnyckel, new GCMParameterSpec(128, in, 0, IV_LANGD));
      return cipher.doFinal(in, IV_LANGD, in.length - IV_LANGD);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte dekryptera", e);
    }
  }

  public String hash(Personnummer pnr) {
    return hmac(pnr.tolvSiffror());
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashnyckel);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte beräkna hash", e);
    }
  }
}
