package se.flerpart.mote;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.ProcessMessageSubscriptionIntent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import se.flerpart.ProcesstestIEgenJvmTest;

/**
 * Processen {@code flerpartsmote} på den inbyggda motorn: kallelse → svar → möte → plan.
 *
 * <p>Användaruppgifter är jobb av typen {@code io.camunda.zeebe:userTask}, som i Flerparts
 * uppgiftslista. Tiden flyttas med motorns klocka. Jobbet {@code skicka-kallelse} svarar med mötets
 * id, tider och kallelsernas id:n, som Flerparts arbetare gör.
 */
@ZeebeProcessTest
@Tag(ProcesstestIEgenJvmTest.TAGG)
class FlerpartsmoteProcessTest {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";
  private static final String ASSIGNEE = "io.camunda.zeebe:assignee";
  private static final String FORM_KEY = "io.camunda.zeebe:formKey";
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
  private static final String MOTE_ID = "7a4e1c2d-0000-4000-8000-000000000001";
  private static final String FK = "7a4e1c2d-0000-4000-8000-0000000000f1";
  private static final String AF = "7a4e1c2d-0000-4000-8000-0000000000a1";
  private static final String INDIVID = "7a4e1c2d-0000-4000-8000-0000000000b1";

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private DeploymentEvent deployment;
  private Instant motesTid;
  private Instant paminnelseTid;

  @BeforeEach
  void driftsatt() {
    deployment =
        client
            .newDeployResourceCommand()
            .addResourceFile("processes/flerpartsmote.bpmn")
            .addResourceFile("forms/forbered-kallelse.form")
            .addResourceFile("forms/genomfor-mote.form")
            .send()
            .join();
    BpmnAssert.assertThat(deployment).containsProcessesByBpmnProcessId("flerpartsmote");
    motesTid = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
    paminnelseTid = motesTid.minus(Duration.ofDays(2));
  }

  // ---------------------------------------------------------------- kallelse

  @Test
  @DisplayName("Ärendebäraren förbereder kallelsen, och kallelsen skickas till alla kallade")
  void arendebararenForbereder() throws Exception {
    var mote = starta();

    ActivatedJob uppgift = aktiveraAnvandaruppgift("forbered-kallelse");
    BpmnAssert.assertThat(uppgift)
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "anna")
        .containsEntry(FORM_KEY, formKey("forbered-kallelse"));
    slutfor(uppgift, Map.of("ordforande", "cecilia"));

    ActivatedJob kallelse = aktiveraJobb("skicka-kallelse");
    BpmnAssert.assertThat(kallelse)
        .hasElementId("skicka-kallelse")
        .extractingHeaders()
        .containsEntry("utskick", "kallelse");
    slutfor(kallelse, kallelseResultat(List.of(FK, AF, INDIVID)));

