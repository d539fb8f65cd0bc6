package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class LosenordsCacheTest {

  /** Real BCrypt, counting how often it is asked. */
  static final class RaknandeBcrypt implements PasswordEncoder {
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final AtomicInteger jamforelser = new AtomicInteger();

    @Override
    public String encode(CharSequence raw) {
      return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      jamforelser.incrementAndGet();
      return bcrypt.matches(raw, encoded);
    }
  }

  static final class Stallbar extends Clock {
    Instant nu = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return nu;
    }
  }

  final RaknandeBcrypt bcrypt = new RaknandeBcrypt();
  final Stallbar klocka = new Stallbar();
  final LosenordsCache cache = new LosenordsCache(bcrypt, klocka);

  @Test
  void ettRattLosenordHashasEnGangPerPeriod() {
    String hash = bcrypt.encode("demo");
    for (int i = 0; i < 20; i++) {
      assertThat(cache.matches("demo", hash)).isTrue();
    }
    assertThat(bcrypt.jamforelser).hasValue(1);

    klocka.nu = klocka.nu.plus(LosenordsCache.TID).minusSeconds(1);
    assertThat(cache.matches("demo", hash)).isTrue();
    assertThat(bcrypt.jamforelser).hasValue(1);

    klocka.nu = klocka.nu.plus(Duration.ofSeconds(1));
    assertThat(cache.matches("demo", hash)).isTrue();
    assertThat(bcrypt.jamforelser).as("efter perioden hashas det igen").hasValue(2);
  }

  @Test
  void ettFelLosenordGarAlltidTillBcrypt() {
    String hash = bcrypt.encode("demo");
    assertThat(cache.matches("demo", hash)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(cache.matches("Demo", hash)).isFalse();
    }
    assertThat(bcrypt.jamforelser).hasValue(4);
  }

  @Test
  void ettBytLosenordMatcharIngetSomMinns() {
    String gammal = bcrypt.encode("demo");
    assertThat(cache.matches("demo", gammal)).isTrue();
    String ny = bcrypt.encode("nytt-losenord");
    assertThat(cache.matches("demo", ny)).isFalse();
    assertThat(cache.matches("nytt-losenord", ny)).isTrue();
    assertThat(bcrypt.jamforelser).hasValue(3);
  }
}
