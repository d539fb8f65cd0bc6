package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.Sidklient;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.ArendeOmfang;

/**
 * The person in the case: entered at aktualisering, encrypted at rest, shown and audited only
 * inside the consent scope, changed by the ärendebärare, and offered as invitees to the meeting.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class IndividApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ArendeOmfang omfang;
  @Autowired AnvandareRepository anvandare;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  private static Map<String, Object> aktualisering(String personnummer, String namn) {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", personnummer);
    a.put("insats", "flerpartssamverkan");
    a.put("skal", "Lång sjukskrivning");
    a.put("behov", List.of("FK", "AF"));
    a.put("namn", namn);
    a.put("adress", "Storgatan 1, 753 20 Uppsala");
    a.put("telefon", "070-123 45 67");
    a.put("epost", "individ@example.se");
    a.put("sprak", "arabiska");
    a.put("tolk", true);
    a.put(
        "narstaende",
        List.of(
            Map.of(
                "namn", "Omar Haddad",
                "relation", "bror",
                "telefon", "+46 70 111 22 33",
                "epost", "omar@example.se")));
    a.put("godMan", Map.of("namn", "Greta Gode", "telefon", "018-12 34 56"));
    return a;
  }

  private int granskning(String arendeId, String vem, String handling) {
    return jdbc.sql(
            "select count(*) from granskningslogg where arende_id = ?::uuid and anvandare_id = ?"
                + " and handling = ?")
        .params(arendeId, vem, handling)
        .query(Integer.class)
        .single();
  }

  private JsonNode uppgiftI(String vem, String vy, String arendeId) {
    return ApiKlient.stream(api.get(vem, "/api/uppgifter?vy=" + vy).kropp())
        .filter(u -> arendeId.equals(u.path("arendeId").asText()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "Givet en aktualisering med alla uppgifter om personen så sparas de krypterade, visas inom"
          + " samtycket med en rad i granskningsloggen per läsning, och aldrig för processledaren"
          + " eller en part utanför samtycket")
  void uppgifternaVisasBaraInomSamtycket() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212", "Leila Anna-Karin Haddad"));

    // At rest nothing is readable.
    String lagrat =
        jdbc.sql(
                "select namn_krypterat || uppgifter_krypterat || array_to_string(namnord_hash, ',')"
                    + " from arende_individ where arende_id = ?::uuid")
            .param(id)
            .query(String.class)
            .single();
    assertThat(lagrat)
        .doesNotContainIgnoringCase("haddad")
        .doesNotContain("individ@example.se", "Storgatan", "070");

    // The referrer reads all of it, and each read is audited once.
    int fore = granskning(id, "anna", ArendeAtkomst.LAS_PERSONUPPGIFTER);
    JsonNode individ = api.arende("anna", id).path("individ");
    assertThat(individ.path("namn").asText()).isEqualTo("Leila Anna-Karin Haddad");
    assertThat(individ.path("adress").asText()).isEqualTo("Storgatan 1, 753 20 Uppsala");
    assertThat(individ.path("telefon").asText()).isEqualTo("070-123 45 67");
    assertThat(individ.path("epost").asText()).isEqualTo("individ@example.se");
    assertThat(individ.path("sprak").asText()).isEqualTo("arabiska");
    assertThat(individ.path("tolk").asBoolean()).isTrue();
    assertThat(individ.path("narstaende").get(0).path("namn").asText()).isEqualTo("Omar Haddad");
    assertThat(individ.path("narstaende").get(0).path("relation").asText()).isEqualTo("bror");
    assertThat(individ.path("narstaende").get(0).path("epost").asText())
        .isEqualTo("omar@example.se");
    assertThat(individ.path("godMan").path("namn").asText()).isEqualTo("Greta Gode");
    assertThat(granskning(id, "anna", ArendeAtkomst.LAS_PERSONUPPGIFTER)).isEqualTo(fore + 1);
    api.arende("anna", id);
    assertThat(granskning(id, "anna", ArendeAtkomst.LAS_PERSONUPPGIFTER)).isEqualTo(fore + 2);

    // In the task list and the case list the name, one audit row per list read.
    api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    int namnFore = granskning(id, "anna", ArendeAtkomst.LAS_NAMN);
    assertThat(uppgiftI("anna", "mina", id).path("individ").asText())
        .isEqualTo("Leila Anna-Karin Haddad");
    assertThat(granskning(id, "anna", ArendeAtkomst.LAS_NAMN)).isEqualTo(namnFore + 1);
    JsonNode iListan =
        ApiKlient.stream(api.get("anna", "/api/arenden").kropp())
            .filter(a -> id.equals(a.path("id").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(iListan.path("individnamn").asText()).isEqualTo("Leila Anna-Karin Haddad");
    assertThat(iListan.has("individ")).isFalse();
    assertThat(granskning(id, "anna", ArendeAtkomst.LAS_NAMN)).isEqualTo(namnFore + 2);
    // The task list page shows it under the case number, and logs it; not to the processledare.
    assertThat(Sidklient.inloggad(port, "anna").get("/uppgifter?vy=mina").html())
        .contains("Leila Anna-Karin Haddad");
    assertThat(granskning(id, "anna", ArendeAtkomst.LAS_NAMN)).isEqualTo(namnFore + 3);
    assertThat(Sidklient.inloggad(port, "petra").get("/uppgifter?vy=alla").html())
        .doesNotContain("Haddad");
    // Found by a word of the name in the list's search (the start of a word, any case).
    assertThat(
            ApiKlient.stream(api.get("anna", "/api/uppgifter?vy=mina&sok=hadd").kropp())
                .map(u -> u.path("arendeId").asText()))
        .contains(id);
    assertThat(
            ApiKlient.stream(api.get("anna", "/api/uppgifter?vy=mina&sok=addad").kropp())
                .map(u -> u.path("arendeId").asText()))
        .doesNotContain(id);

    // Consent for FK and REGION: AF (bengt, in the beredningsgrupp) sees the case, not the
    // person; neither does the processledare. Neither read is logged.
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(
            api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "REGION"), false))
                .status())
        .isEqualTo(200);
    api.vantaPaUppgift("petra", "alla", id, "bered-arende");
    for (String vem : List.of("petra", "bengt")) {
      Svar svar = api.get(vem, "/api/arenden/" + id);
      assertThat(svar.status()).as(vem).isEqualTo(200);
      assertThat(svar.kropp().has("individ")).as(vem).isFalse();
      assertThat(svar.kropp().has("individnamn")).as(vem).isFalse();
      assertThat(svar.kropp().toString()).as(vem).doesNotContain("Haddad");
      assertThat(api.get(vem, "/api/arenden").kropp().toString()).as(vem).doesNotContain("Haddad");
      assertThat(api.get(vem, "/api/uppgifter?vy=alla").kropp().toString())
          .as(vem)
          .doesNotContain("Haddad");
      assertThat(api.get(vem, "/api/uppgifter?vy=grupp").kropp().toString())
          .as(vem)
          .doesNotContain("Haddad");
      assertThat(
              jdbc.sql(
                      "select count(*) from granskningslogg where arende_id = ?::uuid"
                          + " and anvandare_id = ?")
                  .params(id, vem)
                  .query(Integer.class)
                  .single())
          .as(vem)
          .isZero();
      assertThat(
              omfang.arendenMedNamn(
                  anvandare.hitta(vem).orElseThrow(), "haddad", List.of(UUID.fromString(id))))
          .as(vem)
          .isEmpty();
    }
    // REGION, now inside, reads the name in the task list.
    int davidFore = granskning(id, "david", ArendeAtkomst.LAS_NAMN);
    assertThat(uppgiftI("david", "grupp", id).path("individ").asText())
        .isEqualTo("Leila Anna-Karin Haddad");
    assertThat(granskning(id, "david", ArendeAtkomst.LAS_NAMN)).isEqualTo(davidFore + 1);

    // Search by name: any word from its start, case-insensitive; not from its middle.
    Anvandare anna = anvandare.hitta("anna").orElseThrow();
    List<UUID> bland = List.of(UUID.fromString(id), UUID.randomUUID());
    for (String sok : List.of("HAD", "leila", "karin", "anna-k", "lei had", "  Haddad ")) {
      assertThat(omfang.arendenMedNamn(anna, sok, bland))
          .as(sok)
          .containsExactly(UUID.fromString(id));
    }
    for (String sok : List.of("addad", "omar", "leila x", "", "haddadd")) {
      assertThat(omfang.arendenMedNamn(anna, sok, bland)).as(sok).isEmpty();
    }
    assertThat(omfang.arendenMedNamn(anna, "haddad", List.of(UUID.randomUUID()))).isEmpty();
  }

  @Test
  @DisplayName(
      "Givet felaktig e-post, telefon, närstående utan namn och god man utan namn så svarar API:t"
          + " 400 med fältens etiketter och inget ärende registreras")
  void felaktigaUppgifterGerFaltfelOchInget() {
    int fore = jdbc.sql("select count(*) from arende").query(Integer.class).single();
    Map<String, Object> a = aktualisering("19121212-1212", "Sam Fel");
    a.put("epost", "inte-en-adress");
    a.put("telefon", "ring mig");
    a.put("narstaende", List.of(Map.of("relation", "mamma", "epost", "mamma@")));
    a.put("godMan", Map.of("telefon", "018"));
    a.put("sprak", "x".repeat(101));
    Svar svar = api.post("anna", "/api/arenden", a);
    assertThat(svar.status()).isEqualTo(400);
    JsonNode fel = svar.kropp().path("fel");
    assertThat(fel.path("epost").asText()).startsWith("E-post:").contains("giltig e-postadress");
    assertThat(fel.path("telefon").asText()).startsWith("Telefon:").contains("siffror");
    assertThat(fel.path("narstaende[0].namn").asText()).isEqualTo("Närstående 1: namn saknas");
    assertThat(fel.path("narstaende[0].epost").asText()).startsWith("Närstående 1: e-post");
    assertThat(fel.path("godMan.namn").asText()).isEqualTo("God man: namn saknas");
    assertThat(fel.path("godMan.telefon").asText()).startsWith("God man: telefon");
    assertThat(fel.path("sprak").asText()).isEqualTo("Språk: högst 100 tecken");
    assertThat(svar.kropp().toString()).doesNotContain("inte-en-adress", "ring mig");
    assertThat(jdbc.sql("select count(*) from arende").query(Integer.class).single())
        .isEqualTo(fore);

    // A NUL in the name is refused too, not stored.
    Map<String, Object> nul = aktualisering("19121212-1212", "Sam\u0000Fel");
    Svar nulSvar = api.post("anna", "/api/arenden", nul);
    assertThat(nulSvar.status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from arende").query(Integer.class).single())
        .isEqualTo(fore);

    // Without anything about the person the case is registered as before, with no row.
    Map<String, Object> utan =
        Map.of("personnummer", "19121212-1212", "insats", "flerpartssamverkan", "skal", "Behov");
    String id = api.aktualisera("anna", utan);
    assertThat(
            jdbc.sql("select count(*) from arende_individ where arende_id = ?::uuid")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(api.arende("anna", id).path("individ").path("namn").isMissingNode()).isTrue();
  }

  @Test
  @DisplayName(
      "Givet ett beviljat ärende så ändrar ärendebäraren uppgifterna om personen, andra får 403,"
          + " ogiltiga ändringar ändrar inget, och kallelsen erbjuder personen, närstående och god"
          + " man som kallade")
  void arendebararenAndrarOchKallelsenErbjuderPersonerna() {
    String id = api.aktualisera("anna", aktualisering("19121212-1212", "Leila Haddad"));
    String url = "/api/arenden/" + id + "/individ";
    // Before beredning the referring handläggare may complete it.
    Map<String, Object> ny = new HashMap<>(aktualisering(null, "Leila Haddad Berg"));
    ny.remove("personnummer");
    Svar fore = api.anrop("anna", "PUT", url, ny);
    assertThat(fore.status()).as(fore.toString()).isEqualTo(200);
    assertThat(fore.kropp().path("individ").path("namn").asText()).isEqualTo("Leila Haddad Berg");

    ArendeSteg.beviljat(api, id, "anna", List.of("FK", "AF"), false, "anna");
    ny.put("namn", "Leila Berg");
    ny.put("epost", "leila.berg@example.se");
    for (String vem : List.of("bengt", "petra", "david")) {
      Svar nekad = api.anrop(vem, "PUT", url, ny);
      assertThat(nekad.status()).as(vem).isEqualTo(403);
    }
    ny.put("telefon", "070 abc");
    Svar ogiltig = api.anrop("anna", "PUT", url, ny);
    assertThat(ogiltig.status()).isEqualTo(400);
    assertThat(ogiltig.kropp().path("fel").path("telefon").asText()).startsWith("Telefon:");
    assertThat(api.arende("anna", id).path("individ").path("namn").asText())
        .isEqualTo("Leila Haddad Berg");

    ny.put("telefon", "070-765 43 21");
    Svar andrad = api.anrop("anna", "PUT", url, ny);
    assertThat(andrad.status()).isEqualTo(200);
    JsonNode individ = api.arende("anna", id).path("individ");
    assertThat(individ.path("namn").asText()).isEqualTo("Leila Berg");
    assertThat(individ.path("telefon").asText()).isEqualTo("070-765 43 21");
    assertThat(api.arende("anna", id).path("historik").toString())
        .contains("Uppgifterna om personen ändrade")
        .doesNotContain("Leila");

    // The kallelse starts with the person, the närstående and the god man as invitees.
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    JsonNode data =
        api.get("anna", "/api/uppgifter/" + kallelse.path("id").asText() + "/formular")
            .kropp()
            .path("data");
    List<String> kallade =
        ApiKlient.stream(data.path("deltagare"))
            .map(
                d ->
                    d.path("roll").asText()
                        + " "
                        + d.path("namn").asText()
                        + " "
                        + d.path("epost").asText("-")
                        + " "
                        + d.path("saknarEpost").asBoolean())
            .toList();
    assertThat(kallade)
        .containsExactly(
            "INDIVID Leila Berg leila.berg@example.se false",
            "NARSTAENDE Omar Haddad omar@example.se false",
            "GOD_MAN Greta Gode - true");
    assertThat(data.path("tolkSprak").asText()).isEqualTo("arabiska");

    // The ärendebärare changes nothing once the case is closed.
    assertThat(
            api.post("anna", "/api/arenden/" + id + "/avbryt", Map.of("orsak", "Flyttat")).status())
        .isEqualTo(200);
    assertThat(api.anrop("anna", "PUT", url, ny).status()).isEqualTo(409);
  }
}
