package se.flerpart.sakerhet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a short while that a password matched its stored hash, so that an API client
 * sending HTTP Basic on every request (the demo profile) costs one BCrypt hash per {@link #TID},
 * not one per request (~80 ms of CPU each).
 *
 * <p>Only successful matches are remembered, under an HMAC of the password and the stored hash with
 * a key drawn at start and never written anywhere: the password itself is not kept, a wrong
 * password always goes to BCrypt (so the login lockout still counts it), and a changed password (a
 * new stored hash) matches nothing remembered.
 */
final class LosenordsCache implements PasswordEncoder {

  static final Duration TID = Duration.ofMinutes(5);

  /** Beyond this many remembered matches the expired ones are dropped, then all of them. */
  static final int MAX_POSTER = 10_000;

  private final PasswordEncoder encoder;
  private final Clock klocka;
  private final SecretKeySpec nyckel;
  private final Map<String, Instant> giltigTill = new ConcurrentHashMap<>();

  LosenordsCache(PasswordEncoder encoder) {
    this(encoder, Clock.systemUTC());
  }

  LosenordsCache(PasswordEncoder encoder, Clock klocka) {
    this.encoder = encoder;
    this.klocka = klocka;
    byte[] slump = new byte[32];
    new SecureRandom().nextBytes(slump);
    this.nyckel = new SecretKeySpec(slump, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return encoder.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return encoder.matches(rawPassword, encodedPassword);
    }
    String nyckel = nyckel(rawPassword, encodedPassword);
    Instant nu = klocka.instant();
    Instant till = giltigTill.get(nyckel);
    if (till != null && nu.isBefore(till)) {
      return true;
    }
    boolean stammer = encoder.matches(rawPassword, encodedPassword);
    if (stammer) {
      if (giltigTill.size() >= MAX_POSTER) {
        rensa(nu);
      }
      giltigTill.put(nyckel, nu.plus(TID));
    } else if (till != null) {
      giltigTill.remove(nyckel);
    }
    return stammer;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return encoder.upgradeEncoding(encodedPassword);
  }

  private void rensa(Instant nu) {
    for (Iterator<Instant> it = giltigTill.values().iterator(); it.hasNext(); ) {
      if (!nu.isBefore(it.next())) {
        it.remove();
      }
    }
    if (giltigTill.size() >= MAX_POSTER) {
      giltigTill.clear();
    }
  }

  private String nyckel(CharSequence losenord, String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(nyckel);
      mac.update(hash.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(losenord.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 saknas", e);
    }
  }
}
