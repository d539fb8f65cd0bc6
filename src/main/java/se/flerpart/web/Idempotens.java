package se.flerpart.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Makes a create request safe to retry: with an {@code Idempotency-Key} header, the first request
 * creates and records its result under the key in the same transaction; a repeat with the same key
 * (and the same request) gets that result back and creates nothing. A concurrent repeat waits for
 * the first to commit or roll back. A request that fails (bad input) records nothing, so the
 * corrected request may reuse the key. Keys are kept for {@link #GILTIGHET}.
 */
@Component
public class Idempotens {

  public static final String RUBRIK = "Idempotency-Key";

  public static final Duration GILTIGHET = Duration.ofHours(24);

  private static final Pattern GILTIG_NYCKEL = Pattern.compile("[\\x21-\\x7E]{1,200}");

  /** What a create gave: the id, and whether this request made it or repeats an earlier one. */
  public record Resultat(UUID id, boolean upprepad) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaktion;
  private final ObjectMapper json;
  private final Clock klocka;

  public Idempotens(
      JdbcClient jdbc, TransactionTemplate transaktion, ObjectMapper json, Clock klocka) {
    this.jdbc = jdbc;
    this.transaktion = transaktion;
    this.json = json;
    this.klocka = klocka;
  }

  /**
   * Runs {@code skapa} once per key: without a key (null) every call creates. {@code begaran} is
   * the request as read; the same key with a different request is refused (422).
   */
  public Resultat skapa(
      String anvandare, String resurs, String nyckel, Object begaran, Supplier<UUID> skapa) {
    if (nyckel == null) {
      return new Resultat(skapa.get(), false);
    }
    if (!GILTIG_NYCKEL.matcher(nyckel).matches()) {
      throw new ValideringsFel(
          RUBRIK, RUBRIK + " ska vara 1–200 synliga tecken (bokstäver, siffror, - och liknande).");
    }
    String nyckelHash = sha256(nyckel);
    String begaranHash = sha256(serialisera(begaran));
    return transaktion.execute(
        status -> {
          var nu = klocka.instant();
          jdbc.sql("delete from idempotens where anvandare = ? and resurs = ? and skapad < ?")
              .params(anvandare, resurs, Timestamp.from(nu.minus(GILTIGHET)))
              .update();
          int ny =
              jdbc.sql(
                      "insert into idempotens (anvandare, resurs, nyckel, begaran, skapad)"
                          + " values (?, ?, ?, ?, ?) on conflict do nothing")
                  .params(anvandare, resurs, nyckelHash, begaranHash, Timestamp.from(nu))
                  .update();
          if (ny == 0) {
            var tidigare =
                jdbc.sql(
                        "select begaran, resultat_id from idempotens"
                            + " where anvandare = ? and resurs = ? and nyckel = ?")
                    .params(anvandare, resurs, nyckelHash)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
                    .single();
            if (!begaranHash.equals(tidigare[0])) {
              throw new ResponseStatusException(
                  HttpStatus.UNPROCESSABLE_ENTITY,
                  RUBRIK
                      + " har redan använts för en annan begäran. Skicka en ny nyckel för en ny"
                      + " begäran.");
            }
            return new Resultat((UUID) tidigare[1], true);
          }
          UUID id = skapa.get();
          jdbc.sql(
                  "update idempotens set resultat_id = ?"
                      + " where anvandare = ? and resurs = ? and nyckel = ?")
              .params(id, anvandare, resurs, nyckelHash)
              .update();
          return new Resultat(id, false);
        });
  }

  private String serialisera(Object begaran) {
    try {
      return json.writeValueAsString(begaran);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Begäran kunde inte serialiseras", e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
