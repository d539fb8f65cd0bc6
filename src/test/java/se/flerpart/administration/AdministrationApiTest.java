package se.flerpart.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.flerpart.ApiKlient;
import se.flerpart.ApiKlient.Svar;
import se.flerpart.EnAnslutning;
import se.flerpart.Sidklient;
import se.flerpart.Sidklient.Sida;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.OtillatetTecken;

/**
 * The administrator keeps users, parter, insatser with their beredningsgrupper and avvikelsetyper
 * through the pages and the API; every change is in the admin log with before and after, bad input
 * changes nothing, and nobody else may do it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
class AdministrationApiTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Environment miljo;
  @Autowired AnvandareRepository anvandare;
  @Autowired PasswordEncoder encoder;
  @Autowired InsatsRepository insatser;
  ApiKlient api;

  @BeforeEach
  void klient() {
    api = new ApiKlient(port);
  }

  static String unik(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  static Map<String, Object> anvandare(String id, String part, List<String> roller) {
    return Map.of(
        "id",
        id,
        "namn",
        "Test " + id,
        "epost",
        id + "@af.example",
        "part",
        part,
        "roller",
        roller);
  }

  static Map<String, Object> insats(String kod, String namn, List<String> beredningsgrupp) {
    return Map.of(
        "kod",
        kod,
        "namn",
        namn,
        "maxTid",
        "P18M",
        "uppfoljningKort",
        "P3M",
        "styrgruppEpost",
        List.of("styrgrupp@forbund.example", "ordforande@uppsala.example"),
        "beredningsgrupp",
        beredningsgrupp);
  }

  @Test
  void enAnvandareMedRollerOchGrupperLasesMedEnAnslutningITaget() {
    // Every request of a logged-in user reads the user (AktivAnvandareFilter); roles and groups
    // come in the same query, never from inside its row mapper.
    try (HikariDataSource en = EnAnslutning.mot(miljo)) {
      AnvandareRepository las = new AnvandareRepository(JdbcClient.create(en));
      Anvandare cecilia = las.hitta("cecilia").orElseThrow();
      assertThat(cecilia.roller()).contains(Anvandare.ORDFORANDE, Anvandare.HANDLAGGARE);
      assertThat(cecilia.grupper()).contains("beredning-flerpartssamverkan");
      assertThat(las.konto("petra").orElseThrow().anvandare().grupper()).contains("processledare");
      assertThat(las.allaKonton()).extracting(k -> k.anvandare().id()).contains("anna", "admin");
      assertThat(las.medRoll(Anvandare.PROCESSLEDARE)).extracting(Anvandare::id).contains("petra");
    }
  }

  @Test
  void administratorenSkaparEnAnvandareOchEnInsatsMedBeredningsgruppSomProcessenAnvander() {
    String id = unik("ny-");
    Svar skapad =
        api.post(
            "admin",
            "/api/admin/anvandare",
            anvandare(id, "AF", List.of("HANDLAGGARE", "BEREDNINGSGRUPP")));
    assertThat(skapad.status()).isEqualTo(201);
    assertThat(skapad.kropp().path("aktiv").asBoolean()).isTrue();
    assertThat(skapad.kropp().path("lokaltLosenord").asBoolean())
        .as("loggar in via organisationens inloggning")
        .isFalse();
    assertThat(
            jdbc.sql("select losenord from anvandare where id = ?")
                .param(id)
                .query(String.class)
                .optional())
        .isEmpty();
    assertThat(anvandare.hitta(id).orElseThrow().roller())
        .containsExactlyInAnyOrder(Anvandare.HANDLAGGARE, Anvandare.BEREDNINGSGRUPP);

    String kod = unik("insats-");
    Svar insats =
        api.post(
            "admin", "/api/admin/insatser", insats(kod, "Stöd till arbete", List.of(id, "bengt")));
    assertThat(insats.status()).isEqualTo(201);
    JsonNode hamtad = api.get("admin", "/api/admin/insatser/" + kod).kropp();
    assertThat(hamtad.path("namn").asText()).isEqualTo("Stöd till arbete");
    assertThat(hamtad.path("maxTid").asText()).isEqualTo("P18M");
    assertThat(hamtad.path("uppfoljningKort").asText()).isEqualTo("P3M");
    assertThat(hamtad.path("uppfoljningPlan").asText()).as("standardvärdet").isEqualTo("P6M");
    assertThat(ApiKlient.stream(hamtad.path("styrgruppEpost")).map(JsonNode::asText))
        .containsExactly("styrgrupp@forbund.example", "ordforande@uppsala.example");
    assertThat(ApiKlient.stream(hamtad.path("beredningsgrupp")).map(JsonNode::asText))
        .containsExactlyInAnyOrder(id, "bengt");
    assertThat(anvandare.hitta(id).orElseThrow().grupper()).contains("beredning-" + kod);

    // The new insats takes aktualiseringar, and its beredningsgrupp gets the bered-arende task.
    String arende =
        api.aktualisera(
            "anna",
            Map.of(
                "personnummer",
                "19121212-1212",
                "insats",
                kod,
                "skal",
                "Behöver stöd mot arbete",
                "behov",
                List.of("FK", "AF")));
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", arende, "inhamta-samtycke");
    api.slutfor(
        "anna",
        samtycke,
        Map.of(
            "samtycke", "JA", "samtyckeForm", "MUNTLIGT", "samtyckeParter", List.of("FK", "AF")));
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", arende, "bered-arende");
    assertThat(ApiKlient.stream(beredning.path("kandidatgrupper")).map(JsonNode::asText))
        .containsExactly("beredning-" + kod);
    assertThat(api.hittaUppgift("cecilia", "grupp", arende, "bered-arende"))
        .as("cecilia sitter inte i den nya beredningsgruppen")
        .isEmpty();
  }

  @Test
  void felaktigaUppgifterAvvisasPaSvenskaOchAndrarIngenting() {
    long anvandareFore = antal("anvandare");
    long insatserFore = antal("insats");
    long loggFore = antal("admin_logg");

    Svar dubblett =
        api.post("admin", "/api/admin/anvandare", anvandare("anna", "FK", List.of("HANDLAGGARE")));
    assertThat(dubblett.status()).isEqualTo(400);
    assertThat(dubblett.kropp().path("fel").path("id").asText())
        .isEqualTo("Det finns redan en användare med id:t anna");

    String id = unik("fel-");
    Svar fel =
        api.post(
            "admin",
            "/api/admin/anvandare",
            Map.of(
                "id",
                id,
                "namn",
                " ",
                "epost",
                "inte-en-adress",
                "part",
                "OKAND",
                "roller",
                List.of("HANDLAGGARE")));
    assertThat(fel.status()).isEqualTo(400);
    JsonNode falt = fel.kropp().path("fel");
    assertThat(falt.path("namn").asText()).isEqualTo("Ange användarens namn");
    assertThat(falt.path("epost").asText()).startsWith("Ange en giltig e-postadress");
    assertThat(falt.path("part").asText()).isEqualTo("Parten OKAND finns inte");
    Svar upptagenEpost =
        api.post(
            "admin",
            "/api/admin/anvandare",
            Map.of(
                "id",
                id,
                "namn",
                "X",
                "epost",
                "ANNA@fk.example",
                "part",
                "FK",
                "roller",
                List.of("HANDLAGGARE")));
    assertThat(upptagenEpost.kropp().path("fel").path("epost").asText())
        .startsWith("E-postadressen används redan av Anna Lind");
    Svar okandRoll =
        api.post("admin", "/api/admin/anvandare", anvandare(id, "FK", List.of("SUPERANVANDARE")));
    assertThat(okandRoll.kropp().path("fel").path("roller").asText()).startsWith("Okänd roll");

    Svar dubblettInsats =
        api.post(
            "admin",
            "/api/admin/insatser",
            insats("flerpartssamverkan", "Kopia", List.of("bengt")));
    assertThat(dubblettInsats.status()).isEqualTo(400);
    assertThat(dubblettInsats.kropp().path("fel").path("kod").asText())
        .isEqualTo("Det finns redan en insats med koden flerpartssamverkan");
    Svar utanNamn =
        api.post(
            "admin",
            "/api/admin/insatser",
            Map.of(
                "kod", unik("x-"),
                "maxTid", "tolv månader",
                "styrgruppEpost", List.of("styrgrupp"),
                "beredningsgrupp", List.of("petra")));
    JsonNode insatsfel = utanNamn.kropp().path("fel");
    assertThat(insatsfel.path("namn").asText()).isEqualTo("Ange insatsens namn");
    assertThat(insatsfel.path("maxTid").asText()).startsWith("Ange tiden som P");
    assertThat(insatsfel.path("styrgruppEpost").asText())
        .isEqualTo("Ogiltig e-postadress: styrgrupp");
    assertThat(insatsfel.path("beredningsgrupp").asText())
        .isEqualTo("Petra Sund har inte rollen Beredningsgrupp");
    Svar dubblettPart =
        api.post("admin", "/api/admin/parter", Map.of("kod", "FK", "namn", "Kopia"));
    assertThat(dubblettPart.kropp().path("fel").path("kod").asText())
        .isEqualTo("Det finns redan en part med koden FK");
    assertThat(
            api.post("admin", "/api/admin/parter", Map.of("kod", "ny part", "namn", ""))
                .kropp()
                .path("fel")
                .path("namn")
                .asText())
        .isEqualTo("Ange partens namn");
    Svar bortMedSig =
        api.anrop(
            "admin",
            "PUT",
            "/api/admin/anvandare/admin",
            Map.of(
                "namn", "Administratör",
                "epost", "admin@forbund.example",
                "part", "FORBUND",
                "roller", List.of("PROCESSLEDARE")));
    assertThat(bortMedSig.kropp().path("fel").path("roller").asText())
        .isEqualTo("Du kan inte ta bort din egen roll som administratör");
    assertThat(api.post("admin", "/api/admin/anvandare/admin/inaktivera", null).status())
        .isEqualTo(400);
    assertThat(api.get("admin", "/api/admin/insatser/finns-inte").status()).isEqualTo(404);

    assertThat(antal("anvandare")).isEqualTo(anvandareFore);
    assertThat(antal("insats")).isEqualTo(insatserFore);
    assertThat(antal("admin_logg")).as("inget loggas när inget ändras").isEqualTo(loggFore);
    assertThat(anvandare.hitta("admin").orElseThrow().harRoll(Anvandare.ADMIN)).isTrue();
  }

  @Test
  void baraAdministratorenFarAdministrera() {
    for (String vem : List.of("anna", "petra", "lena", "sara")) {
      assertThat(api.get(vem, "/api/admin/anvandare").status()).as(vem).isEqualTo(403);
      Svar skapa =
          api.post(vem, "/api/admin/anvandare", anvandare(unik("x-"), "FK", List.of("ADMIN")));
      assertThat(skapa.status()).as(vem).isEqualTo(403);
      assertThat(skapa.kropp().path("meddelande").asText())
          .isEqualTo("Bara en administratör kan administrera Flerpart.");
      assertThat(
              api.post(vem, "/api/admin/insatser", insats(unik("x-"), "X", List.of("bengt")))
                  .status())
          .isEqualTo(403);
      assertThat(api.get(vem, "/api/admin/logg").status()).isEqualTo(403);
    }
    Sidklient anna = Sidklient.inloggad(port, "anna");
    for (String sida :
        List.of(
            "/admin",
            "/admin/anvandare",
            "/admin/anvandare/bengt",
            "/admin/parter",
            "/admin/insatser",
            "/admin/insatser/ny",
            "/admin/avvikelsetyper",
            "/admin/logg")) {
      Sida svar = anna.get(sida);
      assertThat(svar.status()).as(sida).isEqualTo(403);
      assertThat(svar.html()).contains("Ingen behörighet");
    }
    assertThat(anna.get("/uppgifter").html()).doesNotContain("Administration");
    assertThat(anna.post("/admin/parter", Map.of("kod", "HACKAD", "namn", "Hackad part")).status())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("select count(*) from part where kod = 'HACKAD'").query(Long.class).single())
        .isZero();
  }

  @Test
  void adminloggenHarVemNarForeOchEfter() {
    String id = unik("logg-");
    api.post("admin", "/api/admin/anvandare", anvandare(id, "AF", List.of("HANDLAGGARE")));
    Svar andrad =
        api.anrop(
            "admin",
            "PUT",
            "/api/admin/anvandare/" + id,
            Map.of(
                "namn",
                "Nytt Namn",
                "epost",
                id + "@af.example",
                "part",
                "REGION",
                "roller",
                List.of("HANDLAGGARE", "ORDFORANDE")));
    assertThat(andrad.status()).isEqualTo(200);
    api.post("admin", "/api/admin/anvandare/" + id + "/inaktivera", null);

    List<JsonNode> poster =
        ApiKlient.stream(
                api.get("admin", "/api/admin/logg?objekttyp=ANVANDARE&objektId=" + id).kropp())
            .toList();
    assertThat(poster)
        .extracting(p -> p.path("handling").asText())
        .containsExactly("INAKTIVERAD", "ANDRAD", "SKAPAD");
    assertThat(poster).allSatisfy(p -> assertThat(p.path("anvandare").asText()).isEqualTo("admin"));
    assertThat(poster).allSatisfy(p -> assertThat(p.path("tid").asText()).isNotBlank());
    JsonNode andring = poster.get(1);
    assertThat(andring.path("fore").path("namn").asText()).isEqualTo("Test " + id);
    assertThat(andring.path("efter").path("namn").asText()).isEqualTo("Nytt Namn");
    assertThat(andring.path("fore").path("part").asText()).isEqualTo("AF");
    assertThat(andring.path("efter").path("part").asText()).isEqualTo("REGION");
    assertThat(ApiKlient.stream(andring.path("efter").path("roller")).map(JsonNode::asText))
        .containsExactly("HANDLAGGARE", "ORDFORANDE");
    assertThat(poster.get(0).path("fore").path("aktiv").asBoolean()).isTrue();
    assertThat(poster.get(0).path("efter").path("aktiv").asBoolean()).isFalse();
    assertThat(poster.get(2).path("fore").isMissingNode() || poster.get(2).path("fore").isNull())
        .as("inget före en ny användare")
        .isTrue();

    // An avvikelsetyp changed through its own API is logged the same way.
    String typ = "TEST_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    api.post(
        "admin",
        "/api/avvikelser/typer",
        Map.of("kod", typ, "namn", "Testtyp", "kategori", "ARENDE"));
    api.anrop("admin", "PUT", "/api/avvikelser/typer/" + typ, Map.of("namn", "Omdöpt testtyp"));
    api.anrop("admin", "DELETE", "/api/avvikelser/typer/" + typ, null);
    assertThat(
            ApiKlient.stream(
                    api.get("admin", "/api/admin/logg?objekttyp=AVVIKELSETYP&objektId=" + typ)
                        .kropp())
                .map(
                    p -> p.path("handling").asText() + ":" + p.path("efter").path("namn").asText()))
        .containsExactly("BORTTAGEN:", "ANDRAD:Omdöpt testtyp", "SKAPAD:Testtyp");

    Sida sida =
        Sidklient.inloggad(port, "admin").get("/admin/logg?objekttyp=ANVANDARE&objekt=" + id);
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.html())
        .contains("Nytt Namn")
        .contains("Inaktiverad")
        .contains("Region Uppsala");
  }

  @Test
  void enInaktivAnvandaresUppgifterListasOchGesTillNagonPaSammaPart() {
    String id = unik("slutar-");
    anvandare.spara(
        new Anvandare(
            id, "Slutar Snart", id + "@af.example", "AF", Set.of(Anvandare.HANDLAGGARE), Set.of()),
        encoder.encode("demo"));
    String arende =
        api.aktualisera(
            id,
            Map.of(
                "personnummer", "19121212-1212",
                "insats", "flerpartssamverkan",
                "skal", "Stöd från AF",
                "behov", List.of("AF")));
    JsonNode uppgift = api.vantaPaUppgift(id, "mina", arende, "inhamta-samtycke");
    String uppgiftId = uppgift.path("id").asText();

    // Editing a user with a local password (as the demo users have) keeps it.
    assertThat(
            api.anrop(
                    "admin",
                    "PUT",
                    "/api/admin/anvandare/" + id,
                    Map.of(
                        "namn",
                        "Slutar Snart",
                        "epost",
                        id + "@af.example",
                        "part",
                        "AF",
                        "roller",
                        List.of("HANDLAGGARE", "ORDFORANDE")))
                .kropp()
                .path("lokaltLosenord")
                .asBoolean())
        .isTrue();
    assertThat(api.get(id, "/api/uppgifter?vy=mina").status()).isEqualTo(200);

    assertThat(api.post("admin", "/api/admin/anvandare/" + id + "/inaktivera", null).status())
        .isEqualTo(200);
    assertThat(api.get(id, "/api/uppgifter?vy=mina").status())
        .as("en inaktiv användare kan inte logga in")
        .isEqualTo(401);

    List<JsonNode> oppna =
        ApiKlient.stream(api.get("admin", "/api/admin/anvandare/" + id + "/uppgifter").kropp())
            .toList();
    assertThat(oppna).extracting(u -> u.path("id").asText()).containsExactly(uppgiftId);
    assertThat(ApiKlient.stream(oppna.get(0).path("mojligaMottagare")).map(JsonNode::asText))
        .as("aktiva handläggare på AF")
        .contains("bengt")
        .doesNotContain("anna", "cecilia", id);

    Sidklient admin = Sidklient.inloggad(port, "admin");
    Sida sida = admin.get("/admin/anvandare/" + id);
    assertThat(sida.html())
        .contains("Inaktiv – kan inte logga in")
        .contains("Inhämta samtycke")
        .contains("id=\"till-" + uppgiftId + "\"")
        .contains("Bengt Ek (bengt)");
    assertThat(admin.get("/admin/anvandare").html()).contains("att fördela om");

    Svar fel =
        api.post(
            "admin",
            "/api/admin/uppgifter/" + uppgiftId + "/tilldela",
            Map.of("anvandare", "anna"));
    assertThat(fel.status()).isEqualTo(400);
    assertThat(fel.kropp().path("fel").path("anvandare").asText())
        .isEqualTo(
            "Anna Lind hör till Försäkringskassan; uppgiften ska till någon på Arbetsförmedlingen");
    assertThat(
            api.post(
                    "anna",
                    "/api/admin/uppgifter/" + uppgiftId + "/tilldela",
                    Map.of("anvandare", "bengt"))
                .status())
        .isEqualTo(403);
    assertThat(api.hittaUppgift("bengt", "mina", arende, "inhamta-samtycke")).isEmpty();

    Sida tilldelad =
        admin.post(
            "/admin/anvandare/" + id + "/uppgifter/" + uppgiftId, Map.of("anvandare", "bengt"));
    assertThat(tilldelad.status()).isEqualTo(302);
    assertThat(admin.get("/admin/anvandare/" + id).html())
        .contains("är tilldelad bengt")
        .contains("Användaren har inga öppna uppgifter.");
    assertThat(api.hittaUppgift("bengt", "mina", arende, "inhamta-samtycke")).isPresent();
    JsonNode logg =
        api.get("admin", "/api/admin/logg?objekttyp=UPPGIFT&objektId=" + uppgiftId).kropp().get(0);
    assertThat(logg.path("handling").asText()).isEqualTo("TILLDELAD");
    assertThat(logg.path("fore").path("tilldelad").asText()).isEqualTo(id);
    assertThat(logg.path("efter").path("tilldelad").asText()).isEqualTo("bengt");
    assertThat(
            api.post(
                    "admin",
                    "/api/admin/uppgifter/" + uppgiftId + "/tilldela",
                    Map.of("anvandare", "bengt"))
                .status())
        .as("bengt är aktiv: uppgiften fördelas nu i uppgiftslistan")
        .isEqualTo(409);
  }

  @Test
  void administratorenSkaparEnInsatsPaSidanOchBekraftarInnanNagotTasBort() {
    Sidklient admin = Sidklient.inloggad(port, "admin");
    assertThat(admin.get("/uppgifter").html()).contains("href=\"/admin\"");
    assertThat(admin.get("/admin").html()).contains("Insatser och beredningsgrupper");
    Sida ny = admin.get("/admin/insatser/ny");
    assertThat(ny.status()).isEqualTo(200);
    assertThat(ny.html())
        .contains("<label for=\"maxTid\">Längsta tid i insatsen</label>")
        .contains("value=\"P12M\"")
        .contains("Bengt Ek (Arbetsförmedlingen)")
        .doesNotContain("(AF)");

    String kod = unik("sida-");
    long fore = antal("insats");
    Sida utanNamn =
        admin.post(
            "/admin/insatser",
            Map.of(
                "kod", kod,
                "namn", "",
                "beskrivning", "",
                "maxTid", "P12M",
                "uppfoljningKort", "P2M",
                "uppfoljningPlan", "P6M",
                "uppfoljningPaminnelse", "P7D",
                "uppfoljningFrist", "noll",
                "styrgruppEpost", ""));
    assertThat(utanNamn.status()).isEqualTo(200);
    assertThat(utanNamn.html())
        .contains("Insatsen är inte sparad")
        .contains("Namn: Ange insatsens namn")
        .contains("Frist för försenad uppföljning: Ange tiden som P")
        .contains("Beredningsgrupp: Välj minst en medlem i beredningsgruppen")
        .contains("value=\"" + kod + "\"");
    assertThat(antal("insats")).isEqualTo(fore);

    Sida skapad =
        admin.post(
            "/admin/insatser",
            Map.of(
                "kod", kod,
                "namn", "Unga till arbete",
                "beskrivning", "För unga vuxna",
                "maxTid", "P2Y",
                "uppfoljningKort", "P2M",
                "uppfoljningPlan", "P6M",
                "uppfoljningPaminnelse", "P7D",
                "uppfoljningFrist", "P21D",
                "styrgruppEpost", "a@forbund.example\nb@forbund.example",
                "beredningsgrupp", List.of("bengt", "david")));
    assertThat(skapad.status()).isEqualTo(302);
    assertThat(skapad.plats()).endsWith("/admin/insatser/" + kod);
    Sida visad = admin.get("/admin/insatser/" + kod);
    assertThat(visad.html())
        .contains("Insatsen Unga till arbete är skapad.")
        .contains("Aktiv – tar emot aktualiseringar")
        .contains("id=\"medlem-bengt\"")
        .contains("id=\"medlem-david\"");

    // Removing a member asks first; nothing changes until the confirmation is posted.
    Sida fraga = admin.get("/admin/insatser/" + kod + "/beredningsgrupp/david/ta-bort");
    assertThat(fraga.html())
        .contains("Ta bort David Holm ur beredningsgruppen?")
        .contains("action=\"/admin/insatser/" + kod + "/beredningsgrupp/david/ta-bort\"");
    assertThat(anvandare.hitta("david").orElseThrow().grupper()).contains("beredning-" + kod);
    admin.post("/admin/insatser/" + kod + "/beredningsgrupp/david/ta-bort", Map.of());
    assertThat(anvandare.hitta("david").orElseThrow().grupper()).doesNotContain("beredning-" + kod);
    Sida sista = admin.post("/admin/insatser/" + kod + "/beredningsgrupp/bengt/ta-bort", Map.of());
    assertThat(sista.status()).isEqualTo(302);
    assertThat(admin.get("/admin/insatser/" + kod).html())
        .contains("behöver minst en medlem")
        .contains("id=\"medlem-bengt\"");

    Sida inaktivera = admin.get("/admin/insatser/" + kod + "/inaktivera");
    assertThat(inaktivera.html()).contains("tar inte längre emot nya aktualiseringar");
    assertThat(
            jdbc.sql("select aktiv from insats where kod = ?")
                .param(kod)
                .query(Boolean.class)
                .single())
        .isTrue();
    admin.post("/admin/insatser/" + kod + "/inaktivera", Map.of());
    assertThat(
            jdbc.sql("select aktiv from insats where kod = ?")
                .param(kod)
                .query(Boolean.class)
                .single())
        .isFalse();
    assertThat(
            api.post(
                    "anna",
                    "/api/arenden",
                    Map.of(
                        "personnummer",
                        "19121212-1212",
                        "insats",
                        kod,
                        "skal",
                        "x",
                        "behov",
                        List.of("FK")))
                .status())
        .as("en inaktiv insats tar inte emot aktualiseringar")
        .isEqualTo(400);

    // The avvikelsetyp page: its old address leads here; deleting asks first.
    assertThat(admin.get("/avvikelser/typer").plats()).endsWith("/admin/avvikelsetyper");
    String typ = "SIDA_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    admin.get("/admin/avvikelsetyper");
    Sida typfel =
        admin.post("/admin/avvikelsetyper", Map.of("kod", typ, "namn", "", "kategori", "ARENDE"));
    assertThat(typfel.html()).contains("Namn: Ange typens namn");
    admin.post("/admin/avvikelsetyper", Map.of("kod", typ, "namn", "Sidtyp", "kategori", "ARENDE"));
    assertThat(admin.get("/admin/avvikelsetyper/" + typ + "/ta-bort").html())
        .contains("Ta bort avvikelsetypen Sidtyp?");
    admin.post("/admin/avvikelsetyper/" + typ + "/ta-bort", Map.of());
    assertThat(
            jdbc.sql("select count(*) from avvikelsetyp where kod = ?")
                .param(typ)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void administratorenSatterInsatsensGallringstidIApietOchPaSidanOchLoggenVisarForeOchEfter() {
    String kod = unik("gallring-");
    Svar skapad = api.post("admin", "/api/admin/insatser", insats(kod, "Gallra", List.of("bengt")));
    assertThat(skapad.status()).isEqualTo(201);
    assertThat(tom(skapad.kropp().path("gallringEfter"))).as("förbundets standard").isTrue();
    assertThat(insatser.gallringEfter(kod)).isEmpty();

    Svar satt =
        api.anrop("admin", "PUT", "/api/admin/insatser/" + kod, Map.of("gallringEfter", " p18m "));
    assertThat(satt.status()).isEqualTo(200);
    assertThat(satt.kropp().path("gallringEfter").asText()).isEqualTo("P18M");
    assertThat(satt.kropp().path("maxTid").asText()).as("resten som förut").isEqualTo("P18M");
    assertThat(insatser.gallringEfter(kod)).contains(Period.ofMonths(18));
    JsonNode andring = senasteLoggpost(kod);
    assertThat(andring.path("handling").asText()).isEqualTo("ANDRAD");
    assertThat(tom(andring.path("fore").path("gallringEfter"))).isTrue();
    assertThat(andring.path("efter").path("gallringEfter").asText()).isEqualTo("P18M");

    long loggFore = antal("admin_logg");
    Map<String, String> felaktiga = new LinkedHashMap<>();
    felaktiga.put("P-1Y", "Gallringstiden får inte vara negativ");
    felaktiga.put("P1Y-13M", "Gallringstiden får inte vara negativ");
    felaktiga.put("två år", "Ange gallringstiden som en period, till exempel P2Y eller P18M");
    felaktiga.put("P2Y\0", OtillatetTecken.MEDDELANDE);
    felaktiga.put(
        "P".repeat(1 << 20), "Ange gallringstiden som en period, till exempel P2Y eller P18M");
    felaktiga.put("P101Y", "Gallringstiden får vara högst 100 år");
    // Would not fit the column, nor the gallring job's date arithmetic.
    felaktiga.put("P2147483647Y2147483647M", "Gallringstiden får vara högst 100 år");
    felaktiga.forEach(
        (tid, meddelande) -> {
          Svar fel =
              api.anrop("admin", "PUT", "/api/admin/insatser/" + kod, Map.of("gallringEfter", tid));
          String vad = tid.length() > 40 ? "1 MB" : tid;
          assertThat(fel.status()).as(vad).isEqualTo(400);
          assertThat(fel.kropp().path("fel").path("gallringEfter").asText())
              .as(vad)
              .isEqualTo(meddelande);
        });
    assertThat(insatser.gallringEfter(kod)).contains(Period.ofMonths(18));
    assertThat(antal("admin_logg")).as("inget ändrat, inget loggat").isEqualTo(loggFore);

    Svar tillbaka =
        api.anrop("admin", "PUT", "/api/admin/insatser/" + kod, Map.of("gallringEfter", ""));
    assertThat(tom(tillbaka.kropp().path("gallringEfter"))).isTrue();
    assertThat(insatser.gallringEfter(kod)).isEmpty();
    assertThat(senasteLoggpost(kod).path("fore").path("gallringEfter").asText()).isEqualTo("P18M");
    assertThat(tom(senasteLoggpost(kod).path("efter").path("gallringEfter"))).isTrue();

    // The same on the page, which names the förbund's own time.
    Sidklient admin = Sidklient.inloggad(port, "admin");
    assertThat(rad(admin.get("/admin/insatser").html(), kod)).contains("Standard (P2Y)");
    Sida sida = admin.get("/admin/insatser/" + kod);
    assertThat(sida.html())
        .contains("<label for=\"gallringEfter\">Gallringstid efter avslut</label>")
        .contains("Tomt = förbundets standard (P2Y).");
    Map<String, String> sidfel = new LinkedHashMap<>();
    sidfel.put("två år", "Ange gallringstiden som en period, till exempel P2Y eller P18M");
    sidfel.put("P-1Y", "Gallringstiden får inte vara negativ");
    sidfel.put(
        "P".repeat(1 << 20), "Ange gallringstiden som en period, till exempel P2Y eller P18M");
    sidfel.forEach(
        (tid, meddelande) -> {
          String vad = tid.length() > 40 ? "1 MB" : tid;
          Sida fel = admin.post("/admin/insatser/" + kod, sidformular(tid));
          assertThat(fel.status()).as(vad).isEqualTo(200);
          assertThat(fel.html())
              .as(vad)
              .contains("Insatsen är inte sparad")
              .contains("Gallringstid efter avslut: " + meddelande);
        });
    // A control character stops every form post before it reaches the page's controller.
    Sida nul = admin.post("/admin/insatser/" + kod, sidformular("P2Y\0"));
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.html())
        .contains("Fältet ”Gallringstid efter avslut”: " + OtillatetTecken.MEDDELANDE);
    assertThat(antal("admin_logg")).isEqualTo(loggFore + 1);
    assertThat(insatser.gallringEfter(kod)).isEmpty();

    Sida sparad = admin.post("/admin/insatser/" + kod, sidformular("P18M"));
    assertThat(sparad.status()).isEqualTo(302);
    assertThat(insatser.gallringEfter(kod)).contains(Period.ofMonths(18));
    assertThat(admin.get("/admin/insatser/" + kod).html())
        .contains("id=\"gallringEfter\" name=\"gallringEfter\" value=\"P18M\"");
    assertThat(rad(admin.get("/admin/insatser").html(), kod))
        .contains(">P18M<")
        .doesNotContain("Standard");
    assertThat(senasteLoggpost(kod).path("efter").path("gallringEfter").asText()).isEqualTo("P18M");
    assertThat(admin.get("/admin/logg?objekttyp=INSATS&objekt=" + kod).html())
        .contains("<strong>Gallringstid efter avslut</strong>");

    admin.post("/admin/insatser/" + kod, sidformular(""));
    assertThat(insatser.gallringEfter(kod)).as("tomt: förbundets standard igen").isEmpty();
    assertThat(insatser.gallringstider()).doesNotContainKey(kod);
  }

  /** The insats page's form as the browser posts it, times as the API test created them. */
  private static Map<String, Object> sidformular(String gallringEfter) {
    Map<String, Object> falt = new HashMap<>();
    falt.put("namn", "Gallra");
    falt.put("beskrivning", "");
    falt.put("maxTid", "P18M");
    falt.put("uppfoljningKort", "P3M");
    falt.put("uppfoljningPlan", "P6M");
    falt.put("uppfoljningPaminnelse", "P7D");
    falt.put("uppfoljningFrist", "P21D");
    falt.put("gallringEfter", gallringEfter);
    falt.put("styrgruppEpost", "styrgrupp@forbund.example");
    return falt;
  }

  private JsonNode senasteLoggpost(String kod) {
    return api.get("admin", "/api/admin/logg?objekttyp=INSATS&objektId=" + kod).kropp().get(0);
  }

  /** Null, or left out as the API leaves out every null. */
  private static boolean tom(JsonNode n) {
    return n.isMissingNode() || n.isNull();
  }

  /** The list page's row of the insats. */
  private static String rad(String html, String kod) {
    Matcher m =
        Pattern.compile("<tr id=\"insats-" + kod + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("raden för " + kod).isTrue();
    return m.group(1);
  }

  private long antal(String tabell) {
    return jdbc.sql("select count(*) from " + tabell).query(Long.class).single();
  }
}
