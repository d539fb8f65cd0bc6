package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.arende.ArendeSteg;

/**
 * Drafts of task forms over the REST API: only the one who may complete the task writes one, only
 * its writer reads it back (and each read is audited), Slutför and gallring remove it, and what is
 * not a JSON object of a sensible size is refused with a Swedish message.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class UtkastApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired UppgiftGallring gallring;
  @Autowired UtkastRepository utkastRepository;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  @Test
  void utkastetLasesBaraAvDenSomHarUppgiftenOchForsvinnerVidSlutfor() {
    String arendeId = aktualisera();
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    String sokvag = "/api/uppgifter/" + samtycke.path("id").asText() + "/utkast";

    assertThat(api.get("anna", sokvag).status()).isEqualTo(404);
    assertThat(api.get("anna", sokvag).kropp().path("meddelande").asText())
        .isEqualTo("Det finns inget utkast till uppgiften.");

    Svar sparat = api.anrop("anna", "PUT", sokvag, Map.of("samtycke", "JA", "antal", 3));
    assertThat(sparat.status()).isEqualTo(200);
    assertThat(sparat.kropp().path("meddelande").asText()).matches("Utkast sparat \\d\\d:\\d\\d");
    long loggFore = granskningar(arendeId, "anna");
    Svar last = api.get("anna", sokvag);
    assertThat(last.status()).isEqualTo(200);
    assertThat(last.kropp().path("samtycke").asText()).isEqualTo("JA");
    assertThat(last.kropp().path("antal").asInt()).isEqualTo(3);
    assertThat(granskningar(arendeId, "anna"))
        .as("läsningen granskningsloggas")
        .isEqualTo(loggFore + 1);

    // At rest the draft is encrypted: neither the values nor the keys are readable in the table.
    String lagrat =
        jdbc.queryForObject(
            "select coalesce(data::text, '') || coalesce(data_krypterat, '') from uppgift_utkast"
                + " where uppgift_id = ?",
            String.class,
            samtycke.path("id").asLong());
    assertThat(lagrat).isNotBlank().doesNotContain("samtycke").doesNotContain("\"");

    // A draft saved before drafts were encrypted is encrypted at start and still read back.
    jdbc.update(
        "update uppgift_utkast set data = '{\"samtycke\":\"JA\",\"aldre\":true}'::jsonb,"
            + " data_krypterat = null where uppgift_id = ?",
        samtycke.path("id").asLong());
    utkastRepository.krypteraAldreUtkast();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from uppgift_utkast where data is not null", Long.class))
        .isZero();
    assertThat(api.get("anna", sokvag).kropp().path("aldre").asBoolean()).isTrue();

    // A later PUT replaces the draft.
    assertThat(api.anrop("anna", "PUT", sokvag, Map.of("samtycke", "NEJ")).status()).isEqualTo(200);
    assertThat(api.get("anna", sokvag).kropp().toString()).isEqualTo("{\"samtycke\":\"NEJ\"}");

    // Nobody else reads or writes it: not another handläggare, not the processledare, who sees no
    // personal data.
    for (String annan : List.of("bengt", "petra")) {
      assertThat(api.get(annan, sokvag).status()).as("GET av %s", annan).isEqualTo(403);
      assertThat(api.anrop(annan, "PUT", sokvag, Map.of("samtycke", "JA")).status())
          .as("PUT av %s", annan)
          .isEqualTo(403);
    }
    assertThat(api.get("anna", sokvag).kropp().path("samtycke").asText()).isEqualTo("NEJ");
    assertThat(api.get("anna", "/api/uppgifter/999999999/utkast").status()).isEqualTo(404);

    // Slutför removes it.
    assertThat(
            api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), true))
                .status())
        .isEqualTo(200);
    assertThat(utkast(samtycke)).isZero();
    assertThat(api.get("anna", sokvag).status()).isEqualTo(404);
    assertThat(api.anrop("anna", "PUT", sokvag, Map.of("samtycke", "JA")).status())
        .as("en slutförd uppgift får inget nytt utkast")
        .isEqualTo(409);
  }

  @Test
  void gruppensUppgiftHarEttUtkastPerSkribentOchGallringenTarBortDet() {
    String arendeId = aktualisera();
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), false));
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", arendeId, "bered-arende");
    assertThat(beredning.path("tilldelad").asText("")).as("gruppens, inte tagen").isIn("", "null");
    String id = beredning.path("id").asText();
    String sokvag = "/api/uppgifter/" + id + "/utkast";

    // Bengt types before taking the task; the draft is his, not the group's.
    assertThat(api.anrop("bengt", "PUT", sokvag, Map.of("motivering", "Behov hos AF")).status())
        .isEqualTo(200);
    assertThat(api.get("bengt", sokvag).kropp().path("motivering").asText())
        .isEqualTo("Behov hos AF");
    assertThat(api.get("anna", sokvag).status()).as("Anna har inget eget utkast").isEqualTo(404);

    // Taking the task keeps his draft; the rest of the group no longer reads any.
    assertThat(api.post("bengt", "/api/uppgifter/" + id + "/tilldela", null).status())
        .isEqualTo(200);
    assertThat(api.get("bengt", sokvag).kropp().path("motivering").asText())
        .isEqualTo("Behov hos AF");
    assertThat(api.get("anna", sokvag).status()).isEqualTo(403);

    gallring.gallra(UUID.fromString(arendeId));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from uppgift_utkast where arende_id = ?::uuid",
                Long.class,
                arendeId))
        .isZero();
    assertThat(api.get("bengt", sokvag).status()).isEqualTo(404);
  }

  @Test
  void ogiltigaUtkastAvvisasPaSvenska() {
    String arendeId = aktualisera();
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke");
    String sokvag = "/api/uppgifter/" + samtycke.path("id").asText() + "/utkast";

    Svar forStort = api.anrop("anna", "PUT", sokvag, Map.of("anteckning", "x".repeat(300_000)));
    assertThat(forStort.status()).isEqualTo(400);
    assertThat(forStort.kropp().path("fel").path("utkast").asText())
        .isEqualTo("Utkastet är för stort: högst 256 kB sparas");

    Svar nul = api.anrop("anna", "PUT", sokvag, Map.of("anteckning", "a\u0000b"));
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.kropp().path("fel").path("utkast").asText())
        .isEqualTo("Texten innehåller ett otillåtet tecken");

    Svar nulINyckel = api.anrop("anna", "PUT", sokvag, Map.of("a\u0000", "b"));
    assertThat(nulINyckel.status()).isEqualTo(400);

    Svar lista = api.anrop("anna", "PUT", sokvag, List.of(1, 2));
    assertThat(lista.status()).isEqualTo(400);
    assertThat(lista.kropp().path("fel").path("utkast").asText()).contains("JSON-objekt");

    assertThat(utkast(samtycke)).as("inget sparades").isZero();
  }

  private String aktualisera() {
    return api.aktualisera(
        "anna",
        Map.of(
            "personnummer", "19121212-1212",
            "insats", "flerpartssamverkan",
            "skal", "Lång sjukskrivning, behöver stöd från flera parter",
            "behov", List.of("FK", "AF")));
  }

  private long utkast(JsonNode uppgift) {
    return jdbc.queryForObject(
        "select count(*) from uppgift_utkast where uppgift_id = ?",
        Long.class,
        uppgift.path("id").asLong());
  }

  private long granskningar(String arendeId, String anvandare) {
    return jdbc.queryForObject(
        "select count(*) from granskningslogg where arende_id = ?::uuid and anvandare_id = ?",
        Long.class,
        arendeId,
        anvandare);
  }
}
