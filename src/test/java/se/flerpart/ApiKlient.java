package se.flerpart;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Talks to a running Flerpart over its REST API as one of the demo users (HTTP Basic). */
public final class ApiKlient {

  public record Svar(int status, JsonNode kropp, HttpHeaders rubriker) {

    public Svar(int status, JsonNode kropp) {
      this(status, kropp, HttpHeaders.EMPTY);
    }

    /**
     * How many match in all, from {@code X-Totalt-Antal}; -1 when the answer has no such header.
     */
    public long totalt() {
      String varde = rubriker.getFirst("X-Totalt-Antal");
      return varde == null ? -1 : Long.parseLong(varde);
    }
  }

  private final RestClient http;
  private final ObjectMapper json = new ObjectMapper();

  public ApiKlient(int port) {
    this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
  }

  /** The underlying client, for what is not JSON (CSV, PDF, Excel). */
  public RestClient http() {
    return http;
  }

  public Svar get(String anvandare, String sokvag) {
    return anrop(anvandare, "GET", sokvag, null);
  }

  public Svar post(String anvandare, String sokvag, Object kropp) {
    return anrop(anvandare, "POST", sokvag, kropp);
  }

  public Svar anrop(String anvandare, String metod, String sokvag, Object kropp) {
    return anrop(anvandare, metod, sokvag, kropp, Map.of());
  }

  /** As {@link #anrop(String, String, String, Object)}, with extra request headers. */
  public Svar anrop(
      String anvandare, String metod, String sokvag, Object kropp, Map<String, String> rubriker) {
    var spec =
        http.method(org.springframework.http.HttpMethod.valueOf(metod))
            .uri(sokvag)
            .accept(MediaType.APPLICATION_JSON);
    for (var rubrik : rubriker.entrySet()) {
      spec = spec.header(rubrik.getKey(), rubrik.getValue());
    }
    if (anvandare != null) {
      spec =
          spec.header(
              HttpHeaders.AUTHORIZATION,
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString((anvandare + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    if (kropp != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(kropp);
    }
    return spec.exchange(
        (req, res) -> {
          byte[] bytes = res.getBody().readAllBytes();
          JsonNode node = bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
          return new Svar(res.getStatusCode().value(), node, res.getHeaders());
        });
  }

  /** Registers an aktualisering as the user and returns the new case's id. */
  public String aktualisera(String anvandare, Map<String, Object> aktualisering) {
    Svar svar = post(anvandare, "/api/arenden", aktualisering);
    if (svar.status() != 201) {
      throw new AssertionError("Aktualiseringen gick inte igenom: " + svar);
    }
    return svar.kropp().path("id").asText();
  }

  /** Waits until the user's view holds an open task of the case with that element id. */
  public JsonNode vantaPaUppgift(String anvandare, String vy, String arendeId, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(150))
        .until(() -> hittaUppgift(anvandare, vy, arendeId, elementId), Optional::isPresent)
        .orElseThrow();
  }

  public Optional<JsonNode> hittaUppgift(
      String anvandare, String vy, String arendeId, String elementId) {
    return stream(get(anvandare, "/api/uppgifter?vy=" + vy).kropp())
        .filter(u -> arendeId.equals(u.path("arendeId").asText()))
        .filter(u -> elementId.equals(u.path("elementId").asText()))
        .findFirst();
  }

  public Svar slutfor(String anvandare, JsonNode uppgift, Map<String, Object> variabler) {
    return post(anvandare, "/api/uppgifter/" + uppgift.path("id").asText() + "/slutfor", variabler);
  }

  public JsonNode arende(String anvandare, String id) {
    return get(anvandare, "/api/arenden/" + id).kropp();
  }

  /** Waits for a mail to arrive at the embedded SMTP server and returns it. */
  public JsonNode vantaPaMail(Predicate<JsonNode> villkor) {
    return vantaPaMail(villkor, Duration.ofSeconds(60));
  }

  /** As above, waiting at most {@code hogst}. */
  public JsonNode vantaPaMail(Predicate<JsonNode> villkor, Duration hogst) {
    return await()
        .atMost(hogst)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> stream(get("admin", "/api/dev/mail").kropp()).filter(villkor).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  public static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  public static Predicate<JsonNode> mailTill(String epost, String amneInnehaller) {
    return m ->
        stream(m.path("till")).anyMatch(t -> t.asText().equals(epost))
            && m.path("amne").asText().contains(amneInnehaller);
  }
}
