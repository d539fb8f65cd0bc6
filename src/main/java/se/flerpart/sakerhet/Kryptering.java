package se.flerpart.sakerhet;

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
 * Personal data at rest, wherever a module keeps it: AES-GCM with a random IV per value, and a
 * keyed hash (HMAC-SHA256) for look-ups that must not decrypt every row. One key, {@code
 * flerpart.kryptering.nyckel} (32 bytes, base64).
 */
@Component
public class Kryptering {

  private static final int IV_LANGD = 12;
  private final SecretKeySpec krypteringsnyckel;
  private final SecretKeySpec hashnyckel;
  private final SecureRandom random = new SecureRandom();

  public Kryptering(@Value("${flerpart.kryptering.nyckel}") String nyckelBase64) {
    byte[] nyckel = Base64.getDecoder().decode(nyckelBase64);
    if (nyckel.length != 32) {
      throw new IllegalStateException("flerpart.kryptering.nyckel ska vara 32 byte (base64)");
    }
    this.krypteringsnyckel = new SecretKeySpec(nyckel, "AES");
    this.hashnyckel = new SecretKeySpec(nyckel, "HmacSHA256");
  }

  public String krypteraText(String text) {
    return kryptera(text.getBytes(StandardCharsets.UTF_8));
  }

  public String dekrypteraText(String krypterat) {
    return new String(dekryptera(krypterat), StandardCharsets.UTF_8);
  }

  public String kryptera(byte[] klartext) {
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

  public byte[] dekryptera(String krypterat) {
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

  /** The keyed hash of a text, hex. */
  public String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashnyckel);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte beräkna hash", e);
    }
  }
}
