package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.Decision;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.Form;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.flerpart.ProcessMotor;
import se.flerpart.ProcesstestIEgenJvmTest;

/**
 * Processen {@code arende} på den inbyggda motorn: aktualisering → samtycke → beredning → avslut.
 *
 * <p>Användaruppgifter är jobbaserade (jobbtyp {@code io.camunda.zeebe:userTask}) och slutförs som
 * jobb, precis som Flerparts uppgiftslista gör. Tiden flyttas med motorns klocka.
 */
@ZeebeProcessTest
@Tag(ProcesstestIEgenJvmTest.TAGG)
class ArendeProcessTest {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  private static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  private static final String FORM_KEY = "io.camunda.zeebe:formKey";
  private static final String DUE_DATE = "io.camunda.zeebe:dueDate";
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> RESOURCES =
      List.of(
          "processes/arende.bpmn",
          "processes/vagledande-kriterier.dmn",
          "forms/inhamta-samtycke.form",
          "forms/bered-arende.form",
          "forms/komplettera-aktualisering.form",
          "forms/avsluta-arende.form",
          "processes/flerpartsmote.bpmn",
          "forms/forbered-kallelse.form",
          "forms/genomfor-mote.form",
          "processes/uppfoljning.bpmn",
          "forms/folj-upp-plan.form",
          "forms/prova-fortsattning.form");

  private ZeebeTestEngine engine;

  /** How far the engine clock has been moved, so that times given to the engine follow it. */
  private Duration framflyttat = Duration.ZERO;

  private ZeebeClient client;
  private DeploymentEvent deployment;

  @BeforeEach
  void deployModelsAndForms() {
    var command =
        client.newDeployResourceCommand().addResourceFile(Path.of(RESOURCES.get(0)).toString());
    for (String resource : RESOURCES.subList(1, RESOURCES.size())) {
      command = command.addResourceFile(Path.of(resource).toString());
    }
    deployment = command.send().join();
    BpmnAssert.assertThat(deployment).containsProcessesByBpmnProcessId("arende");
    assertThat(deployment.getDecisions())
        .extracting(Decision::getDmnDecisionId)
        .containsExactly("vagledande-kriterier");
    assertThat(deployment.getForm())
        .extracting(Form::getFormId)
        .containsExactlyInAnyOrder(
            "inhamta-samtycke",
            "bered-arende",
            "komplettera-aktualisering",
            "avsluta-arende",
            "forbered-kallelse",
            "genomfor-mote",
            "folj-upp-plan",
            "prova-fortsattning");
  }

  // ---------------------------------------------------------------- samtycke

