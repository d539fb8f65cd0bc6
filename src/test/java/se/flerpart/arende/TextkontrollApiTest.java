package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;

/**
 * {@code POST /api/textkontroll} warns, without blocking, about a personnummer or a name in free
 * text, and the pages with such fields load the script that asks it and shows the warning.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class TextkontrollApiTest {

  @LocalServerPort int port;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  void namnOchPersonnummerGerSvenskaVarningar() {
    Svar svar =
        api.post(
            "anna",
            "/api/textkontroll",
            Map.of("text", "Samtal med Kalle Svensson, 19121212-1212, om arbetsträning."));
    assertThat(svar.status()).isEqualTo(200);
    assertThat(svar.kropp().get("varningar")).hasSize(2);
    assertThat(svar.kropp().get("varningar").get(0).get("typ").asText()).isEqualTo("PERSONNUMMER");
    assertThat(svar.kropp().get("varningar").get(1).get("typ").asText()).isEqualTo("NAMN");
    assertThat(svar.kropp().get("varningar").get(1).get("meddelande").asText())
        .contains("namn på en person")
        .contains("Kalle Svensson");

    Svar avvikelse =
        api.post(
            "petra",
            "/api/textkontroll",
            Map.of("text", "Dnr 191212121212 uteblev", "avvikelse", true));
    assertThat(avvikelse.kropp().get("varningar").get(0).get("meddelande").asText())
        .contains("En avvikelse får inte innehålla personnummer");

    Svar ren =
        api.post("anna", "/api/textkontroll", Map.of("text", "Behöver stöd med arbetsträning."));
    assertThat(ren.status()).isEqualTo(200);
    assertThat(ren.kropp().get("varningar")).isEmpty();
  }

  @Test
  void utanTextSvenskt400OchUtanInloggning401() {
    Svar utan = api.post("anna", "/api/textkontroll", Map.of("avvikelse", true));
    assertThat(utan.status()).isEqualTo(400);
    assertThat(utan.kropp().toString()).contains("text").contains("Texten att kontrollera saknas");
    Svar forLang = api.post("anna", "/api/textkontroll", Map.of("text", "a".repeat(20_001)));
    assertThat(forLang.status()).isEqualTo(400);
    assertThat(api.post(null, "/api/textkontroll", Map.of("text", "Anna")).status()).isIn(401, 403);
  }

  @Test
  void sidornaMedFritextLaddarKontrollen() {
    Sidklient anna = Sidklient.inloggad(port, "anna");
    Sidklient.Sida ny = anna.get("/arenden/ny");
    assertThat(ny.html()).contains("data-textkontroll=\"skal\"").contains("/js/textkontroll.js");
    Sidklient.Sida avvikelse = anna.get("/avvikelser/ny");
    assertThat(avvikelse.html())
        .contains("data-textkontroll=\"avvikelse\"")
        .contains("/js/textkontroll.js");
    // The script itself is served (script-src 'self').
    assertThat(anna.get("/js/textkontroll.js").html()).contains("/api/textkontroll");
  }
}
