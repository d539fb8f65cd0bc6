package se.flerpart.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.flerpart.arende.ArendeSteg;

/**
 * A lean API client that signs in once through the login form and then keeps the session cookie, as
 * a browser or an integration with a session does: no password is checked per request. Its JSON
 * posts carry the session's CSRF token in {@code X-CSRF-TOKEN}, read once from a page.
 */
final class Session {

  /**
   * @param etag the answer's {@code ETag}, or null
   */
  record Svar(int status, JsonNode kropp, String etag) {}

  private static final Pattern CSRF_FALT =
      Pattern.compile("name=\"_csrf\"\\s+(?:type=\"hidden\"\\s+)?value=\"([^\"]+)\"");
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String bas;
  private String csrf;

  private Session(int port) {
    this.bas = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A visitor without a login, e.g. an invitee following the answer link of a kallelse. */
  static Session utanInloggning(int port) {
    return new Session(port);
  }

  static Session inloggad(int port, String anvandare) {
    Session s = new Session(port);
    s.csrf = s.hittaToken(s.text("/login"), CSRF_FALT);
    String form =
        "username="
            + URLEncoder.encode(anvandare, StandardCharsets.UTF_8)
            + "&password=demo&_csrf="
            + URLEncoder.encode(s.csrf, StandardCharsets.UTF_8);
    HttpResponse<String> svar =
        s.skicka(
            HttpRequest.newBuilder(URI.create(s.bas + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    String plats = svar.headers().firstValue("Location").orElse("");
    if (svar.statusCode() != 302 || plats.contains("error")) {
      throw new IllegalStateException("Inloggningen som " + anvandare + " misslyckades");
    }
    s.csrf = s.hittaToken(s.text("/uppgifter"), CSRF_META);
    return s;
  }

  Svar get(String sokvag) {
    return get(sokvag, null);
  }

  /** A GET with {@code If-None-Match: etag} when {@code etag} is not null. */
  Svar get(String sokvag, String etag) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(bas + sokvag)).header("Accept", "application/json");
    if (etag != null) {
      b.header("If-None-Match", etag);
    }
    return json(b.GET().build());
  }

  Svar post(String sokvag, Object kropp) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(bas + sokvag))
              .header("Accept", "application/json")
              .header("Content-Type", "application/json");
      if (csrf != null) {
        b.header("X-CSRF-TOKEN", csrf);
      }
      return json(
          b.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(kropp))).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new case through {@code POST /api/arenden}, as the benchmarks create theirs: the same test
   * person, insats and needs, with {@code skal} as its goal.
   */
  Svar aktualisera(String skal) {
    return post("/api/arenden", ArendeSteg.aktualisering(skal, List.of("FK", "AF")));
  }

  private Svar json(HttpRequest request) {
    HttpResponse<String> svar = skicka(request);
    try {
      String kropp = svar.body();
      return new Svar(
          svar.statusCode(),
          kropp == null || kropp.isEmpty() ? JSON.nullNode() : JSON.readTree(kropp),
          svar.headers().firstValue("ETag").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(
          request.uri() + " svarade " + svar.statusCode() + ": " + svar.body(), e);
    }
  }

  private String text(String sokvag) {
    return skicka(HttpRequest.newBuilder(URI.create(bas + sokvag)).GET().build()).body();
  }

  private String hittaToken(String html, Pattern monster) {
    Matcher m = monster.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("Ingen CSRF-token på sidan");
    }
    return m.group(1);
  }

  /** Requests sent by every session of this JVM, so a benchmark can report requests per case. */
  static final java.util.concurrent.atomic.AtomicLong FORFRAGNINGAR =
      new java.util.concurrent.atomic.AtomicLong();

  private HttpResponse<String> skicka(HttpRequest request) {
    FORFRAGNINGAR.incrementAndGet();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
