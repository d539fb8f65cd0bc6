package se.flerpart.mote;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sakerhet.Kryptering;

/**
 * The personal calendar feed: one secret token per user, in its URL. The token is looked up by its
 * HMAC and kept encrypted for the owner's page; it is never logged. A wrong and a revoked token
 * look the same: no owner.
 */
@Service
class Kalenderflode {

  private static final SecureRandom SLUMP = new SecureRandom();

  private final JdbcClient jdbc;
  private final Kryptering kryptering;
  private final AnvandareRepository anvandare;
  private final Clock klocka;
  private final String basUrl;

  Kalenderflode(
      JdbcClient jdbc,
      Kryptering kryptering,
      AnvandareRepository anvandare,
      Clock klocka,
      @Value("${flerpart.bas-url}") String basUrl) {
    this.jdbc = jdbc;
    this.kryptering = kryptering;
    this.anvandare = anvandare;
    this.klocka = klocka;
    this.basUrl = basUrl.endsWith("/") ? basUrl.substring(0, basUrl.length() - 1) : basUrl;
  }

  /** The user's feed URL, creating the token on the first call. */
  @Transactional
  public String url(String anvandareId) {
    return befintlig(anvandareId).orElseGet(() -> skapa(anvandareId));
  }

  /** The user's feed URL if there is one. */
  public Optional<String> befintlig(String anvandareId) {
    return jdbc.sql("select token_krypterad from kalenderflode where anvandare_id = ?")
        .param(anvandareId)
        .query(String.class)
        .optional()
        .map(k -> adress(kryptering.dekrypteraText(k)));
  }

  /** Revokes the user's feed; the old URL answers 404 from now on. */
  @Transactional
  public void aterkalla(String anvandareId) {
    jdbc.sql("delete from kalenderflode where anvandare_id = ?").param(anvandareId).update();
  }

  /** The active user who owns the token, or empty for a wrong or revoked token. */
  public Optional<String> agare(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("select anvandare_id from kalenderflode where token_hash = ?")
        .param(kryptering.hmac(token))
        .query(String.class)
        .optional()
        .filter(id -> anvandare.konto(id).map(AnvandareRepository.Konto::aktiv).orElse(false));
  }

  private String skapa(String anvandareId) {
    byte[] slump = new byte[32];
    SLUMP.nextBytes(slump);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(slump);
    int rader =
        jdbc.sql(
                "insert into kalenderflode (anvandare_id, token_hash, token_krypterad, skapad)"
                    + " values (?, ?, ?, ?) on conflict (anvandare_id) do nothing")
            .params(
                anvandareId,
                kryptering.hmac(token),
                kryptering.krypteraText(token),
                Timestamp.from(klocka.instant()))
            .update();
    // Two first calls at once: the one that was stored wins, both answer its URL.
    return rader == 1 ? adress(token) : befintlig(anvandareId).orElseThrow();
  }

  private String adress(String token) {
    return basUrl + "/kalender/" + token + ".ics";
  }
}
