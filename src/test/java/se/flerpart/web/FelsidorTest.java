package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.Sidklient;

/**
 * Unknown and refused addresses answer with Flerpart's own Swedish page in a browser and with
 * Swedish JSON to an API client, never Spring Boot's English whitelabel page or JSON.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class FelsidorTest {

  @LocalServerPort int port;

  @Test
  void enOkandSidaArFlerpartsEgnaSvenskaSida() throws Exception {
    for (String sokvag : new String[] {"/rapporter", "/finns/inte"}) {
      HttpResponse<String> svar = anrop("GET", sokvag, "text/html,application/xhtml+xml");
      assertThat(svar.statusCode()).isEqualTo(404);
      assertThat(svar.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("text/html");
      assertThat(svar.body())
          .contains("<html lang=\"sv\"")
          .contains("Hittades inte")
          .contains("Sidan finns inte")
          .doesNotContain("Whitelabel")
          .doesNotContain("Not Found");
    }
  }

  /**
   * The browser's icon for the tab, which every browser asks for (the login page's too): there,
   * without a login, instead of a 404 in the browser's console on every page.
   */
  @Test
  void ikonenFinnsUtanInloggning() throws Exception {
    HttpClient klient = HttpClient.newHttpClient();
    for (var ikon :
        Map.of("/favicon.ico", "image/x-icon", "/favicon.svg", "image/svg+xml").entrySet()) {
      HttpResponse<byte[]> svar =
          klient.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + ikon.getKey()))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(svar.statusCode()).as(ikon.getKey()).isEqualTo(200);
      assertThat(svar.headers().firstValue("Content-Type"))
          .as(ikon.getKey())
          .contains(ikon.getValue());
      assertThat(svar.body()).as(ikon.getKey()).isNotEmpty();
    }
    HttpResponse<String> login =
        klient.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.body())
        .contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">");
  }

  /**
   * An error page has the frame every page has: a logged-in user keeps the menu and sees who is
   * logged in, whether the page comes from an exception handler (an unknown address, a case that
   * does not exist, a page the user may not see) or from the error controller.
   */
  @Test
  void enFelsidaHarSammaRamSomAndraSidor() {
    Sidklient anna = Sidklient.inloggad(port, "anna");
    for (String sokvag :
        new String[] {"/finns/inte", "/arenden/" + UUID.randomUUID(), "/oversikt"}) {
      Sidklient.Sida sida = anna.get(sokvag);
      assertThat(sida.status()).as(sokvag).isIn(403, 404);
      harAnnasRam(sida.html(), sokvag);
    }
  }

  /** The frame of every page, as anna sees it: Swedish, styled, her name and part, the menu. */
  private static void harAnnasRam(String html, String sokvag) {
    assertThat(html)
        .as(sokvag)
        .contains("<html lang=\"sv\"")
        .contains("href=\"/css/flerpart.css\"")
        .contains("Anna Lind")
        .contains("Försäkringskassan")
        .contains("Logga ut")
        .contains("id=\"meny-mina-moten\"")
        .contains("Demoläge");
  }

  /**
   * A control character in a query or a form field stops the request before any controller with 400
   * and Flerpart's error page in the usual frame, naming the field; the heading fits a page asked
   * for and a form sent.
   */
  @Test
  void ettOtillatetTeckenFarEnFelsidaIRamen() {
    Sidklient anna = Sidklient.inloggad(port, "anna");
    Sidklient.Sida sok = anna.get("/uppgifter?sortering=%00");
    Sidklient.Sida formular = anna.post("/arenden", Map.of("kommentar", "a\u0000b"));
    Sidklient.Sida narstaende =
        anna.post("/arenden", Map.of("namn", "Vera", "narstaende[1].relation", "syster\u0007"));
    for (Sidklient.Sida sida : new Sidklient.Sida[] {sok, formular, narstaende}) {
      assertThat(sida.status()).isEqualTo(400);
      harAnnasRam(sida.html(), "");
    }
    assertThat(sok.html())
        .contains("Sidan kunde inte visas")
        .contains("Adressen eller formuläret innehåller ett otillåtet tecken (i sortering)")
        .doesNotContain("kunde inte sparas");
    // A form's field by the label the form shows, not by its technical name.
    assertThat(formular.html())
        .contains("Uppgifterna kunde inte sparas")
        .contains("Fältet ”Kommentar”: " + OtillatetTecken.MEDDELANDE)
        .contains("Gå tillbaka, rätta texten och försök igen.");
    assertThat(narstaende.html())
        .contains("Fältet ”Närstående 2, relation”: " + OtillatetTecken.MEDDELANDE)
        .doesNotContain("narstaende[1]");
  }

  /**
   * An address whose id is no id: the page says which field and what it should hold, under a
   * heading (and title) that fits a page asked for, in the usual frame; the API the same as JSON.
   */
  @Test
  void ettIdSomInteArEttIdNamnsIFelet() throws Exception {
    Sidklient.Sida sida = Sidklient.inloggad(port, "anna").get("/uppgifter/x");
    assertThat(sida.status()).isEqualTo(400);
    harAnnasRam(sida.html(), "/uppgifter/x");
    assertThat(sida.html())
        .contains("<title>Sidan kunde inte visas – Flerpart</title>")
        .contains("<h1>Sidan kunde inte visas</h1>")
        .contains("Fältet id ska vara ett heltal.")
        .doesNotContain("Failed to convert");

    HttpResponse<String> api = anrop("GET", "/api/uppgifter/x", "application/json");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("\"fel\":{\"id\":\"Fältet id ska vara ett heltal.\"}");
  }

  @Test
  void enApiklientFarSvenskJson() throws Exception {
    HttpResponse<String> okand = anrop("GET", "/api/finns-inte", "text/html");
    assertThat(okand.statusCode()).isEqualTo(404);
    assertThat(okand.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
    assertThat(okand.body())
        .contains("\"meddelande\":\"Sidan finns inte")
        .doesNotContain("Not Found");

    HttpResponse<String> metod = anrop("DELETE", "/api/uppgifter", "application/json");
    assertThat(metod.statusCode()).isEqualTo(405);
    assertThat(metod.body()).contains("\"meddelande\":\"Det går inte att göra så");

    // A control character in a query parameter: the field named in valid JSON, whatever the name.
    HttpResponse<String> nul = anrop("GET", "/api/uppgifter?a%5Cx%22=%00", "application/json");
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(nul.body())
                .path("fel")
                .path("a\\x\"")
                .asText())
        .isEqualTo(OtillatetTecken.MEDDELANDE);

    // A form post where JSON is taken.
    HttpResponse<String> typ = anrop("POST", "/api/arenden", "application/json");
    assertThat(typ.statusCode()).isEqualTo(415);
    assertThat(typ.body())
        .contains("\"meddelande\":\"Innehållet skickades i en form som adressen inte tar emot.")
        .contains("Skicka JSON (Content-Type: application/json).");
  }

  @Test
  void ettFormularUtanCsrfTokenFarEnSvenskForklaring() throws Exception {
    HttpResponse<String> svar = anrop("POST", "/arenden", "text/html");
    assertThat(svar.statusCode()).isEqualTo(403);
    assertThat(svar.body())
        .as(svar.body())
        .contains("Ingen behörighet")
        .contains("Ladda om sidan och försök igen")
        .doesNotContain("Forbidden");
  }

  /**
   * What Tomcat refuses before Flerpart sees it — a path that does not decode, an encoded NUL or
   * slash, a control character in a header, headers beyond the connector's limit — gets the same
   * Swedish answer, not Tomcat's English report. Sent over a socket: an HTTP client refuses to send
   * such requests at all.
   */
  @Test
  void detTomcatAvvisarFarSammaSvenskaSvar() throws Exception {
    String inloggning =
        "Authorization: Basic "
            + Base64.getEncoder().encodeToString("anna:demo".getBytes(StandardCharsets.UTF_8))
            + "\r\n";
    for (String rad :
        new String[] {
          "GET /api/arenden/%zz HTTP/1.1", "GET /api/arenden/..%2f..%2fetc HTTP/1.1",
        }) {
      RaSvar svar = skicka(rad + "\r\n" + inloggning);
      assertThat(svar.status()).as(rad).isEqualTo(400);
      assertThat(svar.rubriker().get("content-type")).as(rad).startsWith("application/json");
      assertThat(svar.kropp())
          .as(rad)
          .isEqualTo(
              "{\"status\":400,\"meddelande\":\"Begäran kunde inte läsas. Kontrollera uppgifterna"
                  + " och försök igen.\"}");
    }

    RaSvar nul = skicka("GET /uppgifter/%00 HTTP/1.1\r\n" + inloggning);
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.rubriker().get("content-type")).startsWith("text/html");
    assertThat(nul.kropp())
        .contains("<html lang=\"sv\">")
        .contains("Något gick fel")
        .contains("Begäran kunde inte läsas")
        .contains("href=\"/css/flerpart.css\"")
        .doesNotContain("HTTP Status")
        .doesNotContain("Bad Request");

    RaSvar styrtecken =
        skicka(
            "POST /api/arenden HTTP/1.1\r\n"
                + inloggning
                + "Idempotency-Key: ab\u0000cd\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n",
            "{}");
    assertThat(styrtecken.status()).isEqualTo(400);
    assertThat(styrtecken.kropp()).contains("\"meddelande\":\"Begäran kunde inte läsas");

    RaSvar storRubrik =
        skicka(
            "POST /api/arenden HTTP/1.1\r\n"
                + inloggning
                + "Idempotency-Key: "
                + "x".repeat(20_000)
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n",
            "{}");
    assertThat(storRubrik.status()).isEqualTo(400);
    assertThat(storRubrik.rubriker().get("content-type")).startsWith("application/json");
    assertThat(storRubrik.kropp()).contains("\"meddelande\":\"Begäran kunde inte läsas");
  }

  private record RaSvar(int status, Map<String, String> rubriker, String kropp) {}

  private RaSvar skicka(String borjan) throws IOException {
    return skicka(borjan, "");
  }

  /** One request over a socket of its own: the start line and headers as given, then the body. */
  private RaSvar skicka(String borjan, String kropp) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              (borjan + "Host: localhost\r\nConnection: close\r\n\r\n" + kropp)
                  .getBytes(StandardCharsets.ISO_8859_1));
      byte[] allt = socket.getInputStream().readAllBytes();
      String text = new String(allt, StandardCharsets.ISO_8859_1);
      int slut = text.indexOf("\r\n\r\n");
      String[] rader = text.substring(0, slut).split("\r\n");
      Map<String, String> rubriker = new LinkedHashMap<>();
      for (int i = 1; i < rader.length; i++) {
        int kolon = rader[i].indexOf(':');
        rubriker.put(
            rader[i].substring(0, kolon).toLowerCase(Locale.ROOT),
            rader[i].substring(kolon + 1).strip());
      }
      byte[] rest = Arrays.copyOfRange(allt, slut + 4, allt.length);
      if ("chunked".equalsIgnoreCase(rubriker.get("transfer-encoding"))) {
        rest = avkodaStycken(new ByteArrayInputStream(rest));
      }
      return new RaSvar(
          Integer.parseInt(rader[0].split(" ")[1]),
          rubriker,
          new String(rest, StandardCharsets.UTF_8));
    }
  }

  private static byte[] avkodaStycken(InputStream in) throws IOException {
    ByteArrayOutputStream ut = new ByteArrayOutputStream();
    while (true) {
      StringBuilder storlek = new StringBuilder();
      for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
        if (c != '\r') {
          storlek.append((char) c);
        }
      }
      int n = Integer.parseInt(storlek.toString().split(";")[0].strip(), 16);
      if (n == 0) {
        return ut.toByteArray();
      }
      ut.write(in.readNBytes(n));
      in.readNBytes(2);
    }
  }

  private HttpResponse<String> anrop(String metod, String sokvag, String accept) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + sokvag))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("anna:demo".getBytes(StandardCharsets.UTF_8)))
            .method(
                metod,
                "POST".equals(metod)
                    ? HttpRequest.BodyPublishers.ofString("skal=x")
                    : HttpRequest.BodyPublishers.noBody());
    if (accept != null) {
      req.header("Accept", accept);
    }
    if ("POST".equals(metod)) {
      req.header("Content-Type", "application/x-www-form-urlencoded");
    }
    return HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
  }
}