  @Test
  @DisplayName("Givet en aktualisering: samtycket inhämtas av referenten, med frist och formulär")
  void samtyckeInhamtasAvReferentenMedFristOchFormular() throws Exception {
    Instant fore = Instant.now();
    var arende = startaArende(List.of("FK", "AF"));

    ActivatedJob uppgift = aktiveraAnvandaruppgift("inhamta-samtycke");

    BpmnAssert.assertThat(arende).isWaitingExactlyAtElements("inhamta-samtycke");
    BpmnAssert.assertThat(uppgift)
        .hasBpmnProcessId("arende")
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "anna")
        .containsEntry(FORM_KEY, formKey("inhamta-samtycke"))
        .containsKey(DUE_DATE);
    Instant forfallodatum =
        ZonedDateTime.parse(uppgift.getCustomHeaders().get(DUE_DATE)).toInstant();
    assertThat(forfallodatum)
        .isCloseTo(fore.plus(Duration.ofDays(14)), within(1, ChronoUnit.MINUTES));
  }

  @Test
  @DisplayName(
      "Givet en aktualisering, när samtycke inte lämnas, så får referenten återkoppling och ärendet avslutas")
  void samtyckeNekas() throws Exception {
    var arende = startaArende(List.of("FK", "AF"));

    slutforAnvandaruppgift("inhamta-samtycke", Map.of("samtycke", "NEJ"));

    ActivatedJob aterkoppling = aktiveraJobb("skicka-aterkoppling");
    BpmnAssert.assertThat(aterkoppling)
        .hasElementId("skicka-aterkoppling-samtycke")
        .extractingHeaders()
        .containsEntry("tillfalle", "samtycke");
    slutfor(aterkoppling, Map.of());

    BpmnAssert.assertThat(arende)
        .hasPassedElementsInOrder(
            "aktualisering-inkommen",
            "inhamta-samtycke",
            "samtycke-lamnat",
            "skicka-aterkoppling-samtycke",
            "avslutad-samtycke-saknas")
        .hasNotPassedElement("foresla-utfall")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet ett samtycke som inte inhämtats, efter 14 dagar skickas en påminnelse, en avvikelse"
          + " registreras och uppgiften står kvar")
  void samtyckesfristPasserad() throws Exception {
    var arende = startaArende(List.of("FK", "AF"));

    engine.increaseTime(Duration.ofDays(14));
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob paminnelse = aktiveraJobb("skicka-paminnelse");
    BpmnAssert.assertThat(paminnelse)
        .hasElementId("skicka-paminnelse-samtycke")
        .extractingHeaders()
        .containsEntry("avser", "samtycke");
    slutfor(paminnelse, Map.of());

    ActivatedJob avvikelse = aktiveraJobb("registrera-avvikelse");
    BpmnAssert.assertThat(avvikelse)
        .hasElementId("registrera-avvikelse-samtycke")
        .extractingHeaders()
        .containsEntry("typ", "SAMTYCKE_EJ_INHAMTAT");
    assertThat(avvikelse.getVariablesAsMap())
        .containsEntry("arendeId", "5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11")
        .containsEntry("berordPart", "FK")
        .containsEntry(
            "avvikelseBeskrivning", "Samtycke har inte inhämtats inom fristen i ärende 2026-0001.");
    slutfor(avvikelse, Map.of());

    BpmnAssert.assertThat(arende)
        .hasPassedElementsInOrder(
            "samtyckesfrist-passerad",
            "skicka-paminnelse-samtycke",
            "registrera-avvikelse-samtycke",
            "samtycke-avvikelse-registrerad")
        .isWaitingExactlyAtElements("inhamta-samtycke")
        .isActive()
        .hasNoIncidents();
    aktiveraAnvandaruppgift("inhamta-samtycke");
  }

  @Test
  @DisplayName("Givet ett samtycke som inte inhämtats, före 14 dagar skickas ingen påminnelse")
  void ingenPaminnelseForeFristen() throws Exception {
    var arende = startaArende(List.of("FK", "AF"));

    engine.increaseTime(Duration.ofDays(14).minusMinutes(1));
    engine.waitForIdleState(IDLE_TIMEOUT);

    assertThat(aktiveraJobben("skicka-paminnelse")).isEmpty();
    assertThat(aktiveraJobben("registrera-avvikelse")).isEmpty();
    BpmnAssert.assertThat(arende)
        .hasNotPassedElement("samtyckesfrist-passerad")
        .isWaitingExactlyAtElements("inhamta-samtycke");
  }

  // ---------------------------------------------------------------- vägledande kriterier

  static Stream<Arguments> vagledandeKriterier() {
    return Stream.of(
        Arguments.of(
            "flerpartssamverkan",
            List.of(),
            "KOMPLETTERA",
            "Aktualiseringen anger inte vilka parter som behöver delta."),
        Arguments.of(
            "flerpartssamverkan",
            List.of("AF"),
            "HANVISA",
            "Behovet gäller en part – pröva först den partens ordinarie insatser."),
        Arguments.of(
            "flerpartssamverkan",
            List.of("FK", "AF"),
            "JA",
            "Behov hos minst två parter – flerpartssamverkan är lämplig."),
        Arguments.of(
            "annan-insats",
            List.of("FK", "AF", "REGION"),
            "KOMPLETTERA",
            "Pröva insatsens kriterier i beredningsgruppen."),
        Arguments.of(
            "flerpartssamverkan",
            null,
            "KOMPLETTERA",
            "Aktualiseringen anger inte vilka parter som behöver delta."));
  }

  @ParameterizedTest(name = "{0} med behov {1} → {2}")
  @MethodSource("vagledandeKriterier")
  @DisplayName("Givet samtycke, så föreslår de vägledande kriterierna ett utfall inför beredningen")
  void samtyckeLamnatForeslarUtfall(
      String insats, List<String> behov, String utfall, String motivering) throws Exception {
    var variabler = startvariabler(behov);
    variabler.put("insats", insats);
    var arende = startaArende(variabler);

    slutforAnvandaruppgift("inhamta-samtycke", samtyckeJa());

    BpmnAssert.assertThat(arende)
        .hasPassedElementsInOrder("samtycke-lamnat", "till-beredning", "foresla-utfall")
        .hasVariableWithValue("vagledning", Map.of("utfall", utfall, "motivering", motivering))
        .isWaitingExactlyAtElements("bered-arende")
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet ett startat ärende, när samma aktualisering publiceras igen, så startar ingen ny"
          + " process för ärendet")
  void sammaAktualiseringIgenStartarIngetNytt() throws Exception {
    var arende = startaArende(List.of("FK", "AF"));

    var igen =
        motor()
            .publiceraStart(
                "aktualisering-inkommen", "arendeId", startvariabler(List.of("FK", "AF")));
    engine.waitForIdleState(IDLE_TIMEOUT);

    BpmnAssert.assertThat(igen).hasNotCreatedProcessInstance();
    assertThat(
            motor()
                .instans("arende", "arendeId", "5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11")
                .getProcessInstanceKey())
        .isEqualTo(arende.getProcessInstanceKey());
    BpmnAssert.assertThat(arende).isWaitingExactlyAtElements("inhamta-samtycke");
  }

  // ---------------------------------------------------------------- beredning

  @Test
  @DisplayName("Givet samtycke, så bereds ärendet av insatsens beredningsgrupp")
  void beredningAvBeredningsgruppen() throws Exception {
    startaArende(List.of("FK", "AF"));
    slutforAnvandaruppgift("inhamta-samtycke", samtyckeJa());

    ActivatedJob beredning = aktiveraAnvandaruppgift("bered-arende");

    BpmnAssert.assertThat(beredning)
        .extractingHeaders()
        .containsEntry(FORM_KEY, formKey("bered-arende"))
        .doesNotContainKey(ASSIGNEE)
        .containsKey(CANDIDATE_GROUPS);
    List<String> kandidatgrupper =
        new ObjectMapper()
            .readValue(
                beredning.getCustomHeaders().get(CANDIDATE_GROUPS), new TypeReference<>() {});
    assertThat(kandidatgrupper).containsExactly("beredning-flerpartssamverkan");
  }

  @Test
  @DisplayName(
      "Givet beslut Ja i beredningen, så registreras ärendet i SUS, ärendebäraren kallar till"
          + " flerpartsmöte, planen följs upp och ärendet avslutas och utregistreras")
  void beslutJaLederTillFlerpartsmoteUppfoljningOchAvslut() throws Exception {
    var arende = tillArendebararen();

    genomforFlerpartsmote();
    foljUpp("AVSLUTA");

    ActivatedJob avslut = aktiveraAnvandaruppgift("avsluta-arende");
    BpmnAssert.assertThat(avslut)
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "anna")
        .containsEntry(FORM_KEY, formKey("avsluta-arende"));
    slutfor(avslut, Map.of("avslutsorsak", "STUDIER", "planUppfylld", "JA"));
    slutfor(aktiveraJobb("sus-utregistrering"), Map.of());
    slutforAterkoppling("skicka-aterkoppling-avslut", "avslut");

    BpmnAssert.assertThat(arende)
        .hasPassedElementsInOrder(
            "bered-arende",
            "skicka-aterkoppling-beredning",
            "beslut-i-beredning",
            "sus-inregistrering",
            "flerpartsmote",
            "planera-uppfoljning",
            "uppfoljning",
            "beslut-efter-uppfoljning",
            "avsluta-arende",
            "sus-utregistrering",
            "skicka-aterkoppling-avslut",
            "arende-avslutat")
        .hasVariableWithValue("arendebarare", "anna")
        .hasVariableWithValue("avslutsorsak", "STUDIER")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName("Givet en uppföljning som beslutar nytt möte, så kallas till ett nytt flerpartsmöte")
  void nyttMoteVidUppfoljningenKallarIgen() throws Exception {
    var arende = tillArendebararen();
    genomforFlerpartsmote();
    foljUpp("NYTT_MOTE");

    genomforFlerpartsmote();
    foljUpp("AVSLUTA");
    aktiveraAnvandaruppgift("avsluta-arende");
    BpmnAssert.assertThat(arende).isActive().hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet ett återkallat samtycke, så avbryts ärendet i vilket steg det än står, utregistreras"
          + " och parterna får återkoppling")
  void samtyckeAterkallatAvbryterArendet() throws Exception {
    var arende = tillArendebararen();
    ActivatedJob kallelse = aktiveraJobb(USER_TASK);
    assertThat(kallelse.getElementId()).isEqualTo("forbered-kallelse");

    publicera("samtycke-aterkallat");
    slutfor(aktiveraJobb("sus-utregistrering"), Map.of());
    slutforAterkoppling("samtycke-aterkallat-hantering-aterkoppling", "aterkallat");

    BpmnAssert.assertThat(arende)
        .hasPassedElement("avbrutet-samtycke-aterkallat")
        .hasNotPassedElement("avsluta-arende")
        .isCompleted();
    assertThat(aktiveraJobben(USER_TASK)).isEmpty();
  }

  @Test
  @DisplayName("Givet ett avbrutet ärende redan vid samtycket, så avslutas det med återkoppling")
  void arendeAvbrutetAvslutarProcessen() throws Exception {
    var arende = startaArende(List.of("FK", "AF"));
    publicera("arende-avbrutet");
    slutfor(aktiveraJobb("sus-utregistrering"), Map.of());
    slutforAterkoppling("arende-avbrutet-hantering-aterkoppling", "avbrutet");
    BpmnAssert.assertThat(arende)
        .hasPassedElement("avbrutet")
        .hasNotPassedElement("samtycke-lamnat")
        .isCompleted();
  }

  @Test
  @DisplayName(
      "Givet att insatsens maxtid nås, så får ärendebäraren pröva fortsättningen medan ärendet"
          + " fortsätter")
  void maxtidenGerProvningUtanAttAvbryta() throws Exception {
    var arende = tillArendebararen();
    flyttaKlockan(Duration.ofDays(366));

    List<ActivatedJob> uppgifter = aktiveraJobben(USER_TASK);
    assertThat(uppgifter)
        .extracting(ActivatedJob::getElementId)
        .containsExactlyInAnyOrder("forbered-kallelse", "prova-fortsattning");
    ActivatedJob provning =
        uppgifter.stream()
            .filter(u -> u.getElementId().equals("prova-fortsattning"))
            .findFirst()
            .orElseThrow();
    assertThat(provning.getCustomHeaders()).containsEntry(ASSIGNEE, "anna");
    slutfor(provning, Map.of("fortsattningsbeslut", "FORLANG"));
    BpmnAssert.assertThat(arende).hasPassedElement("fortsattning-provad").isActive();
  }

  /** Samtycke JA and beredning JA with anna as ärendebärare; stops at the SUS registration. */
  private ProcessInstanceEvent tillArendebararen() throws Exception {
    var arende = startaArende(List.of("FK", "AF"));
    slutforAnvandaruppgift("inhamta-samtycke", samtyckeJa());
    slutforAnvandaruppgift("bered-arende", beslut("JA", Map.of("arendebarare", "anna")));
    slutforAterkoppling("skicka-aterkoppling-beredning", "beredning");
    slutfor(aktiveraJobb("sus-inregistrering"), Map.of());
    return arende;
  }

  /** The follow-up after a meeting: its date comes from the plan, then the decision. */
  private void foljUpp(String beslut) throws Exception {
    ActivatedJob planera = aktiveraJobb("planera-uppfoljning");
    slutfor(
        planera,
        Map.of(
            "uppfoljningsdatum",
            LocalDate.ofInstant(Instant.now().plus(framflyttat), ZoneId.of("Europe/Stockholm"))
                .plusDays(60)
                .toString(),
            "uppfoljningPaminnelse",
            "P7D",
            "uppfoljningFrist",
            "P21D"));
    assertThat(aktiveraJobben(USER_TASK)).isEmpty();
    flyttaKlockan(Duration.ofDays(61));
    ActivatedJob uppfoljning = aktiveraJobb(USER_TASK);
    BpmnAssert.assertThat(uppfoljning)
        .hasElementId("folj-upp-plan")
        .hasBpmnProcessId("uppfoljning")
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "anna");
    slutfor(uppfoljning, Map.of("uppfoljningsbeslut", beslut, "progression", 6));
  }

  private void flyttaKlockan(Duration tid) throws Exception {
    engine.increaseTime(tid);
    framflyttat = framflyttat.plus(tid);
    engine.waitForIdleState(IDLE_TIMEOUT);
  }

  private void publicera(String meddelande) throws Exception {
    client
        .newPublishMessageCommand()
        .messageName(meddelande)
        .correlationKey("5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11")
        .send()
        .join();
    engine.waitForIdleState(IDLE_TIMEOUT);
  }

  @Test
  @DisplayName(
      "Givet beslut Nej i beredningen, så får referenten återkoppling och ärendet beviljas inte")
  void beslutNej() throws Exception {
    var arende = startaArende(List.of("FK", "AF"));
    slutforAnvandaruppgift("inhamta-samtycke", samtyckeJa());

    slutforAnvandaruppgift("bered-arende", beslut("NEJ", Map.of()));
    slutforAterkoppling("skicka-aterkoppling-beredning", "beredning");

    BpmnAssert.assertThat(arende)
        .hasPassedElementsInOrder(
            "skicka-aterkoppling-beredning", "beslut-i-beredning", "ej-beviljat")
        .hasNotPassedElement("avsluta-arende")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet beslut Hänvisa i beredningen, så får referenten återkoppling och ärendet hänvisas")
  void beslutHanvisa() throws Exception {
    var arende = startaArende(List.of("AF"));
    slutforAnvandaruppgift("inhamta-samtycke", samtyckeJa());

    slutforAnvandaruppgift("bered-arende", beslut("HANVISA", Map.of()));
    slutforAterkoppling("skicka-aterkoppling-beredning", "beredning");

    BpmnAssert.assertThat(arende)
        .hasPassedElementsInOrder("skicka-aterkoppling-beredning", "beslut-i-beredning", "hanvisat")
        .hasNotPassedElement("avsluta-arende")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName("Givet beslut Komplettera, så kompletterar referenten och ärendet bereds på nytt")
  void beslutKompletteraGerNyBeredning() throws Exception {
    var arende = startaArende(List.of());
    slutforAnvandaruppgift("inhamta-samtycke", samtyckeJa());
    BpmnAssert.assertThat(arende)
        .hasVariableWithValue(
            "vagledning",
            Map.of(
                "utfall",
                "KOMPLETTERA",
                "motivering",
                "Aktualiseringen anger inte vilka parter som behöver delta."));

    slutforAnvandaruppgift(
        "bered-arende",
        beslut("KOMPLETTERA", Map.of("motivering", "Ange vilka parter som behövs.")));
    slutforAterkoppling("skicka-aterkoppling-beredning", "beredning");

    ActivatedJob komplettering = aktiveraAnvandaruppgift("komplettera-aktualisering");
    BpmnAssert.assertThat(komplettering)
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "anna")
        .containsEntry(FORM_KEY, formKey("komplettera-aktualisering"));
    slutfor(
        komplettering,
        Map.of("komplettering", "Behov hos FK och AF.", "behov", List.of("FK", "AF")));

    BpmnAssert.assertThat(arende)
        .hasPassedElement("till-beredning", 2)
        .hasPassedElement("foresla-utfall", 2)
        .hasVariableWithValue(
            "vagledning",
            Map.of(
                "utfall",
                "JA",
                "motivering",
                "Behov hos minst två parter – flerpartssamverkan är lämplig."))
        .isWaitingExactlyAtElements("bered-arende")
        .hasNoIncidents();
    aktiveraAnvandaruppgift("bered-arende");
  }

  // ---------------------------------------------------------------- hjälpmetoder

  /**
   * The called flerpartsmote, as its own test covers it: it gets only the case's ids and the
   * ärendebärare, and returns nothing to the case.
   */
  private void genomforFlerpartsmote() throws Exception {
    ActivatedJob kallelse = aktiveraJobb(USER_TASK);
    BpmnAssert.assertThat(kallelse)
        .hasElementId("forbered-kallelse")
        .hasBpmnProcessId("flerpartsmote")
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "anna")
        .containsEntry(FORM_KEY, formKey("forbered-kallelse"));
    assertThat(kallelse.getVariablesAsMap())
        .containsOnlyKeys("arendeId", "arendenummer", "arendebarare");
    slutfor(kallelse, Map.of("ordforande", "cecilia"));

    Instant motesTid = Instant.now().plus(framflyttat).plus(Duration.ofDays(3));
    String kallelseId = "1d5a3a8e-0000-4000-8000-000000000001";
    slutfor(
        aktiveraJobb("skicka-kallelse"),
        Map.of(
            "moteId", "1d5a3a8e-0000-4000-8000-000000000000",
            "motesTid", motesTid.toString(),
            "paminnelseTid", motesTid.minus(Duration.ofDays(1)).toString(),
            "kallelser", List.of(Map.of("kallelseId", kallelseId, "part", "AF", "kravs", true))));
    client
        .newPublishMessageCommand()
        .messageName("kallelsesvar")
        .correlationKey(kallelseId)
        .variables(Map.of("svar", "ACCEPTERAR"))
        .send()
        .join();
    flyttaKlockan(Duration.ofDays(3).plusMinutes(1));

    ActivatedJob mote = aktiveraJobb(USER_TASK);
    BpmnAssert.assertThat(mote)
        .hasElementId("genomfor-mote")
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "cecilia");
    slutfor(mote, Map.of("franvarandeParter", List.of()));
    slutfor(aktiveraJobb("distribuera-plan"), Map.of());
  }

  private static Map<String, Object> startvariabler(List<String> behov) {
    Map<String, Object> variabler = new HashMap<>();
    variabler.put("arendeId", "5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11");
    variabler.put("arendenummer", "2026-0001");
    variabler.put("insats", "flerpartssamverkan");
    variabler.put("referent", "anna");
    variabler.put("referentPart", "FK");
    variabler.put("beredningsgrupp", "beredning-flerpartssamverkan");
    variabler.put("samtyckeFrist", "P14D");
    variabler.put("maxTid", "P12M");
    variabler.put("behov", behov);
    variabler.put("bradskande", false);
    return variabler;
  }

  private ProcessInstanceEvent startaArende(List<String> behov) throws Exception {
    return startaArende(startvariabler(behov));
  }

  /**
   * Starts the case as Flerpart does: through the message start event, correlated on the case id.
   */
  private ProcessInstanceEvent startaArende(Map<String, Object> variabler) throws Exception {
    ProcessInstanceEvent arende =
        motor().startaMedMeddelande("aktualisering-inkommen", "arende", "arendeId", variabler);
    BpmnAssert.assertThat(arende).isStarted().hasPassedElement("aktualisering-inkommen");
    return arende;
  }

  private static Map<String, Object> samtyckeJa() {
    return ArendeSteg.samtyckeJa(List.of("FK", "AF"), true);
  }

  private static Map<String, Object> beslut(String beslut, Map<String, Object> ovrigt) {
    Map<String, Object> variabler = new HashMap<>();
    variabler.put("beslut", beslut);
    variabler.put("motivering", "Beslut i beredningsgruppen.");
    variabler.putAll(ovrigt);
    return variabler;
  }

  private String formKey(String formId) {
    return motor().formKey(formId);
  }

  private List<ActivatedJob> aktiveraJobben(String jobType) {
    return motor().aktiveraJobben(jobType);
  }

  private ActivatedJob aktiveraJobb(String jobType) {
    return motor().aktiveraJobb(jobType);
  }

  private ActivatedJob aktiveraAnvandaruppgift(String elementId) {
    return motor().aktiveraAnvandaruppgift("arende", elementId);
  }

  private void slutfor(ActivatedJob job, Map<String, Object> variabler) throws Exception {
    motor().slutfor(job, variabler);
  }

  private ProcessMotor motor() {
    return new ProcessMotor(client, engine, deployment);
  }

  private void slutforAnvandaruppgift(String elementId, Map<String, Object> variabler)
      throws Exception {
    slutfor(aktiveraAnvandaruppgift(elementId), variabler);
  }

  private void slutforAterkoppling(String elementId, String tillfalle) throws Exception {
    ActivatedJob aterkoppling = aktiveraJobb("skicka-aterkoppling");
    BpmnAssert.assertThat(aterkoppling)
        .hasElementId(elementId)
        .extractingHeaders()
        .containsEntry("tillfalle", tillfalle);
    slutfor(aterkoppling, Map.of());
  }
}
