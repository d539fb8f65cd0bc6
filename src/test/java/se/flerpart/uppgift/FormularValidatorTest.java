package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the real forms in {@code forms/} (the project root is the working directory). */
class FormularValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, Object> PARTER =
      Map.of(
          "parter",
          List.of(
              alternativ("Försäkringskassan", "FK"),
              alternativ("Arbetsförmedlingen", "AF"),
              alternativ("Uppsala kommun", "KOMMUN-UPPSALA"),
              alternativ("Region Uppsala", "REGION")));

  private static final Map<String, Object> HANDLAGGARE =
      Map.of(
          "handlaggare",
          List.of(alternativ("Anna (FK)", "anna"), alternativ("Bengt (AF)", "bengt")));

  private static final Map<String, Object> AVSLUTSORSAKER =
      Map.of(
          "avslutsorsaker",
          List.of(
              alternativ("Arbete, ej subventionerat", "ARBETE_EJ_SUBVENTIONERAT"),
              alternativ("Studier", "STUDIER"),
              alternativ("Felregistrering", "FELREGISTRERING")));

  private final FormularValidator validator = new FormularValidator();
  private final Map<String, String> fel = new LinkedHashMap<>();

  private static Map<String, String> alternativ(String label, String value) {
    return Map.of("label", label, "value", value);
  }

  private static Formular formular(String id) throws IOException {
    JsonNode schema = JSON.readTree(Path.of("forms", id + ".form").toFile());
    return new Formular(id, schema);
  }

  private Map<String, Object> validera(
      String formularId, Map<String, Object> inskickat, Map<String, Object> formularData)
      throws IOException {
    return validator.validera(formular(formularId), inskickat, formularData, fel);
  }

  /** Every message is Swedish prose, never a code or an empty string. */
  private void felArSvenska() {
    assertThat(fel.values())
        .allSatisfy(
            m ->
                assertThat(m)
                    .isNotBlank()
                    .doesNotContain("null")
                    .containsPattern("[a-zåäö]{3,}")
                    .doesNotContainPattern("(?i)\\b(required|invalid|must|field|value)\\b"));
  }

  private static Map<String, Object> map(Object... nyckelVarde) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < nyckelVarde.length; i += 2) {
      m.put((String) nyckelVarde[i], nyckelVarde[i + 1]);
    }
    return m;
  }

  // --- inhamta-samtycke ---------------------------------------------------------------------

  @Test
  void samtyckeNejKraverIngetMerOchSlapparDoldaFalt() throws IOException {
    Map<String, Object> rena =
        validera(
            "inhamta-samtycke",
            map(
                "samtycke",
                "NEJ",
                "samtyckeForm",
                "SKRIFTLIGT",
                "samtyckeParter",
                List.of("FK"),
                "susSamtycke",
                true),
            PARTER);

    assertThat(fel).isEmpty();
    assertThat(rena).containsExactly(entry("samtycke", "NEJ"));
  }

  @Test
  void samtyckeNejUtanDoldaFaltGerIngaFel() throws IOException {
    Map<String, Object> rena = validera("inhamta-samtycke", map("samtycke", "NEJ"), PARTER);

    assertThat(fel).isEmpty();
    assertThat(rena).containsExactly(entry("samtycke", "NEJ"));
  }

  @Test
  void samtyckeJaUtanFormOchParterGerFelPerFalt() throws IOException {
    Map<String, Object> rena = validera("inhamta-samtycke", map("samtycke", "JA"), PARTER);

    assertThat(fel).containsOnlyKeys("samtyckeForm", "samtyckeParter");
    assertThat(fel.get("samtyckeForm")).isEqualTo("Hur lämnades samtycket? – besvara frågan");
    assertThat(fel.get("samtyckeParter"))
        .isEqualTo("Parter som får utbyta information: välj minst ett alternativ");
    felArSvenska();
    assertThat(rena).doesNotContainKeys("samtyckeForm", "samtyckeParter");
  }

  @Test
  void samtyckeJaMedTommaVardenRaknasSomSaknade() throws IOException {
    validera(
        "inhamta-samtycke",
        map("samtycke", "JA", "samtyckeForm", "  ", "samtyckeParter", List.of()),
        PARTER);

    assertThat(fel).containsOnlyKeys("samtyckeForm", "samtyckeParter");
    felArSvenska();
  }

  @Test
  void samtyckeSaknasHeltGerFelBaraPaSamtycke() throws IOException {
    Map<String, Object> rena = validera("inhamta-samtycke", map(), PARTER);

    assertThat(fel).containsOnlyKeys("samtycke");
    assertThat(fel.get("samtycke")).isEqualTo("Har individen lämnat samtycke? – besvara frågan");
    felArSvenska();
    assertThat(rena).isEmpty();
  }

  @Test
  void inskickatNullBehandlasSomTomt() throws IOException {
    Map<String, Object> rena = validera("inhamta-samtycke", null, PARTER);

    assertThat(fel).containsOnlyKeys("samtycke");
    assertThat(rena).isEmpty();
  }

  @Test
  void samtyckeJaKomplettGodtasOchOkandaNycklarSlapps() throws IOException {
    Map<String, Object> rena =
        validera(
            "inhamta-samtycke",
            map(
                "samtycke", "JA",
                "samtyckeForm", "MUNTLIGT",
                "samtyckeParter", List.of("FK", "REGION", "FK"),
                "susSamtycke", "true",
                "arendeId", 4711,
                "status", "AVSLUTAT",
                "__proto__", Map.of("admin", true)),
            PARTER);

    assertThat(fel).isEmpty();
    assertThat(rena)
        .containsOnlyKeys("samtycke", "samtyckeForm", "samtyckeParter", "susSamtycke")
        .containsEntry("samtycke", "JA")
        .containsEntry("samtyckeForm", "MUNTLIGT")
        .containsEntry("samtyckeParter", List.of("FK", "REGION"))
        .containsEntry("susSamtycke", true);
  }

  @Test
  void partUtanforParterAvvisas() throws IOException {
    Map<String, Object> rena =
        validera(
            "inhamta-samtycke",
            map(
                "samtycke", "JA",
                "samtyckeForm", "DIGITALT",
                "samtyckeParter", List.of("FK", "SKATTEVERKET")),
            PARTER);

    assertThat(fel).containsOnlyKeys("samtyckeParter");
    assertThat(fel.get("samtyckeParter"))
        .startsWith("Parter som får utbyta information")
        .contains("okänt alternativ")
        .contains("SKATTEVERKET");
    felArSvenska();
    assertThat(rena).doesNotContainKey("samtyckeParter");
  }

  @Test
  void parterUtanFormularDataAvvisas() throws IOException {
    validera(
        "inhamta-samtycke",
        map("samtycke", "JA", "samtyckeForm", "DIGITALT", "samtyckeParter", List.of("FK")),
        Map.of());

    assertThat(fel).containsOnlyKeys("samtyckeParter");
    felArSvenska();
  }

  @Test
  void parterSomEnskildTextAvvisas() throws IOException {
    validera(
        "inhamta-samtycke",
        map("samtycke", "JA", "samtyckeForm", "DIGITALT", "samtyckeParter", "FK"),
        PARTER);

    assertThat(fel).containsOnlyKeys("samtyckeParter");
    assertThat(fel.get("samtyckeParter")).contains("välj ett eller flera alternativ");
    felArSvenska();
  }

  @ParameterizedTest
  @ValueSource(strings = {"KANSKE", "ja", "Ja, samtycke lämnat", "JA "})
  void radiovardeUtanforAlternativenAvvisas(String varde) throws IOException {
    Map<String, Object> rena =
        validera("inhamta-samtycke", map("samtycke", varde, "samtyckeForm", "BREV"), PARTER);

    assertThat(fel).containsOnlyKeys("samtycke");
    assertThat(fel.get("samtycke")).endsWith(": välj ett av alternativen");
    felArSvenska();
    assertThat(rena).isEmpty();
  }

  @Test
  void samtyckeFormUtanforAlternativenAvvisas() throws IOException {
    validera(
        "inhamta-samtycke",
        map("samtycke", "JA", "samtyckeForm", "BREV", "samtyckeParter", List.of("AF")),
        PARTER);

    assertThat(fel).containsOnlyKeys("samtyckeForm");
    assertThat(fel.get("samtyckeForm"))
        .isEqualTo("Hur lämnades samtycket?: välj ett av alternativen");
  }

  // --- checkbox -----------------------------------------------------------------------------

  static Stream<Object[]> kryssrutor() {
    return Stream.of(
        new Object[] {"true", true},
        new Object[] {"false", false},
        new Object[] {true, true},
        new Object[] {false, false},
        new Object[] {null, false},
        new Object[] {"", false});
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("kryssrutor")
  void kryssrutaTolkas(Object skickat, boolean tolkat) throws IOException {
    Map<String, Object> in =
        map("samtycke", "JA", "samtyckeForm", "SKRIFTLIGT", "samtyckeParter", List.of("FK"));
    if (skickat != null) {
      in.put("susSamtycke", skickat);
    }

    Map<String, Object> rena = validera("inhamta-samtycke", in, PARTER);

    assertThat(fel).isEmpty();
    assertThat(rena).containsEntry("susSamtycke", tolkat);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ja", "1", "on", "TRUE "})
  void kryssrutaMedAnnatVardeAvvisas(String skickat) throws IOException {
    Map<String, Object> rena =
        validera(
            "inhamta-samtycke",
            map(
                "samtycke",
                "JA",
                "samtyckeForm",
                "SKRIFTLIGT",
                "samtyckeParter",
                List.of("FK"),
                "susSamtycke",
                skickat),
            PARTER);

    assertThat(fel).containsOnlyKeys("susSamtycke");
    assertThat(fel.get("susSamtycke")).endsWith(": ange ja eller nej");
    felArSvenska();
    assertThat(rena).doesNotContainKey("susSamtycke");
  }

  // --- bered-arende -------------------------------------------------------------------------

  @Test
  void beslutJaKraverArendebarare() throws IOException {
    Map<String, Object> rena =
        validera(
            "bered-arende",
            map("beslut", "JA", "motivering", "Uppfyller kriterierna"),
            HANDLAGGARE);

    assertThat(fel).containsOnlyKeys("arendebarare");
    assertThat(fel.get("arendebarare")).isEqualTo("Ärendebärare: välj ett alternativ");
    felArSvenska();
    assertThat(rena).doesNotContainKey("arendebarare");
  }

  @Test
  void beslutJaMedArendebarareGodtas() throws IOException {
    Map<String, Object> rena =
        validera(
            "bered-arende",
            map(
                "beslut", "JA",
                "motivering", "  Uppfyller kriterierna  ",
                "arendebarare", "anna",
                "historia", "Långvarig sjukskrivning",
                "okand", "x"),
            HANDLAGGARE);

    assertThat(fel).isEmpty();
    assertThat(rena)
        .containsOnlyKeys("beslut", "motivering", "arendebarare", "historia")
        .containsEntry("beslut", "JA")
        .containsEntry("motivering", "Uppfyller kriterierna")
        .containsEntry("arendebarare", "anna")
        .containsEntry("historia", "Långvarig sjukskrivning");
  }

  @Test
  void arendebarareUtanforHandlaggareAvvisas() throws IOException {
    validera(
        "bered-arende",
        map("beslut", "JA", "motivering", "Ja", "arendebarare", "mallory"),
        HANDLAGGARE);

    assertThat(fel).containsOnlyKeys("arendebarare");
    assertThat(fel.get("arendebarare")).isEqualTo("Ärendebärare: välj ett av alternativen");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NEJ", "KOMPLETTERA", "HANVISA"})
  void annatBeslutKraverIngenArendebarare(String beslut) throws IOException {
    Map<String, Object> rena =
        validera(
            "bered-arende",
            map("beslut", beslut, "motivering", "Motiverat", "arendebarare", "anna"),
            HANDLAGGARE);

    assertThat(fel).isEmpty();
    assertThat(rena)
        .containsOnlyKeys("beslut", "motivering")
        .containsEntry("beslut", beslut)
        .doesNotContainKey("arendebarare");
  }

  @Test
  void beslutNejUtanArendebarareGodtas() throws IOException {
    Map<String, Object> rena =
        validera("bered-arende", map("beslut", "NEJ", "motivering", "Ej i målgruppen"), Map.of());

    assertThat(fel).isEmpty();
    assertThat(rena).containsOnlyKeys("beslut", "motivering");
  }

  @Test
  void motiveringKravsOchFarInteVaraBlank() throws IOException {
    validera("bered-arende", map("beslut", "NEJ", "motivering", "   "), HANDLAGGARE);

    assertThat(fel).containsOnlyKeys("motivering");
    assertThat(fel.get("motivering")).isEqualTo("Motivering saknas");
  }

  @Test
  void textfaltSomInteArTextAvvisas() throws IOException {
    validera("bered-arende", map("beslut", "NEJ", "motivering", 42), HANDLAGGARE);

    assertThat(fel).containsOnlyKeys("motivering");
    assertThat(fel.get("motivering")).isEqualTo("Motivering ska vara text");
  }

  @Test
  void tomtBeredningsformularGerFelPaBeslutOchMotivering() throws IOException {
    validera("bered-arende", map(), HANDLAGGARE);

    assertThat(fel).containsOnlyKeys("beslut", "motivering");
    assertThat(fel).containsEntry("beslut", "Beslut: välj ett alternativ");
    felArSvenska();
  }

  @Test
  void faltIGrupperRaknasMedOchTextkomponenterInte() throws IOException {
    List<String> nycklar =
        formular("bered-arende").falt().stream().map(f -> f.path("key").asText()).toList();

    assertThat(nycklar)
        .containsExactly(
            "historia",
            "ohalsa",
            "familjeforhallanden",
            "vardkontakter",
            "utbildning",
            "beslut",
            "motivering",
            "arendebarare");
  }

  // --- avsluta-arende -----------------------------------------------------------------------

  @Test
  void avslutsorsakUrListanGodtas() throws IOException {
    Map<String, Object> rena =
        validera(
            "avsluta-arende",
            map("avslutsorsak", "STUDIER", "planUppfylld", "DELVIS", "avslutsanteckning", ""),
            AVSLUTSORSAKER);

    assertThat(fel).isEmpty();
    assertThat(rena)
        .containsOnlyKeys("avslutsorsak", "planUppfylld")
        .containsEntry("avslutsorsak", "STUDIER")
        .containsEntry("planUppfylld", "DELVIS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PENSION", "studier", "Studier"})
  void avslutsorsakUtanforListanAvvisas(String orsak) throws IOException {
    Map<String, Object> rena =
        validera(
            "avsluta-arende", map("avslutsorsak", orsak, "planUppfylld", "JA"), AVSLUTSORSAKER);

    assertThat(fel).containsOnlyKeys("avslutsorsak");
    assertThat(fel.get("avslutsorsak")).isEqualTo("Avslutsorsak: välj ett av alternativen");
    assertThat(rena).containsOnlyKeys("planUppfylld");
  }

  @Test
  void avslutsorsakUtanFormularDataAvvisas() throws IOException {
    validera("avsluta-arende", map("avslutsorsak", "STUDIER", "planUppfylld", "JA"), Map.of());

    assertThat(fel).containsOnlyKeys("avslutsorsak");
  }

  @Test
  void avslutUtanVardenKraverBaraAvslutsorsak() throws IOException {
    validera("avsluta-arende", map(), AVSLUTSORSAKER);

    assertThat(fel)
        .containsOnlyKeys("avslutsorsak")
        .containsEntry("avslutsorsak", "Avslutsorsak: välj ett alternativ");
    felArSvenska();
  }

  @Test
  void arbeteEfterAvslutKraverOmfattning() throws IOException {
    Map<String, Object> data = new HashMap<>(AVSLUTSORSAKER);
    data.put(
        "sysselsattningar",
        List.of(
            Map.of("label", "Arbete", "value", "ARBETE"),
            Map.of("label", "Studier", "value", "STUDIER")));
    data.put("forsorjningar", List.of(Map.of("label", "Lön", "value", "LON")));

    validera(
        "avsluta-arende",
        map(
            "avslutsorsak",
            "STUDIER",
            "sysselsattningEfter",
            "ARBETE",
            "forsorjningEfter",
            List.of("LON")),
        data);
    assertThat(fel).containsOnlyKeys("omfattning");
    felArSvenska();

    fel.clear();
    Map<String, Object> rena =
        validera(
            "avsluta-arende",
            map(
                "avslutsorsak", "STUDIER",
                "sysselsattningEfter", "ARBETE",
                "omfattning", "75",
                "subventionerad", true,
                "forsorjningEfter", List.of("LON")),
            data);
    assertThat(fel).isEmpty();
    assertThat(rena).containsEntry("omfattning", "75").containsEntry("subventionerad", true);

    fel.clear();
    rena =
        validera(
            "avsluta-arende",
            map("avslutsorsak", "STUDIER", "sysselsattningEfter", "STUDIER", "omfattning", "75"),
            data);
    assertThat(fel).isEmpty();
    assertThat(rena).doesNotContainKeys("omfattning", "subventionerad");

    validera(
        "avsluta-arende",
        map("avslutsorsak", "STUDIER", "forsorjningEfter", List.of("PENSION")),
        data);
    assertThat(fel).containsOnlyKeys("forsorjningEfter");
  }

  // --- every form in forms/ -----------------------------------------------------------------

  static Stream<String> allaFormular() throws IOException {
    try (Stream<Path> filer = Files.list(Path.of("forms"))) {
      return filer
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".form"))
          .map(n -> n.substring(0, n.length() - ".form".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("allaFormular")
  void varjeFormularGerSvenskaFelForTomtInskick(String id) throws IOException {
    Formular formular = formular(id);
    assertThat(formular.schema().path("id").asText()).isEqualTo(id);

    Map<String, Object> rena = validator.validera(formular, Map.of(), Map.of(), fel);

    assertThat(fel).isNotEmpty();
    felArSvenska();
    assertThat(rena.values()).allSatisfy(v -> assertThat(v).isEqualTo(false));
  }

  @Test
  void enTextrutaUtanAngivenMaxlangdFarHaHogst10000Tecken() throws IOException {
    validera(
        "komplettera-aktualisering",
        Map.of("komplettering", "x".repeat(FormularValidator.MAX_TEXTAREA + 1)),
        Map.of());
    assertThat(fel).containsEntry("komplettering", "Komplettering får ha högst 10000 tecken");

    fel.clear();
    validera(
        "komplettera-aktualisering",
        Map.of("komplettering", "x".repeat(FormularValidator.MAX_TEXTAREA)),
        Map.of());
    assertThat(fel).isEmpty();
  }

  @Test
  void ettTextfaltUtanMaxlangdOchEnListaHarTakSomStandard() throws IOException {
    Formular formular =
        new Formular(
            "test",
            JSON.readTree(
                """
                {"components": [
                  {"type": "textfield", "key": "rubrik", "label": "Rubrik"},
                  {"type": "dynamiclist", "path": "rader", "label": "Deltagare",
                   "components": [{"type": "textfield", "key": "namn", "label": "Namn"}]}
                ]}
                """));
    List<Map<String, Object>> forMangaRader =
        IntStream.rangeClosed(0, FormularValidator.MAX_RADER)
            .mapToObj(n -> Map.<String, Object>of("namn", "Person " + n))
            .toList();

    validator.validera(
        formular,
        Map.of("rubrik", "x".repeat(FormularValidator.MAX_TEXTFALT + 1), "rader", forMangaRader),
        Map.of(),
        fel);

    assertThat(fel)
        .containsEntry("rubrik", "Rubrik får ha högst 1000 tecken")
        .containsEntry("rader", "Deltagare får ha högst 100 rader");
    felArSvenska();
  }

  @Test
  void tidUtanZonArSvenskTidOchDatumTasSomAaaaMmDdEllerAaaaMmDd() {
    // form-js' no_timezone: the time on a clock in Sweden, winter and summer.
    assertThat(FormularValidator.svenskTid("2026-12-04T10:00").toString())
        .isEqualTo("2026-12-04T10:00+01:00");
    assertThat(FormularValidator.svenskTid("2026-06-04T10:00").toString())
        .isEqualTo("2026-06-04T10:00+02:00");
    assertThat(FormularValidator.svenskTid("2026-12-04T09:00Z").toInstant())
        .isEqualTo(FormularValidator.svenskTid("2026-12-04T10:00").toInstant());
  }
}