    BpmnAssert.assertThat(mote)
        .hasPassedElementsInOrder("forbered-kallelse", "skicka-kallelse", "kallelse-skickad")
        .isWaitingAtElements("invanta-svar")
        .hasVariableWithValue("moteId", MOTE_ID)
        .hasVariableWithValue("ordforande", "cecilia")
        .hasNoIncidents();
    assertThat(aktivaKallelseId()).containsExactlyInAnyOrder(FK, AF, INDIVID);
  }

  @Test
  @DisplayName("Kallelsen som inte förberetts inom 5 dagar ger ärendebäraren en påminnelse")
  void paminnelseOmKallelse() throws Exception {
    var mote = starta();
    aktiveraAnvandaruppgift("forbered-kallelse");

    engine.increaseTime(Duration.ofDays(5));
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob paminnelse = aktiveraJobb("skicka-paminnelse");
    BpmnAssert.assertThat(paminnelse)
        .hasElementId("paminn-om-kallelse")
        .extractingHeaders()
        .containsEntry("avser", "forbered-kallelse");
    slutfor(paminnelse, Map.of());
    BpmnAssert.assertThat(mote)
        .hasPassedElement("paminnelse-om-kallelse-skickad")
        .isWaitingExactlyAtElements("forbered-kallelse");
  }

  // ---------------------------------------------------------------- svar

  @Test
  @DisplayName("Alla accepterar: vid mötestiden får ordföranden mötet och planen distribueras")
  void allaAccepterarOchMotetGenomfors() throws Exception {
    var mote = kallat(List.of(FK, AF));

    svara(FK, "ACCEPTERAR");
    svara(AF, "ACCEPTERAR");

    BpmnAssert.assertThat(mote)
        .hasPassedElement("deltagande-bekraftat", 2)
        .isWaitingAtElements("motestid-inne");
    assertThat(aktiveraJobben(USER_TASK)).isEmpty();

    engine.increaseTime(Duration.between(Instant.now(), motesTid).plusMinutes(1));
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob genomfor = aktiveraAnvandaruppgift("genomfor-mote");
    BpmnAssert.assertThat(genomfor)
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "cecilia")
        .containsEntry(FORM_KEY, formKey("genomfor-mote"));
    slutfor(genomfor, Map.of("franvarandeParter", List.of()));

    ActivatedJob plan = aktiveraJobb("distribuera-plan");
    assertThat(plan.getVariablesAsMap()).containsEntry("moteId", MOTE_ID);
    slutfor(plan, Map.of());

    assertThat(aktiveraJobben("registrera-avvikelse")).isEmpty();
    assertThat(aktiveraJobben("skicka-paminnelse")).isEmpty();
    BpmnAssert.assertThat(mote)
        .hasPassedElementsInOrder(
            "motestid-inne",
            "motestid-nadd",
            "genomfor-mote",
            "registrera-avvikelse-franvaro",
            "distribuera-plan",
            "plan-distribuerad")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName("En part som krävs avböjer: ärendebäraren meddelas och en avvikelse registreras")
  void kravdPartAvbojer() throws Exception {
    var mote = kallat(List.of(FK, AF));

    svara(AF, "AVBOJER");

    ActivatedJob meddela = aktiveraJobb("meddela-arendebarare");
    BpmnAssert.assertThat(meddela)
        .hasElementId("meddela-avbojande")
        .extractingHeaders()
        .containsEntry("handelse", "PART_AVBOJDE");
    assertThat(meddela.getVariablesAsMap()).containsEntry("kallelseId", AF);
    slutfor(meddela, Map.of());

    ActivatedJob avvikelse = aktiveraJobb("registrera-avvikelse");
    BpmnAssert.assertThat(avvikelse)
        .hasElementId("registrera-avvikelse-avbojande")
        .extractingHeaders()
        .containsEntry("typ", "PART_AVBOJDE");
    assertThat(avvikelse.getVariablesAsMap())
        .containsEntry("arendeId", "5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11")
        .containsEntry("berordPart", "AF")
        .containsEntry(
            "avvikelseBeskrivning",
            "En part som krävdes avböjde kallelsen till flerpartsmöte i ärende 2026-0001.");
    slutfor(avvikelse, Map.of());

    BpmnAssert.assertThat(mote)
        .hasPassedElement("avbojande-registrerat")
        .isWaitingAtElements("invanta-svar")
        .hasNoIncidents();
    BpmnAssert.assertThat(mote).hasNotPassedElement("avbojande-noterat");
    assertThat(aktivaKallelseId()).containsExactly(FK);
  }

  @Test
  @DisplayName("Den som inte krävs avböjer: noteras, ingen avvikelse")
  void ejKravdAvbojer() throws Exception {
    var mote = kallat(List.of(FK, INDIVID));

    svara(INDIVID, "AVBOJER");

    BpmnAssert.assertThat(mote).hasPassedElement("avbojande-noterat").hasNoIncidents();
    assertThat(aktiveraJobben("meddela-arendebarare")).isEmpty();
    assertThat(aktiveraJobben("registrera-avvikelse")).isEmpty();
  }

  @Test
  @DisplayName(
      "Utan svar: påminnelse före mötet, och vid mötestiden meddelas ärendebäraren om den part som"
          + " krävs, utan avvikelse")
  void utebliventSvar() throws Exception {
    var mote = kallat(List.of(AF, INDIVID));

    engine.increaseTime(Duration.between(Instant.now(), paminnelseTid).plusMinutes(1));
    engine.waitForIdleState(IDLE_TIMEOUT);
    List<ActivatedJob> paminnelser = motor().vantaPaJobben("skicka-paminnelse", 2);
    assertThat(paminnelser).hasSize(2);
    for (ActivatedJob p : paminnelser) {
      BpmnAssert.assertThat(p)
          .hasElementId("skicka-paminnelse-kallelse")
          .extractingHeaders()
          .containsEntry("avser", "kallelse");
      slutfor(p, Map.of());
    }
    assertThat(paminnelser)
        .extracting(j -> j.getVariablesAsMap().get("kallelseId"))
        .containsExactlyInAnyOrder(AF, INDIVID);
    assertThat(aktiveraJobben("registrera-avvikelse")).isEmpty();

    engine.increaseTime(Duration.between(paminnelseTid, motesTid));
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob meddela = aktiveraJobb("meddela-arendebarare");
    BpmnAssert.assertThat(meddela)
        .hasElementId("meddela-uteblivet-svar")
        .extractingHeaders()
        .containsEntry("handelse", "KALLELSE_OBESVARAD");
    assertThat(meddela.getVariablesAsMap()).containsEntry("kallelseId", AF);
    slutfor(meddela, Map.of());
    // The meeting time has already passed: the timer the process now waits on is due, and the
    // engine fires due timers when its clock next moves.
    engine.increaseTime(Duration.ofSeconds(1));
    engine.waitForIdleState(IDLE_TIMEOUT);
    assertThat(aktiveraJobben("registrera-avvikelse")).isEmpty();

    BpmnAssert.assertThat(mote)
        .hasPassedElement("svar-uteblev", 2)
        .hasPassedElement("uteblivet-svar-meddelat")
        .hasPassedElement("svar-saknas")
        .hasPassedElement("motestid-nadd")
        .isWaitingExactlyAtElements("genomfor-mote")
        .hasNoIncidents();
    aktiveraAnvandaruppgift("genomfor-mote");
  }

  @Test
  @DisplayName("En part som krävs svarar inte men kommer till mötet: ingen avvikelse")
  void obesvaradKallelseMenNarvarande() throws Exception {
    var mote = moteUtanSvarFranAf();

    slutfor(
        aktiveraAnvandaruppgift("genomfor-mote"),
        Map.of("franvarandeParter", List.of(), "obesvaradeParter", List.of()));

    assertThat(aktiveraJobben("registrera-avvikelse")).isEmpty();
    slutfor(aktiveraJobb("distribuera-plan"), Map.of());
    BpmnAssert.assertThat(mote)
        .hasPassedElementsInOrder(
            "genomfor-mote",
            "registrera-avvikelse-franvaro",
            "registrera-avvikelse-obesvarad",
            "distribuera-plan")
        .isCompleted()
        .hasNoIncidents();
  }

  @Test
  @DisplayName(
      "En part som krävs svarar inte och uteblir: avvikelsen Kallelse obesvarad, inte Part uteblev")
  void obesvaradKallelseOchFranvarande() throws Exception {
    var mote = moteUtanSvarFranAf();

    slutfor(
        aktiveraAnvandaruppgift("genomfor-mote"),
        Map.of("franvarandeParter", List.of(), "obesvaradeParter", List.of("AF")));

    List<ActivatedJob> avvikelser = aktiveraJobben("registrera-avvikelse");
    assertThat(avvikelser).hasSize(1);
    BpmnAssert.assertThat(avvikelser.get(0))
        .hasElementId("registrera-avvikelse-obesvarad")
        .extractingHeaders()
        .containsEntry("typ", "KALLELSE_OBESVARAD");
    assertThat(avvikelser.get(0).getVariablesAsMap())
        .containsEntry("berordPart", "AF")
        .containsEntry("arendeId", "5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11")
        .containsEntry(
            "avvikelseBeskrivning",
            "En part som krävdes svarade inte på kallelsen och uteblev från flerpartsmöte i ärende"
                + " 2026-0001.");
    slutfor(avvikelser.get(0), Map.of());
    slutfor(aktiveraJobb("distribuera-plan"), Map.of());
    BpmnAssert.assertThat(mote).isCompleted().hasNoIncidents();
  }

  /** AF (required) never answers; at the meeting time the ärendebärare is told, nothing more. */
  private ProcessInstanceEvent moteUtanSvarFranAf() throws Exception {
    var mote = kallat(List.of(AF));
    engine.increaseTime(Duration.between(Instant.now(), paminnelseTid).plusMinutes(1));
    engine.waitForIdleState(IDLE_TIMEOUT);
    slutfor(aktiveraJobb("skicka-paminnelse"), Map.of());
    engine.increaseTime(Duration.between(paminnelseTid, motesTid));
    engine.waitForIdleState(IDLE_TIMEOUT);
    slutfor(aktiveraJobb("meddela-arendebarare"), Map.of());
    assertThat(aktiveraJobben("registrera-avvikelse")).isEmpty();
    return mote;
  }

  @Test
  @DisplayName("Svar efter påminnelsen räknas som svar")
  void svarEfterPaminnelse() throws Exception {
    var mote = kallat(List.of(AF));
    engine.increaseTime(Duration.between(Instant.now(), paminnelseTid).plusMinutes(1));
    engine.waitForIdleState(IDLE_TIMEOUT);
    slutfor(aktiveraJobb("skicka-paminnelse"), Map.of());

    svara(AF, "ACCEPTERAR");

    BpmnAssert.assertThat(mote)
        .hasPassedElement("svar-inkommet-efter-paminnelse")
        .hasPassedElement("deltagande-bekraftat")
        .hasNotPassedElement("svar-uteblev")
        .isWaitingAtElements("motestid-inne");
  }

  @Test
  @DisplayName("Den kallade skickar en ersättare: ersättaren kallas och hennes svar räknas")
  void ersattare() throws Exception {
    var mote = kallat(List.of(AF));
    String ersattare = "7a4e1c2d-0000-4000-8000-0000000000a2";

    client
        .newPublishMessageCommand()
        .messageName("kallelsesvar")
        .correlationKey(AF)
        .variables(Map.of("svar", "ERSATTARE", "ersattareKallelseId", ersattare))
        .send()
        .join();
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob kallelse = aktiveraJobb("skicka-kallelse");
    BpmnAssert.assertThat(kallelse)
        .hasElementId("skicka-kallelse-till-ersattare")
        .extractingHeaders()
        .containsEntry("utskick", "ersattare");
    assertThat(kallelse.getVariablesAsMap()).containsEntry("kallelseId", ersattare);
    slutfor(kallelse, Map.of());

    svara(AF, "ACCEPTERAR");
    BpmnAssert.assertThat(mote).hasNotPassedElement("deltagande-bekraftat");
    svara(ersattare, "AVBOJER");

    ActivatedJob meddela = aktiveraJobb("meddela-arendebarare");
    assertThat(meddela.getVariablesAsMap())
        .containsEntry("kallelseId", ersattare)
        .containsEntry("berordPart", "AF");
    BpmnAssert.assertThat(mote)
        .hasPassedElement("skicka-kallelse-till-ersattare")
        .hasPassedElement("till-svar-eller-paminnelse", 2);
    assertThat(processvariabler(mote))
        .contains("moteId")
        .doesNotContain("kallelsesvar", "kallelseId");
  }

  // ---------------------------------------------------------------- ändringar

  @Test
  @DisplayName(
      "Ett flyttat möte skickar en ändrad kallelse och väntar på nya svar till den nya tiden")
  void flyttatMote() throws Exception {
    var mote = kallat(List.of(FK, AF));
    svara(FK, "ACCEPTERAR");

    Instant nyTid = motesTid.plus(Duration.ofDays(7));
    client
        .newPublishMessageCommand()
        .messageName("mote-flyttat")
        .correlationKey(MOTE_ID)
        .send()
        .join();
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob andring = aktiveraJobb("skicka-kallelse");
    BpmnAssert.assertThat(andring)
        .hasElementId("skicka-andrad-kallelse")
        .extractingHeaders()
        .containsEntry("utskick", "andring");
    assertThat(andring.getVariablesAsMap()).containsEntry("moteId", MOTE_ID);
    motesTid = nyTid;
    paminnelseTid = nyTid.minus(Duration.ofDays(2));
    slutfor(andring, kallelseResultat(List.of(FK, AF)));

    BpmnAssert.assertThat(mote)
        .hasPassedElement("mote-flyttat")
        .hasPassedElement("till-svarsinsamling", 2)
        .isWaitingAtElements("invanta-svar")
        .hasVariableWithValue("motesTid", nyTid.toString());
    assertThat(aktivaKallelseId()).containsExactlyInAnyOrder(FK, AF);

    // The old meeting time passes without anything happening.
    engine.increaseTime(Duration.ofDays(10).plusHours(1));
    engine.waitForIdleState(IDLE_TIMEOUT);
    assertThat(aktiveraJobben(USER_TASK)).isEmpty();
    List<ActivatedJob> paminnelser = motor().vantaPaJobben("skicka-paminnelse", 2);
    assertThat(paminnelser).isEmpty();
  }

  @Test
  @DisplayName("Ett inställt möte skickar avbokning och ärendebäraren förbereder en ny kallelse")
  void installtMote() throws Exception {
    var mote = kallat(List.of(FK, AF));

    client
        .newPublishMessageCommand()
        .messageName("mote-installt")
        .correlationKey(MOTE_ID)
        .send()
        .join();
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob avbokning = aktiveraJobb("skicka-kallelse");
    BpmnAssert.assertThat(avbokning)
        .hasElementId("skicka-avbokning")
        .extractingHeaders()
        .containsEntry("utskick", "avbokning");
    slutfor(avbokning, Map.of());

    BpmnAssert.assertThat(mote)
        .hasPassedElement("mote-installt")
        .hasPassedElement("forbered-kallelse", 1)
        .isWaitingExactlyAtElements("forbered-kallelse")
        .hasNoIncidents();
    BpmnAssert.assertThat(aktiveraAnvandaruppgift("forbered-kallelse"))
        .extractingHeaders()
        .containsEntry(ASSIGNEE, "anna");
  }

  // ---------------------------------------------------------------- mötet

  @Test
  @DisplayName(
      "En part som krävdes och tackade ja men uteblev ger en avvikelse per frånvarande part")
  void franvarandePartGerAvvikelse() throws Exception {
    var mote = kallat(List.of(FK, AF));
    svara(FK, "ACCEPTERAR");
    svara(AF, "ACCEPTERAR");
    engine.increaseTime(Duration.between(Instant.now(), motesTid).plusMinutes(1));
    engine.waitForIdleState(IDLE_TIMEOUT);

    slutfor(
        aktiveraAnvandaruppgift("genomfor-mote"),
        Map.of("franvarandeParter", List.of("AF"), "obesvaradeParter", List.of()));

    List<ActivatedJob> avvikelser = aktiveraJobben("registrera-avvikelse");
    assertThat(avvikelser).hasSize(1);
    ActivatedJob avvikelse = avvikelser.get(0);
    BpmnAssert.assertThat(avvikelse)
        .hasElementId("registrera-avvikelse-franvaro")
        .extractingHeaders()
        .containsEntry("typ", "PART_UTEBLEV");
    assertThat(avvikelse.getVariablesAsMap())
        .containsEntry("berordPart", "AF")
        .containsEntry("arendeId", "5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11")
        .containsEntry(
            "avvikelseBeskrivning",
            "En part som krävdes uteblev från flerpartsmöte i ärende 2026-0001.");
    slutfor(avvikelse, Map.of());
    slutfor(aktiveraJobb("distribuera-plan"), Map.of());
    BpmnAssert.assertThat(mote).isCompleted().hasNoIncidents();
  }

  @Test
  @DisplayName("Mötet som inte dokumenterats inom 2 dagar ger ordföranden en påminnelse")
  void paminnelseOmMote() throws Exception {
    var mote = kallat(List.of(FK));
    svara(FK, "ACCEPTERAR");
    engine.increaseTime(Duration.between(Instant.now(), motesTid).plusMinutes(1));
    engine.waitForIdleState(IDLE_TIMEOUT);
    aktiveraAnvandaruppgift("genomfor-mote");

    engine.increaseTime(Duration.ofDays(2));
    engine.waitForIdleState(IDLE_TIMEOUT);

    ActivatedJob paminnelse = aktiveraJobb("skicka-paminnelse");
    BpmnAssert.assertThat(paminnelse)
        .hasElementId("paminn-om-mote")
        .extractingHeaders()
        .containsEntry("avser", "genomfor-mote");
    slutfor(paminnelse, Map.of());
    BpmnAssert.assertThat(mote)
        .hasPassedElement("paminnelse-om-mote-skickad")
        .isWaitingExactlyAtElements("genomfor-mote");
  }

  // ---------------------------------------------------------------- hjälpmetoder

  private ProcessInstanceEvent starta() throws Exception {
    ProcessInstanceEvent mote =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("flerpartsmote")
            .latestVersion()
            .variables(
                Map.of(
                    "arendeId", "5b0c8a53-8f0e-4c55-9d43-2f1f1b8a2c11",
                    "arendenummer", "2026-0001",
                    "arendebarare", "anna"))
            .send()
            .join();
    engine.waitForIdleState(IDLE_TIMEOUT);
    return mote;
  }

  /** Started, kallelse prepared and sent; the given invitations wait for answers. */
  private ProcessInstanceEvent kallat(List<String> kallelser) throws Exception {
    var mote = starta();
    slutfor(aktiveraAnvandaruppgift("forbered-kallelse"), Map.of("ordforande", "cecilia"));
    slutfor(aktiveraJobb("skicka-kallelse"), kallelseResultat(kallelser));
    return mote;
  }

  /** What the skicka-kallelse worker answers: FK and AF are required parts, the individ is not. */
  private Map<String, Object> kallelseResultat(List<String> kallelser) {
    Map<String, Object> variabler = new HashMap<>();
    variabler.put("moteId", MOTE_ID);
    variabler.put("motesTid", motesTid.toString());
    variabler.put("paminnelseTid", paminnelseTid.toString());
    variabler.put(
        "kallelser",
        kallelser.stream()
            .map(
                id -> {
                  Map<String, Object> k = new HashMap<>();
                  k.put("kallelseId", id);
                  k.put("part", id.equals(FK) ? "FK" : id.equals(INDIVID) ? null : "AF");
                  k.put("kravs", !id.equals(INDIVID));
                  return k;
                })
            .toList());
    return variabler;
  }

  private void svara(String kallelseId, String svar) throws Exception {
    client
        .newPublishMessageCommand()
        .messageName("kallelsesvar")
        .correlationKey(kallelseId)
        .variables(Map.of("svar", svar))
        .send()
        .join();
    engine.waitForIdleState(IDLE_TIMEOUT);
  }

  /** The names of the variables at the process level (not those local to one invitation). */
  private java.util.Set<String> processvariabler(ProcessInstanceEvent mote) {
    java.util.Set<String> namn = new java.util.HashSet<>();
    for (var r : RecordStream.of(engine.getRecordStreamSource()).variableRecords()) {
      if (r.getValue().getScopeKey() == mote.getProcessInstanceKey()) {
        namn.add(r.getValue().getName());
      }
    }
    return namn;
  }

  /** The invitations whose answer the process waits for: its open message subscriptions. */
  private List<String> aktivaKallelseId() {
    Map<Long, String> oppna = new HashMap<>();
    for (var r :
        RecordStream.of(engine.getRecordStreamSource()).processMessageSubscriptionRecords()) {
      if (r.getRecordType() != RecordType.EVENT
          || !"kallelsesvar".equals(r.getValue().getMessageName())) {
        continue;
      }
      long element = r.getValue().getElementInstanceKey();
      switch ((ProcessMessageSubscriptionIntent) r.getIntent()) {
        case CREATED -> oppna.put(element, r.getValue().getCorrelationKey());
        case CORRELATED, DELETED -> oppna.remove(element);
        default -> {}
      }
    }
    return List.copyOf(oppna.values());
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
    return motor().aktiveraAnvandaruppgift("flerpartsmote", elementId);
  }

  private void slutfor(ActivatedJob job, Map<String, Object> variabler) throws Exception {
    motor().slutfor(job, variabler);
  }

  private se.flerpart.ProcessMotor motor() {
    return new se.flerpart.ProcessMotor(client, engine, deployment);
  }
}
