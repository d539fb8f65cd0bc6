package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.flerpart.Sidklient;

/**
 * Bad input never gets a 500: every address Flerpart's controllers answer, with every method it
 * takes, is sent what a careless or hostile client sends — an id that is no id or belongs to
 * nothing, query parameters that are not numbers, dates or codes, a control character, a body that
 * is no JSON, an empty or wrong JSON body, a form full of nonsense — by a user with many rights and
 * by an ordinary handläggare. Every answer must be a client error or a success, never a server
 * error, and every error Flerpart's own Swedish answer. The addresses come from Spring MVC's own
 * mappings, so a new endpoint is tried without being listed here.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flerpart.demo.arenden=false",
      // A context of its own: what the nonsense may have created stays out of other tests.
      "flerpart.test.kontext=IngetServerfelTest"
    })
class IngetServerfelTest {

  /** What the test leaves alone: the demo's clock and mail, Spring's own, logout. */
  private static final List<String> UTANFOR =
      List.of("/api/dev/", "/actuator", "/logout", "/error", "/v3/api-docs", "/swagger-ui");

  private static final List<String> SOKVAGSVARDEN =
      List.of(
          "x", UUID.randomUUID().toString(), "0", "-1", "99999999999999999999", "%C3%A5%00", "a.b");

  private static final List<String> PARAMETERVARDEN =
      List.of("x", "-1", "0", "99999999999999999999", "2026-13-45", "%00", "a".repeat(5_000));

  private static final List<String> JSONKROPPAR =
      List.of(
          "{",
          "{}",
          "[]",
          "null",
          "\"x\"",
          "{\"id\":\"x\",\"datum\":\"x\",\"tid\":\"x\",\"parter\":\"x\",\"svar\":1}",
          "{\"text\":\"a\\u0000b\"}",
          "[{\"a\":" + "[".repeat(2_000) + "]}");

  /** A form whose usual fields hold what they cannot hold, one of them 1 MB long. */
  private static final Map<String, String> NONSENS =
      Map.of(
          "id", "x",
          "datum", "x",
          "tid", "x",
          "beslut", "x",
          "parter", "x",
          "svar", "x",
          "sida", "-1",
          "text", "a".repeat(1 << 20));

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mvc;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void ingenAdressGerServerfelPaOgiltigIndata() throws Exception {
    Set<String> fel = new TreeSet<>();
    Set<String> osvenska = new TreeSet<>();
    int anrop = 0;
    for (String anvandare : List.of("admin", "anna")) {
      Sidklient sidor = Sidklient.inloggad(port, anvandare);
      for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mvc.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = e.getKey();
        for (String monster : info.getPatternValues()) {
          if (UTANFOR.stream().anyMatch(monster::startsWith)) {
            continue;
          }
          Set<RequestMethod> metoder = info.getMethodsCondition().getMethods();
          for (RequestMethod metod :
              metoder.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : metoder) {
            for (String sokvag : sokvagar(monster, e.getValue())) {
              for (Forsok forsok : forsok(metod.name(), sokvag)) {
                anrop++;
                Sidklient.Sida svar =
                    sokvag.startsWith("/api/") ? api(anvandare, forsok) : sida(sidor, forsok);
                String vad =
                    svar.status()
                        + " "
                        + anvandare
                        + " "
                        + forsok.metod()
                        + " "
                        + kort(forsok.sokvag())
                        + " "
                        + kort(forsok.kropp());
                if (svar.status() >= 500) {
                  fel.add(vad);
                } else if (svar.status() >= 400 && !svenskt(sokvag, svar.html())) {
                  osvenska.add(vad + " -> " + kort(svar.html()));
                }
              }
            }
          }
        }
      }
    }
    // Each of the two users sent every request (the handlers' parameters were all found).
    assertThat(anrop).as("antal anrop").isGreaterThan(2 * 3_000);
    assertThat(fel).as("serverfel på ogiltig indata").isEmpty();
    assertThat(osvenska).as("fel utan Flerparts svenska svar").isEmpty();
  }

  /**
   * Flerpart's own answer to an error: Swedish JSON with a {@code meddelande} under {@code /api},
   * elsewhere a Swedish page or (a calendar feed, a file) Swedish plain text — never Spring's
   * English problem details.
   */
  private static boolean svenskt(String sokvag, String kropp) {
    if (sokvag.startsWith("/api/")) {
      return kropp.startsWith("{") && kropp.contains("\"meddelande\":\"");
    }
    if (kropp.contains("<html")) {
      return kropp.contains("<html lang=\"sv\"");
    }
    return !kropp.startsWith("{") && !kropp.contains("about:blank");
  }

  private record Forsok(
      String metod, String sokvag, String typ, String kropp, Map<String, String> falt) {

    Forsok(String metod, String sokvag, String typ, String kropp) {
      this(metod, sokvag, typ, kropp, null);
    }
  }

  /**
   * The pattern with its variables filled in each way, and (with an id that belongs to nothing)
   * with each {@code @RequestParam} of the handler set to each bad value. The parameters' names
   * come from the compiled method ({@code -parameters}), as Spring MVC's own binding reads them.
   */
  private static List<String> sokvagar(String monster, HandlerMethod handler) {
    Set<String> ut = new LinkedHashSet<>();
    for (String varde : SOKVAGSVARDEN) {
      ut.add(fyll(monster, varde));
    }
    String sokvag = fyll(monster, UUID.randomUUID().toString());
    for (Parameter p : handler.getMethod().getParameters()) {
      RequestParam rp = p.getAnnotation(RequestParam.class);
      if (rp == null) {
        continue;
      }
      String namn = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : null;
      if (namn == null && p.isNamePresent()) {
        namn = p.getName();
      }
      if (namn == null) {
        continue;
      }
      for (String pv : PARAMETERVARDEN) {
        ut.add(
            sokvag
                + "?"
                + namn
                + "="
                + (pv.startsWith("%") ? pv : URLEncoder.encode(pv, StandardCharsets.UTF_8)));
      }
    }
    return new ArrayList<>(ut);
  }

  private static String fyll(String monster, String varde) {
    return monster.replaceAll("\\{\\*?[^}]+}", varde).replace("/**", "/" + varde);
  }

  private static List<Forsok> forsok(String metod, String sokvag) {
    List<Forsok> ut = new ArrayList<>();
    if (metod.equals("GET") || metod.equals("DELETE") || metod.equals("HEAD")) {
      ut.add(new Forsok(metod, sokvag, null, null));
      return ut;
    }
    if (sokvag.startsWith("/api/")) {
      for (String kropp : JSONKROPPAR) {
        ut.add(new Forsok(metod, sokvag, "application/json", kropp));
      }
      ut.add(new Forsok(metod, sokvag, "text/plain", "x"));
      ut.add(new Forsok(metod, sokvag, null, null));
    } else {
      ut.add(new Forsok(metod, sokvag, null, "", Map.of()));
      ut.add(new Forsok(metod, sokvag, null, "(nonsens, 1 MB)", NONSENS));
    }
    return ut;
  }

  private Sidklient.Sida api(String anvandare, Forsok f) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + f.sokvag()))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8)))
            .method(
                f.metod(),
                f.kropp() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(f.kropp()));
    if (f.typ() != null) {
      req.header("Content-Type", f.typ());
    }
    HttpResponse<String> svar =
        http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Sidklient.Sida(svar.statusCode(), svar.body(), null);
  }

  private static Sidklient.Sida sida(Sidklient sidor, Forsok f) {
    if (f.metod().equals("GET")) {
      return sidor.get(f.sokvag());
    }
    if (f.metod().equals("POST")) {
      return sidor.post(f.sokvag(), f.falt());
    }
    return new Sidklient.Sida(405, "", null);
  }

  private static String kort(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
  }
}
