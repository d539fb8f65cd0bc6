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
    try {
      byte[] iv = new byte[IV_LANGD];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, krypteringsnyckel, new GCMParameterSpec(128, iv));
      byte[] chiffer = cipher.doFinal(pnr.tolvSiffror().getBytes(StandardCharsets.US_ASCII));
      byte[] ut = new byte[iv.length + chiffer.length];
      System.arraycopy(iv, 0, ut, 0, iv.length);
      System.arraycopy(chiffer, 0, ut, iv.length, chiffer.length);
      return Base64.getEncoder().encodeToString(ut);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte kryptera personnummer", e);
    }
  }

  public Personnummer dekryptera(String krypterat) {
    try {
      byte[] in = Base64.getDecoder().decode(krypterat);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, krypteringsnyckel, new GCMParameterSpec(128, in, 0, IV_LANGD));
      byte[] klartext = cipher.doFinal(in, IV_LANGD, in.length - IV_LANGD);
      return new Personnummer(new String(klartext, StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte dekryptera personnummer", e);
    }
  }

  public String hash(Personnummer pnr) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashnyckel);
      return HexFormat.of()
          .formatHex(mac.doFinal(pnr.tolvSiffror().getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Kunde inte beräkna hash", e);
    }
  }
}
