package se.flerpart.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.Form;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.flerpart.ProcessMotor;
import se.flerpart.ProcesstestIEgenJvmTest;

/**
 * Processen {@code avvikelse} på den inbyggda motorn: bedömning → åtgärd → (styrgruppsbeslut) →
 * återkoppling, och påminnelsen till processledaren när avvikelsen står orörd.
 */
@ZeebeProcessTest
@Tag(ProcesstestIEgenJvmTest.TAGG)
class AvvikelseProcessTest {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  private static final String CANDIDATE_GROUPS = "io.camunda.zeebe:candidateGroups";
  private static final String FORM_KEY = "io.camunda.zeebe:formKey";
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private DeploymentEvent deployment;

  @BeforeEach
  void deployModelAndForms() {
    deployment =
        client
            .newDeployResourceCommand()
            .addResourceFile("processes/avvikelse.bpmn")
            .addResourceFile("forms/bedom-avvikelse.form")
            .addResourceFile("forms/atgarda-avvikelse.form")
            .addResourceFile("forms/styrgruppsbeslut.form")
            .send()
            .join();
    BpmnAssert.assertThat(deployment).containsProcessesByBpmnProcessId("avvikelse");
    assertThat(deployment.getForm())
        .extracting(Form::getFormId)
        .containsExactlyInAnyOrder("bedom-avvikelse", "atgarda-avvikelse", "styrgruppsbeslut");
  }

  @Test
  @DisplayName(
      "Givet en rapporterad avvikelse, så bedömer processledaren den och den berörda partens"
          + " representant åtgärdar den; utan eskalering avslutas den med återkoppling")
  void atgardadUtanEskaleringAvslutasMedAterkoppling() throws Exception {
    var avvikelse = starta();

    ActivatedJob bedom = aktiveraAnvandaruppgift("bedom-avvikelse");
    BpmnAssert.assertThat(bedom)
        .extractingHeaders()
        .containsEntry(FORM_KEY, formKey("bedom-avvikelse"))
        .doesNotContainKey(ASSIGNEE);
    assertThat(kandidatgrupper(bedom)).containsExactly("processledare");
    slutfor(bedom, bedomning("bengt"));

    ActivatedJob atgarda = aktiveraAnvandaruppgift("atgarda-avvikelse");
    BpmnAssert.assertThat(atgarda)
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "bengt")
        .containsEntry(FORM_KEY, formKey("atgarda-avvikelse"));
    slutfor(atgarda, Map.of("eskalera", false));

    slutforJobb("skicka-avvikelseaterkoppling", "skicka-aterkoppling-avvikelse");

