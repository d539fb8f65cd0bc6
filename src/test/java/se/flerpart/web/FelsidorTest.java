package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
