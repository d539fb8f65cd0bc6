package se.flerpart.gallring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.flerpart.ApiKlient.mailTill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import se.flerpart.ApiKlient;
import se.flerpart.arende.Personnummer;
import se.flerpart.arende.PersonnummerSkydd;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.mote.MotesSteg;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.uppfoljning.UppfoljningSteg;
import se.flerpart.web.ValideringsFel;

/**
 * Gallring on the whole application: cases walked to every kind of end over the REST API, the
 * engine clock moved past their gallring time, the job run, and then every text, JSON and binary
 * column of every table searched for what identified the person.
 *
 * <p>In a context of its own: the clock moves a month here, and in the context the other tests
 * share every open task's job and timer they left would come due with it at once; on a loaded
 * machine the case's återkoppling then did not come within minutes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"flerpart.demo.arenden=false", "flerpart.test.kontext=gallring"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class GallringApiTest {

  /** An insats of the test's own with a short gallring time, so the clock moves only a month. */
  static final String INSATS = "gallringstest";

  @LocalServerPort int port;
  @Autowired EmbeddedMotor motor;
  @Autowired Gallringsjobb jobb;
  @Autowired GallringsRegister register;
  @Autowired InsatsRepository insatser;
  @Autowired JdbcClient jdbc;
  @Autowired PersonnummerSkydd skydd;
  ApiKlient api;
  Spar spar;

  @BeforeEach
  void forbered() {
    api = new ApiKlient(port);
    spar = new Spar(jdbc, skydd);
    jdbc.sql(
            "insert into insats (kod, namn, beskrivning) values (?, 'Gallringstest', 'Test')"
                + " on conflict (kod) do update set aktiv = true")
        .param(INSATS)
        .update();
    for (String medlem : List.of("anna", "bengt", "cecilia", "david")) {
      jdbc.sql(
              "insert into beredningsgrupp_medlem (insats_kod, anvandare_id) values (?, ?)"
                  + " on conflict do nothing")
          .params(INSATS, medlem)
          .update();
    }
    insatser.sattGallringEfter(INSATS, "P30D");
  }

  /** The test's insats takes no referrals once it is done, so other tests never see it. */
  @AfterEach
  void stang() {
    jdbc.sql("update insats set aktiv = false where kod = ?").param(INSATS).update();
  }

  /** A person in a case: the personnummer and a word that every free text about them carries. */
  record Person(String personnummer, String markor) {
    String namn() {
      return "Gunnar " + markor + "sson";
    }

    String epost() {
      return "gunnar." + markor.toLowerCase(Locale.ROOT) + "sson@example.se";
    }
  }

  @Test
  @DisplayName(
      "Givet avslutade ärenden av alla slag när gallringstiden passerats så finns inget spår av"
          + " personen kvar i någon tabell, SUS-exporten är oförändrad och ärendesidan säger att"
          + " ärendet är gallrat; ärenden vars tid inte gått ut är orörda")
  void avslutadeArendenGallrasOchInteAndra(CapturedOutput logg) {
    // Closed after beredning Ja, a meeting with the person invited, a plan and its follow-up.
    Person avslutad = new Person("19710315-1234", "Sparxqa");
    String a = aktualisera(avslutad, INSATS);
    samtycke(a, "JA", true);
    bered(a, avslutad, "JA");
    moteMedPlan(a, avslutad);
    UppfoljningSteg.foljUpp(
        api,
        a,
        "anna",
        Map.of(
            "uppfoljningsbeslut", "AVSLUTA", "uppfoljningsanteckning", avslutad.markor() + " mår"));
    JsonNode avsluta = api.vantaPaUppgift("anna", "mina", a, "avsluta-arende");
    assertThat(
            api.slutfor(
                    "anna",
                    avsluta,
                    Map.of(
                        "avslutsorsak", "ARBETE_EJ_SUBVENTIONERAT",
                        "forsorjningEfter", List.of("LON"),
                        "sysselsattningEfter", "ARBETE",
                        "omfattning", "100",
                        "avslutsanteckning", avslutad.markor() + " har fått arbete"))
                .status())
        .isEqualTo(200);
    vantaPaAterkoppling(a, "ärendet är avslutat");

    // Consent withdrawn after beredning Ja; not granted in beredning; consent declined;
    // broken off by the referrer.
    Person aterkallad = new Person("19840722-5674", "Sparxqb");
    String b = aktualisera(aterkallad, INSATS);
    samtycke(b, "JA", true);
    bered(b, aterkallad, "JA");
    api.vantaPaUppgift("anna", "mina", b, "forbered-kallelse");
    assertThat(
            api.post("anna", "/api/arenden/" + b + "/aterkalla-samtycke", Map.of("hur", "MUNTLIGT"))
                .status())
        .isEqualTo(200);
    vantaPaAterkoppling(b, "samtycket är återkallat");

    Person nej = new Person("19630211-3458", "Sparxqc");
    String c = aktualisera(nej, INSATS);
    samtycke(c, "JA", false);
    bered(c, nej, "NEJ");
    vantaPaAterkoppling(c, "beslut i beredning – nej");

    Person nekat = new Person("19920506-6781", "Sparxqd");
    String d = aktualisera(nekat, INSATS);
    samtycke(d, "NEJ", false);
    vantaPaAterkoppling(d, "samtycke saknas");

    Person avbruten = new Person("19781130-2343", "Sparxqe");
    String e = aktualisera(avbruten, INSATS);
    assertThat(
            api.post(
                    "anna",
                    "/api/arenden/" + e + "/avbryt",
                    Map.of("orsak", avbruten.markor() + " har flyttat"))
                .status())
        .isEqualTo(200);
    vantaPaAterkoppling(e, "ärendet är avbrutet");

    // Broken off too, but under the insats that follows flerpart.gallring.efter (two years).
    Person tvaAr = new Person("19551019-4565", "Behallxqf");
    String f = aktualisera(tvaAr, "flerpartssamverkan");
    assertThat(
            api.post("anna", "/api/arenden/" + f + "/avbryt", Map.of("orsak", "Flyttat")).status())
        .isEqualTo(200);
    vantaPaAterkoppling(f, "ärendet är avbrutet");

    List<Person> gallras = List.of(avslutad, aterkallad, nej, nekat, avbruten);
    List<String> gallrade = List.of(a, b, c, d, e);
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> susRader(a).size() == 2 && susRader(b).size() == 2 && susRader(e).size() == 1);
    assertThat(api.arende("anna", a).path("personnummer").asText()).isEqualTo("19710315-1234");

    // Before: the search finds the person in every module's tables.
    Map<String, Set<String>> fore = spar.sok(avslutad);
    assertThat(fore.get(Spar.KRYPTERAT)).contains("arende", "sus_registrering");
    assertThat(fore.get(Spar.HASH)).contains("arende");
    // The person's name, address, e-mail, närstående and god man, encrypted, and the name's
    // search hashes.
    assertThat(fore.get(Spar.FRITEXT)).contains("arende_individ");
    assertThat(fore.get(Spar.NAMNHASH)).containsExactly("arende_individ");
    assertThat(fore.get(Spar.FRITEXT))
        .contains(
            "arende",
            "beredning_beslut",
            "kallelse",
            "mail_utkorg",
            "mote",
            "plan",
            "plan_atgard",
            "uppfoljning",
            "uppgift");
    for (Person p : List.of(aterkallad, nej, avbruten)) {
      assertThat(spar.sok(p).get(Spar.KRYPTERAT)).as(p.markor()).contains("arende");
    }
    assertThat(spar.sok(avbruten).get(Spar.FRITEXT)).contains("arende", "arende_handelse");
    // What the engine handed each task is the process' variables: ids and codes, no free text
    // (the beredningsgrupp's motivering stays in the database), so the engine keeps nothing to
    // gallra.
    assertThat(
            jdbc.sql("select variabler::text from uppgift where arende_id = ?::uuid")
                .param(a)
                .query(String.class)
                .list())
        .hasSizeGreaterThan(3)
        .allMatch(v -> spar.sok(avslutad, v).isEmpty());
    List<JsonNode> susFore = susExport();
    Map<String, Long> antalFore = antal(susFore);

    // The clock passes the insats' 30 days; a case of the same insats ends only now.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "P31D")).status())
        .isEqualTo(200);
    Person nyss = new Person("19880404-1112", "Behallxqg");
    String g = aktualisera(nyss, INSATS);
    assertThat(
            api.post("anna", "/api/arenden/" + g + "/avbryt", Map.of("orsak", "Flyttat")).status())
        .isEqualTo(200);
    vantaPaAterkoppling(g, "ärendet är avbrutet");

    int granskningFore = granskningsrader(a);
    assertThat(granskningFore).isPositive();
    Optional<Gallringsjobb.Resultat> resultat =
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(jobb::kor, Optional::isPresent);
    assertThat(resultat.orElseThrow().misslyckade()).isZero();
    // The audit log keeps who read the case until flerpart.gallring.granskningslogg-efter.
    assertThat(granskningsrader(a)).isEqualTo(granskningFore);

    for (int i = 0; i < gallras.size(); i++) {
      Person p = gallras.get(i);
      assertThat(spar.sok(p)).as("spår av " + p.markor() + " efter gallring").isEmpty();
      JsonNode arende = api.arende("anna", gallrade.get(i));
      assertThat(arende.path("gallrad").isMissingNode()).as(p.markor()).isFalse();
      assertThat(arende.has("personnummer")).isFalse();
    }
    // What stays is anonymous: kön, födelseår, insats, parts, status and codes.
    JsonNode efter = api.arende("anna", a);
    assertThat(efter.path("status").asText()).isEqualTo("AVSLUTAT");
    assertThat(efter.path("avslutsorsak").asText()).isEqualTo("ARBETE_EJ_SUBVENTIONERAT");
    assertThat(efter.path("insats").asText()).isEqualTo(INSATS);
    assertThat(efter.path("samtyckeParter").toString()).contains("FK", "AF");
    assertThat(
            jdbc.sql("select kon, fodelsear from arende where id = ?::uuid")
                .param(a)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2))
                .single())
        .isEqualTo("MAN 1971");

    // The SUS export keeps every row and every count; only the personnummer is gone. (The case
    // broken off after the first export adds its own row.)
    List<JsonNode> susEfter =
        susExport().stream().filter(r -> !r.path("arendeId").asText().equals(g)).toList();
    assertThat(antal(susEfter)).isEqualTo(antalFore);
    assertThat(utanPersonnummer(susEfter)).isEqualTo(utanPersonnummer(susFore));
    assertThat(susFore.stream().filter(r -> r.path("arendeId").asText().equals(a)))
        .anyMatch(r -> r.path("personnummer").asText().equals("19710315-1234"));
    assertThat(susEfter.stream().filter(r -> r.path("arendeId").asText().equals(a)))
        .hasSize(2)
        .noneMatch(r -> r.has("personnummer"))
        .allMatch(r -> r.path("kon").asText().equals("MAN"))
        .allMatch(r -> r.path("fodelsear").asInt() == 1971);

    // The case page says so, and shows nothing of the person.
    String sida =
        api.http()
            .get()
            .uri("/arenden/" + a)
            .headers(h -> h.setBasicAuth("anna", "demo"))
            .retrieve()
            .body(String.class);
    assertThat(sida)
        .contains("Personuppgifterna i ärendet är gallrade den ")
        .doesNotContain("19710315")
        .doesNotContainIgnoringCase(avslutad.markor())
        .contains("Personuppgifterna i ärendet gallrade");

    // The history keeps each step's kind and time, in words that name nobody.
    assertThat(api.arende("anna", e).path("historik").findValuesAsText("beskrivning"))
        .contains(
            "Aktualisering registrerad",
            "Ärendet avbrutet",
            "Personuppgifterna i ärendet gallrade");

    // Cases whose time has not come are untouched: the default two years, and a case that ended
    // after the clock was moved.
    assertThat(api.arende("anna", f).path("historik").toString()).contains("Flyttat");
    for (var orord : Map.of(f, tvaAr, g, nyss).entrySet()) {
      JsonNode arende = api.arende("anna", orord.getKey());
      assertThat(arende.has("gallrad")).isFalse();
      assertThat(arende.path("personnummer").asText()).isEqualTo(orord.getValue().personnummer());
      assertThat(spar.sok(orord.getValue())).containsKey(Spar.KRYPTERAT);
    }
    assertThat(api.arende("anna", f).path("skal").asText()).contains(tvaAr.markor());

    // Once its time is past, the audit log of the gallrade cases goes too.
    int borttagna = register.gallraGranskningslogg(motor.nu());
    assertThat(borttagna).isGreaterThanOrEqualTo(granskningFore);
    assertThat(granskningsrader(a)).isZero();
    assertThat(granskningsrader(f)).isPositive();

    // Logged as a number of cases, never which.
    List<String> rader =
        logg.getAll().lines().filter(r -> r.contains("Gallring: personuppgifterna i")).toList();
    assertThat(rader).isNotEmpty();
    for (String rad : rader) {
      for (String id : gallrade) {
        assertThat(rad).doesNotContain(id);
      }
    }
    for (Person p : gallras) {
      assertThat(logg.getAll())
          .doesNotContain(p.personnummer())
          .doesNotContain(p.personnummer().substring(2))
          .doesNotContainIgnoringCase(p.markor());
    }
  }

  @Test
  void sokningenKannerIgenPersonnummerIAllaFormer() throws IOException {
    Person p = new Person("19710315-1234", "Sparxqa");
    String hash = skydd.hash(new Personnummer("197103151234"));
    String krypterat = skydd.kryptera(new Personnummer("197103151234"));
    Map<String, String> varden = new TreeMap<>();
    varden.put("19710315-1234", Spar.TOLV);
    varden.put("{\"pnr\": \"197103151234\"}", Spar.TOLV);
    varden.put("Personnummer 710315-1234.", Spar.TIO);
    varden.put("710315+1234", Spar.TIO);
    varden.put("7103151234", Spar.TIO);
    varden.put("19 71 03 15 – 12 34", Spar.TOLV);
    varden.put("hash " + hash.toUpperCase(Locale.ROOT), Spar.HASH);
    varden.put(krypterat, Spar.KRYPTERAT);
    varden.put("Kallelse till GUNNAR SPARXQASSON", Spar.FRITEXT);
    varden.put(
        "[{\"innehall\": \""
            + Base64.getEncoder()
                .encodeToString(
                    "BEGIN:VEVENT\nDESCRIPTION:gunnar.sparxqasson@example.se\n"
                        .getBytes(StandardCharsets.UTF_8))
            + "\"}]",
        Spar.FRITEXT);
    for (var v : varden.entrySet()) {
      assertThat(spar.sok(p, v.getKey())).as(v.getKey()).contains(v.getValue());
    }
    try (PDDocument pdf = new PDDocument()) {
      var sida = new PDPage();
      pdf.addPage(sida);
      try (var text = new PDPageContentStream(pdf, sida)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(50, 700);
        text.showText("Ansvarig: Gunnar Sparxqasson");
        text.endText();
      }
      var ut = new ByteArrayOutputStream();
      pdf.save(ut);
      String bilaga =
          "{\"innehall\": \"" + Base64.getEncoder().encodeToString(ut.toByteArray()) + "\"}";
      assertThat(spar.sok(p, bilaga)).contains(Spar.FRITEXT);
    }
    assertThat(spar.sok(p, "19710315-1235 och Gunnar Andersson")).isEmpty();
    assertThat(spar.sok(p, skydd.kryptera(new Personnummer("198407225674")))).isEmpty();
  }

  @Test
  void enNegativGallringstidForEnInsatsAvvisasOchIngentingAndras() {
    assertThatThrownBy(() -> insatser.sattGallringEfter(INSATS, "P-1D"))
        .isInstanceOfSatisfying(
            ValideringsFel.class,
            fel ->
                assertThat(fel.fel())
                    .containsEntry("gallringEfter", "Gallringstiden får inte vara negativ"));
    assertThatThrownBy(() -> insatser.sattGallringEfter(INSATS, "två år"))
        .isInstanceOf(ValideringsFel.class);
    assertThat(insatser.gallringEfter(INSATS)).contains(Period.ofDays(30));
    assertThatThrownBy(
            () ->
                jdbc.sql("update insats set gallring_efter = '-P1Y' where kod = ?")
                    .param(INSATS)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);

    insatser.sattGallringEfter(INSATS, "");
    assertThat(insatser.gallringEfter(INSATS)).isEmpty();
    insatser.sattGallringEfter(INSATS, "P2W");
    assertThat(insatser.gallringEfter(INSATS)).contains(Period.ofDays(14));
  }

  private String aktualisera(Person p, String insats) {
    Map<String, Object> a = new HashMap<>();
    a.put("personnummer", p.personnummer());
    a.put("insats", insats);
    a.put("skal", p.markor() + " har varit sjukskriven länge och behöver stöd");
    a.put("behov", List.of("FK", "AF"));
    a.put("namn", p.namn());
    a.put("adress", p.markor() + "vägen 3, Uppsala");
    a.put("telefon", "070-123 45 67");
    a.put("epost", p.epost());
    a.put(
        "narstaende",
        List.of(Map.of("namn", "Karin " + p.markor() + "sson", "relation", "syster")));
    a.put("godMan", Map.of("namn", "Gode " + p.markor(), "epost", "gode@example.se"));
    return api.aktualisera("anna", a);
  }

  private void samtycke(String id, String samtycke, boolean sus) {
    JsonNode uppgift = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    Map<String, Object> data = new HashMap<>();
    data.put("samtycke", samtycke);
    if ("JA".equals(samtycke)) {
      data.put("samtyckeForm", "SKRIFTLIGT");
      data.put("samtyckeParter", List.of("FK", "AF", "KOMMUN-UPPSALA"));
      data.put("susSamtycke", sus);
    }
    ApiKlient.Svar svar = api.slutfor("anna", uppgift, data);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
  }

  /** bengt, in the beredningsgrupp, fills in the template about the person and decides. */
  private void bered(String id, Person p, String beslut) {
    JsonNode uppgift = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    Map<String, Object> data = new HashMap<>();
    data.put("historia", p.markor() + " har arbetat som snickare");
    data.put("ohalsa", p.markor() + " har ryggont");
    data.put("familjeforhallanden", p.markor() + " bor med två barn");
    data.put("beslut", beslut);
    data.put("motivering", p.markor() + " behöver flera parter");
    if ("JA".equals(beslut)) {
      data.put("arendebarare", "anna");
    }
    ApiKlient.Svar svar = api.slutfor("bengt", uppgift, data);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
  }

  /**
   * The ärendebärare calls the person and a professional to a meeting; the person answers through
   * the link in the mail with a comment; the meeting is held and records a plan.
   */
  private void moteMedPlan(String id, Person p) {
    JsonNode kallelse = api.vantaPaUppgift("anna", "mina", id, "forbered-kallelse");
    Instant motesTid = motor.nu().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    ApiKlient.Svar svar =
        api.slutfor(
            "anna",
            kallelse,
            Map.of(
                "syfte",
                "Planera arbetsträning för " + p.namn(),
                "motesTid",
                motesTid.atOffset(ZoneOffset.UTC).toString(),
                "plats",
                p.markor() + "vägen 3",
                "tolkSprak",
                "arabiska",
                "ordforande",
                "cecilia",
                "deltagare",
                List.of(
                    Map.of("namn", p.namn(), "epost", p.epost(), "roll", "INDIVID"),
                    Map.of("namn", "Bengt Ek", "epost", "bengt@af.example", "part", "AF"))));
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    JsonNode mail =
        api.vantaPaMail(
            m -> ApiKlient.stream(m.path("till")).anyMatch(t -> t.asText().equals(p.epost())));
    Matcher lank = MotesSteg.SVARSLANK.matcher(mail.path("text").asText());
    assertThat(lank.find()).isTrue();
    assertThat(
            api.post(
                    null,
                    "/api/kallelsesvar/" + lank.group(1),
                    Map.of("svar", "ACCEPTERAR", "kommentar", p.markor() + " kommer med sin mamma"))
                .status())
        .isEqualTo(200);

    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT3H")).status())
        .isEqualTo(200);
    JsonNode mote = api.vantaPaUppgift("cecilia", "mina", id, "genomfor-mote");
    LocalDate idag = motor.nu().atZone(ZoneId.of("Europe/Stockholm")).toLocalDate();
    svar =
        api.slutfor(
            "cecilia",
            mote,
            Map.of(
                "narvaro",
                    List.of(
                        Map.of("epost", p.epost(), "narvarande", true),
                        Map.of("epost", "bengt@af.example", "narvarande", true)),
                "plan",
                    Map.of(
                        "mal", p.markor() + " ska arbeta halvtid",
                        "atgarder",
                            List.of(
                                Map.of(
                                    "beskrivning",
                                    "Arbetsträning för " + p.markor(),
                                    "ansvarigPart",
                                    "AF",
                                    "ansvarig",
                                    p.namn(),
                                    "senast",
                                    idag.plusMonths(1).toString())),
                        "uppfoljningsdatum", idag.plusMonths(2).toString()),
                "anteckningar", p.markor() + " berättade om sin situation"));
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    api.vantaPaMail(
        m ->
            ApiKlient.stream(m.path("till")).anyMatch(t -> t.asText().equals(p.epost()))
                && ApiKlient.stream(m.path("bilagor"))
                    .anyMatch(b -> b.path("filnamn").asText().startsWith("gemensam-plan")));
  }

  /**
   * Waits for the återkoppling that is the case's last step, so nothing is written after it. Up to
   * three minutes: after the clock's month, every open task's job of the test context comes back
   * and every timer fires at once, and the mail waits behind them on a loaded machine.
   */
  private void vantaPaAterkoppling(String id, String rubrik) {
    String nummer = api.arende("anna", id).path("arendenummer").asText();
    api.vantaPaMail(mailTill("anna@fk.example", nummer + ": " + rubrik), Duration.ofMinutes(3));
  }

  private List<JsonNode> susRader(String arendeId) {
    return susExport().stream().filter(r -> r.path("arendeId").asText().equals(arendeId)).toList();
  }

  private List<JsonNode> susExport() {
    return ApiKlient.stream(api.get("sara", "/api/sus/registreringar").kropp()).toList();
  }

  /** Rows per year, type, kön and whether anonymous: what SUS and the förbund's reports count. */
  private static Map<String, Long> antal(List<JsonNode> rader) {
    Map<String, Long> antal = new TreeMap<>();
    for (JsonNode r : rader) {
      antal.merge(
          r.path("datum").asText().substring(0, 4)
              + " "
              + r.path("typ").asText()
              + " "
              + r.path("kon").asText()
              + " anonym="
              + r.path("anonym").asBoolean(),
          1L,
          Long::sum);
    }
    return antal;
  }

  private static List<String> utanPersonnummer(List<JsonNode> rader) {
    List<String> ut = new ArrayList<>();
    for (JsonNode r : rader) {
      ObjectNode kopia = r.deepCopy();
      kopia.remove("personnummer");
      ut.add(kopia.toString());
    }
    return ut;
  }

  /**
   * Gallring reads and writes each module's rows of a case by {@code arende_id}, one case at a
   * time: without an index on that column each of them scans the whole table, which grows with
   * every case the förbund has had (the SUS registrations are kept for the statistics).
   */
  @Test
  void varjeTabellSomPekarPaEttArendeHarEttIndexPaArendet() {
    List<String> utanIndex =
        jdbc.sql(
                """
                select c.conrelid::regclass::text || '.' || a.attname
                from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.contype = 'f' and c.confrelid = 'arende'::regclass
                  and cardinality(c.conkey) = 1
                  and not exists (select 1 from pg_index i
                                  where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
                order by 1
                """)
            .query(String.class)
            .list();

    assertThat(utanIndex).isEmpty();
  }

  private int granskningsrader(String arendeId) {
    return jdbc.sql("select count(*) from granskningslogg where arende_id = ?::uuid")
        .param(arendeId)
        .query(Integer.class)
        .single();
  }

  /**
   * Searches every text, character, JSON, array and binary column of every table for a person: the
   * personnummer with 12 or 10 digits and any separator, its keyed hash, any value that decrypts to
   * it, and the word every free text and name about the person carries. Base64 inside a value (mail
   * attachments) is decoded and searched too, a PDF by its text.
   */
  static final class Spar {

    static final String TOLV = "personnummer 12 siffror";
    static final String TIO = "personnummer 10 siffror";
    static final String HASH = "personnummer hash";
    static final String KRYPTERAT = "personnummer krypterat";
    static final String NAMNHASH = "namn hash";
    static final String FRITEXT = "namn eller fritext";

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{40,}={0,2}");
    private static final Pattern CHIFFER = Pattern.compile("^[A-Za-z0-9+/]{40,100}={0,2}$");
    private static final Pattern SKILJETECKEN = Pattern.compile("[\\s\\-+./_\u00a0\u2010-\u2015]");

    private final JdbcClient jdbc;
    private final PersonnummerSkydd skydd;

    Spar(JdbcClient jdbc, PersonnummerSkydd skydd) {
      this.jdbc = jdbc;
      this.skydd = skydd;
    }

    /** What was found in the database, by kind, with the tables it was found in. */
    Map<String, Set<String>> sok(Person p) {
      List<String[]> kolumner =
          jdbc.sql(
                  """
                  select table_name, column_name, data_type from information_schema.columns
                  where table_schema = 'public'
                    and data_type in ('text', 'character varying', 'character', 'json', 'jsonb',
                                      'bytea', 'ARRAY')
                  order by table_name, column_name
                  """)
              .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
              .list();
      assertThat(kolumner).hasSizeGreaterThan(50);
      Map<String, Set<String>> fynd = new TreeMap<>();
      for (String[] k : kolumner) {
        String kolumn = "\"" + k[1] + "\"";
        String varde =
            k[2].equals("bytea") ? "encode(" + kolumn + ", 'escape')" : kolumn + "::text";
        String sql = "select " + varde + " from \"" + k[0] + "\" where " + kolumn + " is not null";
        for (String text : jdbc.sql(sql).query(String.class).list()) {
          for (String slag : sok(p, text)) {
            fynd.computeIfAbsent(slag, x -> new TreeSet<>()).add(k[0]);
          }
        }
      }
      return fynd;
    }

    /** What one value gives away about the person. */
    Set<String> sok(Person p, String varde) {
      String tolv = p.personnummer().replace("-", "");
      String hash = skydd.hash(new Personnummer(tolv));
      List<String> texter = new ArrayList<>();
      texter.add(varde);
      Matcher m = BASE64.matcher(varde);
      while (m.find()) {
        avkodad(m.group()).ifPresent(texter::add);
        dekrypterad(m.group()).ifPresent(texter::add);
      }
      // The name's words are kept as keyed hashes of their beginnings, for search.
      String namnord = skydd.namnordHash(p.markor().toLowerCase(Locale.ROOT));
      Set<String> fynd = new TreeSet<>();
      for (String text : texter) {
        String kompakt = SKILJETECKEN.matcher(text).replaceAll("");
        if (kompakt.contains(tolv)) {
          fynd.add(TOLV);
        } else if (kompakt.contains(tolv.substring(2))) {
          fynd.add(TIO);
        }
        if (text.toLowerCase(Locale.ROOT).contains(hash)) {
          fynd.add(HASH);
        }
        if (text.toLowerCase(Locale.ROOT).contains(namnord)) {
          fynd.add(NAMNHASH);
        }
        if (text.toLowerCase(Locale.ROOT).contains(p.markor().toLowerCase(Locale.ROOT))) {
          fynd.add(FRITEXT);
        }
        if (CHIFFER.matcher(text).matches() && dekrypterasTill(text, tolv)) {
          fynd.add(KRYPTERAT);
        }
      }
      return fynd;
    }

    private boolean dekrypterasTill(String text, String tolv) {
      try {
        return skydd.dekryptera(text).tolvSiffror().equals(tolv);
      } catch (RuntimeException e) {
        return false;
      }
    }

    /** Personal data other than the personnummer, encrypted with the application's key. */
    private Optional<String> dekrypterad(String base64) {
      try {
        return Optional.of(skydd.dekrypteraText(base64));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }

    private static Optional<String> avkodad(String base64) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (bytes.length > 4 && new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals("%PDF")) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
          return Optional.of(new PDFTextStripper().getText(pdf));
        } catch (IOException e) {
          throw new AssertionError("En PDF i databasen kunde inte läsas", e);
        }
      }
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
