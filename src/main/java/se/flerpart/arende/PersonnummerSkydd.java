package se.flerpart.arende;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Kryptering;

/**
 * Personnummer at rest: AES-GCM encrypted ({@link Kryptering}), plus a keyed hash (HMAC-SHA256) so
 * that a person's earlier cases can be found without decrypting every row.
 */
@Component
public class PersonnummerSkydd {

  private final Kryptering kryptering;

  public PersonnummerSkydd(Kryptering kryptering) {
    this.kryptering = kryptering;
  }

  public String kryptera(Personnummer pnr) {
    return kryptering.kryptera(pnr.tolvSiffror().getBytes(StandardCharsets.US_ASCII));
  }

  /** Any other personal data (a name, an address) at rest, as the personnummer. */
  public String krypteraText(String text) {
    return kryptering.krypteraText(text);
  }

  public String dekrypteraText(String krypterat) {
    return kryptering.dekrypteraText(krypterat);
  }

  /**
   * A keyed hash of one beginning of a word of a name, lower case, for search by name. Kept apart
   * from the personnummer's hash by a prefix, so the two can never be compared.
   */
  public String namnordHash(String borjan) {
    return kryptering.hmac("namnord:" + borjan.toLowerCase(java.util.Locale.ROOT)).substring(0, 32);
  }

  public Personnummer dekryptera(String krypterat) {
    return new Personnummer(
        new String(kryptering.dekryptera(krypterat), StandardCharsets.US_ASCII));
  }

  public String hash(Personnummer pnr) {
    return kryptering.hmac(pnr.tolvSiffror());
  }
}
