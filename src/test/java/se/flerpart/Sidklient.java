package se.flerpart;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Uses Flerpart's pages as a browser does: logs in through the login form, keeps the session
 * cookie, and posts forms with the CSRF token of the last page it read. Redirects are not followed,
 * so a test sees where a form sends the user.
 */
public final class Sidklient {

  /** A page or a redirect: status, body, and the {@code Location} of a redirect. */
  public record Sida(int status, String html, String plats) {}

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+(?:type=\"hidden\"\\s+)?value=\"([^\"]+)\"");
  private static final Pattern CSRF_META =
      Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final HttpClient http;
  private final CookieManager kakor;
  private final String bas;
  private String csrf;

  private Sidklient(int port) {
    this.bas = "http://localhost:" + port;
    this.kakor = new CookieManager();
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(kakor)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The same session (its cookie) against another instance on {@code port} of localhost. */
  public Sidklient mot(int port) {
    return new Sidklient(this, port);
  }

  private Sidklient(Sidklient session, int port) {
    this.bas = "http://localhost:" + port;
    this.http = session.http;
    this.kakor = session.kakor;
    this.csrf = session.csrf;
  }

  /** The session's cookies as a {@code Cookie} header holds them, for a client of its own. */
  public String kakor() {
    return String.join(
        "; ", kakor.getCookieStore().getCookies().stream().map(Object::toString).toList());
  }

  /** A session of a demo user (password {@code demo}), logged in through the login form. */
  public static Sidklient inloggad(int port, String anvandare) {
    Sidklient klient = new Sidklient(port);
    klient.get("/login");
    Sida svar = klient.post("/login", Map.of("username", anvandare, "password", "demo"));
    if (svar.status() != 302 || svar.plats() == null || svar.plats().contains("error")) {
      throw new AssertionError("Inloggningen som " + anvandare + " misslyckades: " + svar);
    }
    return klient;
  }

  public Sida get(String sokvag) {
    return skicka(HttpRequest.newBuilder(URI.create(bas + sokvag)).GET().build());
  }

  /** A form post, with the CSRF token of the last page read; a list value repeats the field. */
  public Sida post(String sokvag, Map<String, ?> falt) {
    if (csrf == null) {
      get("/");
    }
    String kropp =
        falt.entrySet().stream()
                .flatMap(
                    e ->
                        (e.getValue() instanceof List<?> lista ? lista : List.of(e.getValue()))
                            .stream().map(v -> kodad(e.getKey()) + "=" + kodad(String.valueOf(v))))
                .collect(Collectors.joining("&"))
            + (csrf == null ? "" : "&_csrf=" + kodad(csrf));
    return skicka(
        HttpRequest.newBuilder(URI.create(bas + sokvag))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(kropp))
            .build());
  }

  /** A form post whose answer is a file. */
  public HttpResponse<byte[]> postFil(String sokvag, Map<String, ?> falt) {
    String kropp =
        falt.entrySet().stream()
                .map(e -> kodad(e.getKey()) + "=" + kodad(String.valueOf(e.getValue())))
                .collect(Collectors.joining("&"))
            + "&_csrf="
            + kodad(csrf);
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(bas + sokvag))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(kropp))
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A form with a file field ({@code multipart/form-data}), with the CSRF token of the last page
   * read.
   */
  public Sida postFilfalt(String sokvag, String falt, String filnamn, String typ, byte[] fil) {
    String grans = "----flerpart" + System.nanoTime();
    java.io.ByteArrayOutputStream kropp = new java.io.ByteArrayOutputStream();
    String csrfDel =
        "--" + grans + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
    String filDel =
        "--"
            + grans
            + "\r\nContent-Disposition: form-data; name=\""
            + falt
            + "\"; filename=\""
            + filnamn
            + "\"\r\nContent-Type: "
            + typ
            + "\r\n\r\n";
    kropp.writeBytes(csrfDel.getBytes(StandardCharsets.UTF_8));
    kropp.writeBytes(filDel.getBytes(StandardCharsets.UTF_8));
    kropp.writeBytes(fil);
    kropp.writeBytes(("\r\n--" + grans + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return skicka(
        HttpRequest.newBuilder(URI.create(bas + sokvag))
            .header("Content-Type", "multipart/form-data; boundary=" + grans)
            .POST(HttpRequest.BodyPublishers.ofByteArray(kropp.toByteArray()))
            .build());
  }

  private Sida skicka(HttpRequest request) {
    try {
      HttpResponse<String> svar =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String html = svar.body();
      Matcher m = CSRF.matcher(html);
      Matcher meta = CSRF_META.matcher(html);
      if (m.find()) {
        csrf = m.group(1);
      } else if (meta.find()) {
        csrf = meta.group(1);
      }
      return new Sida(svar.statusCode(), html, svar.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String kodad(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