    BpmnAssert.assertThat(avvikelse)
        .hasPassedElementsInOrder(
            "avvikelse-rapporterad",
            "bedom-avvikelse",
            "utreds-eller-ogrundad",
            "atgarda-avvikelse",
            "eskalera-till-styrgrupp",
            "avvikelse-hanterad",
            "skicka-aterkoppling-avvikelse",
            "avvikelse-avslutad")
        .hasNotPassedElement("styrgruppsbeslut")
        .hasVariableWithValue("utredare", "bengt")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet en avvikelse som processledaren bedömer som ogrundad, så avslutas den utan utredning"
          + " och den som rapporterade får återkoppling")
  void ogrundadAvslutasUtanUtredning() throws Exception {
    var avvikelse = starta();
    slutforAnvandaruppgift(
        "bedom-avvikelse",
        Map.of(
            "typ",
            "PART_UTEBLEV",
            "berordPart",
            "AF",
            "allvarlighet",
            "LAG",
            "utfall",
            "OGRUNDAD"));

    slutforJobb("skicka-avvikelseaterkoppling", "skicka-aterkoppling-avvikelse");

    BpmnAssert.assertThat(avvikelse)
        .hasPassedElementsInOrder(
            "avvikelse-rapporterad",
            "bedom-avvikelse",
            "utreds-eller-ogrundad",
            "avvikelse-hanterad",
            "skicka-aterkoppling-avvikelse",
            "avvikelse-avslutad")
        .hasNotPassedElement("atgarda-avvikelse")
        .hasNotPassedElement("styrgruppsbeslut")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet en avvikelse som eskaleras, så registrerar processledaren styrgruppens beslut och"
          + " den som rapporterade får återkoppling")
  void eskaleradAvslutasAvStyrgruppsbeslut() throws Exception {
    var avvikelse = starta();
    slutforAnvandaruppgift("bedom-avvikelse", bedomning("bengt"));
    slutforAnvandaruppgift("atgarda-avvikelse", Map.of("eskalera", true));

    ActivatedJob beslut = aktiveraAnvandaruppgift("styrgruppsbeslut");
    BpmnAssert.assertThat(beslut)
        .extractingHeaders()
        .containsEntry(FORM_KEY, formKey("styrgruppsbeslut"))
        .doesNotContainKey(ASSIGNEE);
    assertThat(kandidatgrupper(beslut)).containsExactly("processledare");
    BpmnAssert.assertThat(avvikelse).isWaitingExactlyAtElements("styrgruppsbeslut");
    slutfor(beslut, Map.of());

    slutforJobb("skicka-avvikelseaterkoppling", "skicka-aterkoppling-avvikelse");
    BpmnAssert.assertThat(avvikelse)
        .hasPassedElementsInOrder(
            "atgarda-avvikelse",
            "eskalera-till-styrgrupp",
            "styrgruppsbeslut",
            "avvikelse-hanterad",
            "skicka-aterkoppling-avvikelse",
            "avvikelse-avslutad")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "Givet en avvikelse som ingen bedömer, så påminns processledaren efter 30 dagar och sedan"
          + " var 30:e dag medan bedömningen står kvar")
  void orordBedomningPaminnerProcessledarenVarTrettiondeDag() throws Exception {
    var avvikelse = starta();

    flyttaKlockan(Duration.ofDays(30));
    slutforJobb("skicka-avvikelsepaminnelse", "paminn-processledaren");
    BpmnAssert.assertThat(avvikelse)
        .hasPassedElement("bedomning-orord")
        .hasPassedElement("paminnelse-skickad")
        .isWaitingExactlyAtElements("bedom-avvikelse")
        .isActive();

    flyttaKlockan(Duration.ofDays(30));
    slutforJobb("skicka-avvikelsepaminnelse", "paminn-processledaren");
    BpmnAssert.assertThat(avvikelse)
        .hasPassedElement("bedomning-orord", 2)
        .hasPassedElement("paminnelse-skickad", 2)
        .isWaitingExactlyAtElements("bedom-avvikelse")
        .hasNoIncidents();
    aktiveraAnvandaruppgift("bedom-avvikelse");
  }

  @Test
  @DisplayName("Givet en nyss rapporterad avvikelse, så påminns ingen före 30 dagar")
  void ingenPaminnelseForeTrettioDagar() throws Exception {
    var avvikelse = starta();

    flyttaKlockan(Duration.ofDays(30).minusMinutes(1));

    assertThat(aktiveraJobben("skicka-avvikelsepaminnelse")).isEmpty();
    BpmnAssert.assertThat(avvikelse)
        .hasNotPassedElement("bedomning-orord")
        .isWaitingExactlyAtElements("bedom-avvikelse");
  }

  @Test
  @DisplayName(
      "Givet en avvikelse hos utredaren, så påminns processledaren efter 30 dagar och tiden räknas"
          + " från att den kom till utredaren")
  void orordAtgardPaminnerProcessledaren() throws Exception {
    var avvikelse = starta();
    flyttaKlockan(Duration.ofDays(20));
    slutforAnvandaruppgift("bedom-avvikelse", bedomning("bengt"));

    flyttaKlockan(Duration.ofDays(20));
    assertThat(aktiveraJobben("skicka-avvikelsepaminnelse")).isEmpty();

    flyttaKlockan(Duration.ofDays(10));
    slutforJobb("skicka-avvikelsepaminnelse", "paminn-processledaren");
    BpmnAssert.assertThat(avvikelse)
        .hasNotPassedElement("bedomning-orord")
        .hasPassedElement("atgard-orord")
        .isWaitingExactlyAtElements("atgarda-avvikelse")
        .hasNoIncidents();
    aktiveraAnvandaruppgift("atgarda-avvikelse");
  }

  @Test
  @DisplayName(
      "Givet ett styrgruppsbeslut som dröjer, så påminns processledaren efter 30 dagar och kan"
          + " sedan registrera beslutet")
  void orordtStyrgruppsbeslutPaminnerProcessledaren() throws Exception {
    var avvikelse = starta();
    slutforAnvandaruppgift("bedom-avvikelse", bedomning("bengt"));
    slutforAnvandaruppgift("atgarda-avvikelse", Map.of("eskalera", true));

    flyttaKlockan(Duration.ofDays(30));
    slutforJobb("skicka-avvikelsepaminnelse", "paminn-processledaren");
    BpmnAssert.assertThat(avvikelse)
        .hasPassedElement("styrgrupp-orord")
        .isWaitingExactlyAtElements("styrgruppsbeslut");

    slutforAnvandaruppgift("styrgruppsbeslut", Map.of());
    slutforJobb("skicka-avvikelseaterkoppling", "skicka-aterkoppling-avvikelse");
    BpmnAssert.assertThat(avvikelse).isCompleted().hasNoIncidents();
  }

  @Test
  @DisplayName("Givet en konfigurerad påminnelsetid, så styr den när processledaren påminns")
  void paminnelsetidenKommerFranVariabeln() throws Exception {
    Map<String, Object> variabler = startvariabler();
    variabler.put("paminnelseEfter", "P7D");
    var avvikelse = starta(variabler);

    flyttaKlockan(Duration.ofDays(7));
    slutforJobb("skicka-avvikelsepaminnelse", "paminn-processledaren");
    BpmnAssert.assertThat(avvikelse).hasPassedElement("bedomning-orord").isActive();
  }

  // ---------------------------------------------------------------- hjälpmetoder

  private static Map<String, Object> startvariabler() {
    Map<String, Object> variabler = new HashMap<>();
    variabler.put("avvikelseId", "8d6f1c8e-2a7b-4f0e-9a41-5b1b7c3d9e10");
    variabler.put("avvikelsenummer", "AVV-2026-0001");
    variabler.put("typ", "PART_UTEBLEV");
    variabler.put("berordPart", "AF");
    variabler.put("paminnelseEfter", "P30D");
    return variabler;
  }

  private ProcessInstanceEvent starta() throws Exception {
    return starta(startvariabler());
  }

  /** Starts the process as Flerpart does: the message start event, on the deviation's id. */
  private ProcessInstanceEvent starta(Map<String, Object> variabler) throws Exception {
    ProcessInstanceEvent instans =
        motor().startaMedMeddelande("avvikelse-rapporterad", "avvikelse", "avvikelseId", variabler);
    BpmnAssert.assertThat(instans).isStarted().hasPassedElement("avvikelse-rapporterad");
    return instans;
  }

  private static Map<String, Object> bedomning(String utredare) {
    return Map.of(
        "typ", "PART_UTEBLEV", "berordPart", "AF", "allvarlighet", "HOG", "utredare", utredare);
  }

  private void flyttaKlockan(Duration tid) throws Exception {
    engine.increaseTime(tid);
    engine.waitForIdleState(IDLE_TIMEOUT);
  }

  private List<String> kandidatgrupper(ActivatedJob uppgift) throws Exception {
    return new ObjectMapper()
        .readValue(uppgift.getCustomHeaders().get(CANDIDATE_GROUPS), new TypeReference<>() {});
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
    return motor().aktiveraAnvandaruppgift("avvikelse", elementId);
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

  private void slutforJobb(String jobType, String elementId) throws Exception {
    ActivatedJob jobb = aktiveraJobb(jobType);
    BpmnAssert.assertThat(jobb).hasElementId(elementId);
    slutfor(jobb, Map.of());
  }
}
