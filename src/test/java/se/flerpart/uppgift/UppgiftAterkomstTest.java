package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.ApiKlient;
import se.flerpart.arende.ArendeSteg;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * A task stored as completed whose completion the engine never got, as after restoring the engine
 * from a backup older than the database: when its job comes back after {@code
 * flerpart.uppgift.jobb-tidsgrans}, the stored answer is sent again and the case goes on. The
 * context has a short time of its own (ten minutes), so that a clock move brings the job back.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flerpart.demo.arenden=false",
      "flerpart.test.kontext=uppgiftsaterkomst",
      "flerpart.uppgift.jobb-tidsgrans=PT10M"
    })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class UppgiftAterkomstTest {

  @LocalServerPort int port;
  @Autowired UppgiftService service;
  @Autowired UppgiftRepository uppgifter;
  @Autowired AnvandareRepository anvandare;
  @Autowired TransactionTemplate transaktion;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry registry;
  @Autowired CamundaClient camunda;
  @Autowired KommentarRepository kommentarer;
  @Autowired Clock klocka;
  @Autowired FormularRegister formular;
  @Autowired FormularValidator validator;
  @Autowired ArendeOmfang omfang;
  @Autowired UppgiftAvstamning avstamning;
  @Autowired UppgiftMottagare mottagare;
  @Autowired se.flerpart.process.SchedulerLock las;

  @Test
  void enSlutfordUppgiftVarsJobbKommerTillbakaSkickasIgenOchArendetGarVidare() {
    ApiKlient api = new ApiKlient(port);
    String id =
        api.aktualisera(
            "anna",
            ArendeSteg.aktualisering(
                "Lång sjukskrivning, behöver stöd från flera parter", List.of("FK", "AF")));
    long samtycke = samtycke(api, id);

    // The form is submitted and stored as completed, but the engine never hears of it: the
    // database is newer than the restored engine.
    transaktion.executeWithoutResult(
        s -> {
          service.slutfor(
              samtycke,
              ArendeSteg.samtyckeJa(List.of("FK", "AF"), false),
              anvandare.hitta("anna").orElseThrow());
          uppgifter.markeraSlutford(samtycke);
        });
    assertThat(uppgifter.hitta(samtycke).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT5M")).status())
        .isEqualTo(200);
    assertThat(api.hittaUppgift("bengt", "grupp", id, "bered-arende")).isEmpty();

    // Past the job's time: the engine hands it out again, and the stored answer goes to it.
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", "PT6M")).status())
        .isEqualTo(200);
    JsonNode beredning = api.vantaPaUppgift("bengt", "grupp", id, "bered-arende");
    assertThat(beredning.path("namn").asText()).isNotBlank();
    assertThat(uppgifter.hitta(samtycke).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);
    assertThat(registry.get("flerpart.uppgifter.skickade.igen").counter().count()).isEqualTo(1.0);
    assertThat(
            jdbc.sql("select count(*) from uppgift where arende_id = ?::uuid and element_id = ?")
                .params(id, "inhamta-samtycke")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  /**
   * An engine that lost its state, or was restored from an older backup, gives out its keys again:
   * a new job with an old completed task's key is another task, and the old one's answer is not
   * sent to it. The same job (same element instance, process instance and element) is.
   */
  @Test
  void ettNyttJobbMedEnGammalUppgiftsNyckelFarInteDessSvar() {
    long id = 9_100_000_000L + System.nanoTime() % 1_000_000;
    Uppgift gammal = Testuppgift.oppen(id, "inhamta-samtycke", "Inhämta samtycke", "anna");
    assertThat(uppgifter.skapaOmNy(gammal)).isTrue();
    uppgifter.markeraInskickad(id, Map.of("samtycke", "JA"), "anna");
    uppgifter.markeraSlutford(id);

    Uppgift annatJobb = annatJobbMedNyckeln(gammal);
    assertThat(uppgifter.skickaIgenOmSlutford(annatJobb)).isFalse();
    assertThat(uppgifter.hitta(id).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);

    // In one transaction, which holds the row: it is not a real job, and the retry is not to send
    // it.
    transaktion.executeWithoutResult(
        t -> {
          assertThat(uppgifter.skickaIgenOmSlutford(gammal)).isTrue();
          assertThat(uppgifter.hitta(id).orElseThrow().status()).isEqualTo(UppgiftStatus.INSKICKAD);
          uppgifter.markeraSlutford(id);
        });
  }

  @Test
  @DisplayName(
      "Ett svar till ett jobb som motorn inte längre har sparas, räknas och loggas, och den som"
          + " skickade det får veta att ärendet inte går vidare av det")
  void ettSvarTillEttJobbSomMotornInteHarSparasOchAnvandarenFarVeta(CapturedOutput utdata) {
    ApiKlient api = new ApiKlient(port);
    String id = nyttArende(api);
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    long uppgift = samtycke.path("id").asLong();
    // The engine no longer has the job: its process was ended outside Flerpart, as it would be
    // lost by an engine that lost its state.
    long process = uppgifter.hitta(uppgift).orElseThrow().processInstansNyckel();
    camunda.newCancelInstanceCommand(process).send().join();
    double fore = saknade();

    ApiKlient.Svar svar =
        api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), false));

    assertThat(svar.status()).isEqualTo(200);
    assertThat(svar.kropp().path("status").asText()).isEqualTo("SLUTFORD");
    assertThat(svar.kropp().path("varning").asText())
        .isEqualTo(UppgiftApiController.SAKNAS_I_MOTORN)
        .contains("väntade inte längre på uppgiften");
    assertThat(svar.kropp().path("meddelande").asText())
        .isEqualTo(UppgiftApiController.SAKNAS_I_MOTORN);
    Uppgift sparad = uppgifter.hitta(uppgift).orElseThrow();
    assertThat(sparad.status()).isEqualTo(UppgiftStatus.SLUTFORD);
    assertThat(sparad.inskickadData()).containsEntry("samtycke", "JA");
    assertThat(saknade()).isEqualTo(fore + 1);
    assertThat(utdata.getOut())
        .contains("Uppgift " + uppgift + " (inhamta-samtycke) i process " + process)
        .doesNotContain("19121212");
  }

  @Test
  @DisplayName(
      "Återförsöket väntar tills begäran som sparade svaret har skickat det, tar ett saknat jobb"
          + " för slutfört av ett tidigare försök, och ett svar som återförsöket redan skickat"
          + " skickas inte igen")
  void aterforsoketTarInteForstaSandningensPlats() {
    ApiKlient api = new ApiKlient(port);
    String id = nyttArende(api);
    long uppgift = samtycke(api, id);
    camunda
        .newCancelInstanceCommand(uppgifter.hitta(uppgift).orElseThrow().processInstansNyckel())
        .send()
        .join();
    double fore = saknade();
    service.slutfor(
        uppgift,
        ArendeSteg.samtyckeJa(List.of("FK", "AF"), false),
        anvandare.hitta("anna").orElseThrow());

    // Just submitted: the retry leaves it to the request that stored it.
    service.forsokIgen();
    assertThat(uppgifter.hitta(uppgift).orElseThrow().status()).isEqualTo(UppgiftStatus.INSKICKAD);

    // A retry: "not found" is an earlier attempt's completion, and nothing is counted.
    assertThat(service.skickaTillMotorn(uppgift)).isTrue();
    assertThat(uppgifter.hitta(uppgift).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);
    // The request's own send comes after it: the form is sent, so it is not sent again.
    assertThat(service.skickaForstaGangen(uppgift)).isEqualTo(UppgiftService.Skickad.I_MOTORN);
    assertThat(saknade()).isEqualTo(fore);
  }

  @Test
  @DisplayName(
      "Första sändningen väntar högst fem sekunder på en motor som inte svarar; svaret ligger kvar"
          + " för återförsöket, som frågar med klientens egen tidsgräns")
  void forstaSandningenVantarHogstFemSekunder() throws Exception {
    ApiKlient api = new ApiKlient(port);
    String id = nyttArende(api);
    long uppgift = samtycke(api, id);
    service.slutfor(
        uppgift,
        ArendeSteg.samtyckeJa(List.of("FK", "AF"), false),
        anvandare.hitta("anna").orElseThrow());

    // A gateway that takes the first completion and never answers it, as a stalled engine does,
    // and refuses every later one at once; it notes the time each one was given.
    List<Long> tidsgranser = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.grpc.Server gateway =
        gateway(
            new GatewayGrpc.GatewayImplBase() {
              @Override
              public void completeJob(
                  CompleteJobRequest request, StreamObserver<CompleteJobResponse> svar) {
                var grans = io.grpc.Context.current().getDeadline();
                tidsgranser.add(
                    grans == null ? Long.MAX_VALUE : grans.timeRemaining(TimeUnit.MILLISECONDS));
                if (tidsgranser.size() > 1) {
                  svar.onError(io.grpc.Status.UNAVAILABLE.asRuntimeException());
                }
              }
            });
    try (CamundaClient stannad = klient(gateway)) {
      UppgiftService motStannadMotor =
          new UppgiftService(
              uppgifter,
              kommentarer,
              klocka,
              formular,
              validator,
              anvandare,
              stannad,
              omfang,
              List.of(),
              new SimpleMeterRegistry(),
              transaktion);

      assertThat(motStannadMotor.skickaForstaGangen(uppgift))
          .isEqualTo(UppgiftService.Skickad.VANTAR);
      assertThat(tidsgranser).hasSize(1);
      assertThat(tidsgranser.get(0))
          .as("the first send's deadline, in ms")
          .isPositive()
          .isLessThanOrEqualTo(UppgiftService.FORSTA_SANDNINGEN.toMillis());
      Uppgift vantar = uppgifter.hitta(uppgift).orElseThrow();
      assertThat(vantar.status()).isEqualTo(UppgiftStatus.INSKICKAD);
      assertThat(uppgifter.vantarPaMotorn(klocka.instant().plus(Duration.ofMinutes(1))))
          .contains(uppgift);

      // The retry asks with the client's own time, not the first send's.
      assertThat(motStannadMotor.skickaTillMotorn(uppgift)).isFalse();
      assertThat(tidsgranser).hasSize(2);
      assertThat(tidsgranser.get(1)).isGreaterThan(UppgiftService.FORSTA_SANDNINGEN.toMillis());
    } finally {
      gateway.shutdownNow();
    }

    // The engine that does answer takes the stored form, and the case goes on.
    assertThat(service.skickaTillMotorn(uppgift)).isTrue();
    assertThat(uppgifter.hitta(uppgift).orElseThrow().status()).isEqualTo(UppgiftStatus.SLUTFORD);
    assertThat(api.vantaPaUppgift("bengt", "grupp", id, "bered-arende").path("id").asLong())
        .isPositive();
  }

  @Test
  @DisplayName(
      "Ett jobb med en nyckel som en annan, sparad uppgift redan har räknas och loggas utan"
          + " personuppgifter; den gamla uppgiften avbryts och flyttas med sina kommentarer till"
          + " ett eget id, och jobbet sparas under nyckeln så att ärendet går vidare")
  void ettJobbMedEnAnnanUppgiftsNyckelSparasOchDenGamlaFlyttasUndan(CapturedOutput utdata) {
    ApiKlient api = new ApiKlient(port);
    String id = nyttArende(api);
    long nyckel = samtycke(api, id);
    String kommentarer = "/api/uppgifter/" + nyckel + "/kommentarer";
    assertThat(api.post("anna", kommentarer, Map.of("text", "Ringer honom på fredag")).status())
        .isEqualTo(201);
    // The row under the job's key is made another job's, as when the engine is older than the
    // database and gives out a stored task's key again.
    jdbc.sql(
            "update uppgift set element_instans_nyckel = element_instans_nyckel + 1000,"
                + " process_instans_nyckel = process_instans_nyckel + 1000 where id = ?")
        .param(nyckel)
        .update();
    long gammalProcess = uppgifter.hitta(nyckel).orElseThrow().processInstansNyckel();
    double fore = nycklarIgen();

    // Past the job's time: the engine hands it out again; it is counted, and stored under its key.
    flyttaKlockan(api, "PT11M");
    await().atMost(Duration.ofSeconds(60)).until(() -> nycklarIgen() >= fore + 1);
    long flyttad =
        jdbc.sql("select id from uppgift where process_instans_nyckel = ?")
            .param(gammalProcess)
            .query(Long.class)
            .single();
    assertThat(flyttad).isNegative();
    assertThat(utdata.getOut())
        .contains(
            "Motorn gav ut nyckeln "
                + nyckel
                + " igen, till ett annat jobb (inhamta-samtycke i process "
                + (gammalProcess - 1000)
                + "): uppgiften som var sparad under den från motorns tidigare tillstånd är"
                + " avbruten och har nu id "
                + flyttad)
        .doesNotContain("19121212");
    // The stale task keeps its history under its new id, cancelled, so its answer can never
    // complete the job that now has its key.
    Uppgift gammal = uppgifter.hitta(flyttad).orElseThrow();
    assertThat(gammal.status()).isEqualTo(UppgiftStatus.AVBRUTEN);
    assertThat(gammal.arendeId().toString()).isEqualTo(id);
    assertThat(api.get("anna", "/api/uppgifter/" + flyttad + "/kommentarer").kropp().toString())
        .contains("Ringer honom på fredag");
    assertThat(api.get("anna", kommentarer).kropp()).isEmpty();
    ApiKlient.Svar inaktuell =
        api.post(
            "anna",
            "/api/uppgifter/" + flyttad + "/slutfor",
            ArendeSteg.samtyckeJa(List.of("FK", "AF"), false));
    assertThat(inaktuell.status()).isEqualTo(409);
    assertThat(inaktuell.kropp().path("meddelande").asText()).contains("avbruten");

    // The new job is in the list under its key, once, and the case goes on.
    JsonNode samtycke = api.vantaPaUppgift("anna", "mina", id, "inhamta-samtycke");
    assertThat(samtycke.path("id").asLong()).isEqualTo(nyckel);
    assertThat(uppgifter.sammaJobbetsStatus(uppgifter.hitta(nyckel).orElseThrow()))
        .contains(UppgiftStatus.OPPEN);
    assertThat(
            jdbc.sql("select count(*) from uppgift where arende_id = ?::uuid and status = 'OPPEN'")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            api.slutfor("anna", samtycke, ArendeSteg.samtyckeJa(List.of("FK", "AF"), false))
                .status())
        .isEqualTo(200);
    assertThat(api.vantaPaUppgift("bengt", "grupp", id, "bered-arende").path("id").asLong())
        .isPositive();
    // Stored and extended: it did not come back.
    assertThat(nycklarIgen()).isEqualTo(fore + 1);
  }

  @Test
  @DisplayName(
      "Uppgiften som flyttas undan tar med sig det som hör till den – kommentar,"
          + " beredningsbeslut, möte och uppföljning – och lämnar inget kvar under nyckeln;"
          + " utkastet till den avbrutna uppgiften tas bort")
  void flyttenTarMedMoteBeslutOchUppfoljning() {
    ApiKlient api = new ApiKlient(port);
    String id = nyttArende(api);
    long nyckel = samtycke(api, id);
    Uppgift jobbet = uppgifter.hitta(nyckel).orElseThrow();
    assertThat(
            api.anrop(
                    "anna", "PUT", "/api/uppgifter/" + nyckel + "/utkast", Map.of("samtycke", "JA"))
                .status())
        .isEqualTo(200);
    assertThat(
            api.post("anna", "/api/uppgifter/" + nyckel + "/kommentarer", Map.of("text", "Ring"))
                .status())
        .isEqualTo(201);
    // The rows a beredning, a meeting and a follow-up task leave under their task's id.
    jdbc.sql(
            "insert into beredning_beslut (arende_id, uppgift_id, beslut, beslutad)"
                + " values (?::uuid, ?, 'JA', now())")
        .params(id, nyckel)
        .update();
    jdbc.sql(
            "insert into mote (id, arende_id, process_instans_nyckel, uppgift_id, syfte,"
                + " motes_tid, ordforande, arendebarare, status, skapad) values"
                + " (gen_random_uuid(), ?::uuid, 1, ?, 'Planera', now(), 'bengt', 'anna',"
                + " 'KALLAD', now())")
        .params(id, nyckel)
        .update();
    jdbc.sql(
            "insert into uppfoljning (arende_id, uppgift_id, tid, utford_av, atgard_status,"
                + " progression, beslut) values (?::uuid, ?, now(), 'anna', '{}', 3, 'FORTSATT')")
        .params(id, nyckel)
        .update();
    // The stored row becomes another job's; the job read before it is the one that now has the key.
    jdbc.sql(
            "update uppgift set element_instans_nyckel = element_instans_nyckel + 1000,"
                + " process_instans_nyckel = process_instans_nyckel + 1000 where id = ?")
        .param(nyckel)
        .update();

    UppgiftRepository.Flyttad flyttad =
        transaktion.execute(t -> uppgifter.flyttaUndan(jobbet)).orElseThrow();

    assertThat(flyttad.id()).isNegative();
    assertThat(flyttad.avbruten()).isTrue();
    assertThat(uppgifter.hitta(nyckel)).isEmpty();
    assertThat(uppgifter.hitta(flyttad.id()).orElseThrow().status())
        .isEqualTo(UppgiftStatus.AVBRUTEN);
    for (String tabell : List.of("uppgift_kommentar", "beredning_beslut", "mote", "uppfoljning")) {
      assertThat(antal(tabell, flyttad.id())).as(tabell + " under det nya id:t").isEqualTo(1);
      assertThat(antal(tabell, nyckel)).as(tabell + " under nyckeln").isZero();
    }
    // Cancelled: its draft is gone, as any ended task's, and it is in no group's list.
    assertThat(antal("uppgift_utkast", flyttad.id())).isZero();
    assertThat(antal("uppgift_utkast", nyckel)).isZero();
    assertThat(antal("uppgift_oppen_grupp", flyttad.id())).isZero();
    assertThat(antal("uppgift_oppen_grupp", nyckel)).isZero();
    // Asked again (the row under the key is gone): nothing to move.
    Optional<UppgiftRepository.Flyttad> igen =
        transaktion.execute(t -> uppgifter.flyttaUndan(jobbet));
    assertThat(igen).isEmpty();
  }

  @Test
  @DisplayName(
      "Två instanser får samma jobb med en återanvänd nyckel medan en tredje flyttar undan den"
          + " gamla uppgiften: båda väntar på flyttens transaktion, ingen flyttar eller sparar"
          + " något mer, och jobbet finns en gång under nyckeln")
  void enFlyttSomPagarLaterAndraInstanserVanta() throws Exception {
    long id = 9_200_000_000L + System.nanoTime() % 1_000_000;
    Uppgift gammal = Testuppgift.oppen(id, "inhamta-samtycke", "Inhämta samtycke", "anna");
    assertThat(uppgifter.skapaOmNy(gammal)).isTrue();
    Uppgift jobbet = annatJobbMedNyckeln(gammal);
    double fore = nycklarIgen();
    ExecutorService andra = Executors.newFixedThreadPool(2);
    try {
      AtomicReference<Future<Boolean>> flytt = new AtomicReference<>();
      AtomicReference<Future<Boolean>> lagring = new AtomicReference<>();
      UppgiftRepository.Flyttad flyttad =
          transaktion.execute(
              t -> {
                var undan = uppgifter.flyttaUndan(jobbet).orElseThrow();
                int flyttande = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                // Between this move and its store: one instance moves the same row out of the
                // key's way, another stores the job it just got (the worker's first step).
                flytt.set(andra.submit(() -> mottagare.annatJobbsNyckel(jobbet)));
                lagring.set(andra.submit(() -> uppgifter.skapaOmNy(jobbet)));
                await().atMost(Duration.ofSeconds(30)).until(() -> vantarPa(flyttande) >= 2);
                assertThat(flytt.get()).isNotDone();
                assertThat(lagring.get()).isNotDone();
                assertThat(uppgifter.skapaOmNy(jobbet)).isTrue();
                return undan;
              });

      assertThat(flytt.get().get(30, TimeUnit.SECONDS)).isFalse();
      assertThat(lagring.get().get(30, TimeUnit.SECONDS)).isFalse();
      Uppgift underNyckeln = uppgifter.hitta(id).orElseThrow();
      assertThat(underNyckeln.elementInstansNyckel()).isEqualTo(jobbet.elementInstansNyckel());
      assertThat(underNyckeln.status()).isEqualTo(UppgiftStatus.OPPEN);
      assertThat(
              jdbc.sql("select id from uppgift where process_instans_nyckel in (?, ?)")
                  .params(gammal.processInstansNyckel(), jobbet.processInstansNyckel())
                  .query(Long.class)
                  .list())
          .containsExactlyInAnyOrder(id, flyttad.id());
      assertThat(uppgifter.hitta(flyttad.id()).orElseThrow().status())
          .isEqualTo(UppgiftStatus.AVBRUTEN);
      // The instance that found nothing to move counted nothing.
      assertThat(nycklarIgen()).isEqualTo(fore);
    } finally {
      andra.shutdownNow();
    }
  }

  /** Another job than {@code gammal}'s, in another process, that has its key. */
  private static Uppgift annatJobbMedNyckeln(Uppgift gammal) {
    return new Uppgift(
        gammal.id(),
        gammal.id() + 1,
        gammal.id() + 2,
        gammal.processId(),
        gammal.elementId(),
        gammal.namn(),
        null,
        gammal.formularId(),
        null,
        List.of(),
        null,
        Map.of(),
        UppgiftStatus.OPPEN,
        gammal.skapad(),
        null,
        null,
        null);
  }

  /** How many sessions wait for a lock that the session {@code pid} holds. */
  private int vantarPa(int pid) {
    return jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")
        .param(pid)
        .query(Integer.class)
        .single();
  }

  private int antal(String tabell, long uppgift) {
    return jdbc.sql("select count(*) from " + tabell + " where uppgift_id = ?")
        .param(uppgift)
        .query(Integer.class)
        .single();
  }

  @Test
  @DisplayName(
      "Avstämningen markerar en öppen uppgift vars jobb motorn inte längre har som avbruten,"
          + " räknar och loggar den utan personuppgifter, och förnyar de andras jobb")
  void avstamningenAvbryterUppgifterVarsJobbArBorta(CapturedOutput utdata) {
    ApiKlient api = new ApiKlient(port);
    String borta = nyttArende(api);
    String kvar =
        api.aktualisera("anna", ArendeSteg.aktualisering("Behöver också stöd", List.of("FK")));
    long utanJobb = samtycke(api, borta);
    long medJobb = samtycke(api, kvar);
    long process = uppgifter.hitta(utanJobb).orElseThrow().processInstansNyckel();
    // Anna had begun filling in the form; a draft of a task nobody can complete goes with it.
    String utkast = "/api/uppgifter/" + utanJobb + "/utkast";
    assertThat(api.anrop("anna", "PUT", utkast, Map.of("samtycke", "JA")).status()).isEqualTo(200);
    // The engine no longer has the one's job, as after a restore or a restart that lost it.
    camunda.newCancelInstanceCommand(process).send().join();
    // Both were last looked for two days ago; a task looked for an hour ago is left alone.
    var tvaDagar = java.sql.Timestamp.from(klocka.instant().minus(Duration.ofDays(2)));
    jdbc.sql("update uppgift set avstamd = ? where id in (?, ?)")
        .params(tvaDagar, utanJobb, medJobb)
        .update();
    double fore = registry.get("flerpart.uppgifter.utan.jobb").counter().count();

    assertThat(avstamning.stamAv()).isGreaterThanOrEqualTo(2);

    assertThat(uppgifter.hitta(utanJobb).orElseThrow().status()).isEqualTo(UppgiftStatus.AVBRUTEN);
    assertThat(api.hittaUppgift("anna", "mina", borta, "inhamta-samtycke")).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from uppgift_utkast where uppgift_id = ?")
                .param(utanJobb)
                .query(Integer.class)
                .single())
        .as("utkastet till den avbrutna uppgiften")
        .isZero();
    assertThat(api.get("anna", utkast).status()).isEqualTo(404);
    assertThat(registry.get("flerpart.uppgifter.utan.jobb").counter().count()).isEqualTo(fore + 1);
    assertThat(utdata.getOut())
        .contains(
            "Uppgift "
                + utanJobb
                + " (inhamta-samtycke) i process "
                + process
                + " fanns inte längre i motorn")
        .containsPattern("Avstämningen sökte \\d+ öppna uppgifters jobb i motorn; \\d+ fanns inte")
        .doesNotContain("19121212");
    Uppgift forsedd = uppgifter.hitta(medJobb).orElseThrow();
    assertThat(forsedd.status()).isEqualTo(UppgiftStatus.OPPEN);
    assertThat(
            jdbc.sql("select avstamd > ? from uppgift where id = ?")
                .params(tvaDagar, medJobb)
                .query(Boolean.class)
                .single())
        .isTrue();
    // Nothing is taken twice: both were looked for just now.
    assertThat(avstamning.stamAv()).isZero();
    // The other case goes on as before.
    assertThat(
            api.slutfor(
                    "anna",
                    api.vantaPaUppgift("anna", "mina", kvar, "inhamta-samtycke"),
                    ArendeSteg.samtyckeJa(List.of("FK"), false))
                .status())
        .isEqualTo(200);
  }

  private double nycklarIgen() {
    return registry.get("flerpart.uppgifter.nycklar.igen").counter().count();
  }

  private static void flyttaKlockan(ApiKlient api, String fram) {
    assertThat(api.post("admin", "/api/dev/klocka", Map.of("fram", fram)).status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "En avstämning mot en motor som inte svarar ändrar inget och lämnar uppgifterna till nästa"
          + " körning")
  void avstamningenMotEnMotorSomInteSvararLamnarUppgifterna() throws Exception {
    ApiKlient api = new ApiKlient(port);
    String id = nyttArende(api);
    long uppgift = samtycke(api, id);
    senastSoktForTvaDagarSedan(uppgift);
    // A gateway that refuses every renewal, as an engine that is away.
    io.grpc.Server gateway = fornyarInte(io.grpc.Status.UNAVAILABLE);
    try (CamundaClient borta = klient(gateway)) {
      UppgiftAvstamning motBortaMotor = avstamningMot(borta, new SimpleMeterRegistry());

      assertThat(motBortaMotor.stamAv()).isZero();
    } finally {
      gateway.shutdownNow();
    }
    assertThat(uppgifter.hitta(uppgift).orElseThrow().status()).isEqualTo(UppgiftStatus.OPPEN);
    // Released: due again, so the next run takes it.
    assertThat(
            jdbc.sql("select avstamd < ? from uppgift where id = ?")
                .params(
                    java.sql.Timestamp.from(klocka.instant().minus(Duration.ofDays(1))), uppgift)
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(avstamning.stamAv()).isPositive();
    assertThat(uppgifter.hitta(uppgift).orElseThrow().status()).isEqualTo(UppgiftStatus.OPPEN);
  }

  @Test
  @DisplayName(
      "En uppgift vars jobb finns men inte är utdelat just nu lämnas öppen och tas inte igen förrän"
          + " den åter är äldst")
  void avstamningenLamnarEnUppgiftVarsJobbVantarPaAttDelasUt() throws Exception {
    ApiKlient api = new ApiKlient(port);
    String id = nyttArende(api);
    long uppgift = samtycke(api, id);
    java.sql.Timestamp tvaDagar = senastSoktForTvaDagarSedan(uppgift);
    // The engine has the job, but it timed out and waits to be handed out again.
    io.grpc.Server gateway =
        fornyarInte(io.grpc.Status.FAILED_PRECONDITION.withDescription("Job is not activated"));
    SimpleMeterRegistry matare = new SimpleMeterRegistry();
    try (CamundaClient vantande = klient(gateway)) {
      UppgiftAvstamning motVantandeJobb = avstamningMot(vantande, matare);

      assertThat(motVantandeJobb.stamAv()).isPositive();
      assertThat(uppgifter.hitta(uppgift).orElseThrow().status()).isEqualTo(UppgiftStatus.OPPEN);
      assertThat(matare.get("flerpart.uppgifter.utan.jobb").counter().count()).isZero();
      // Looked for just now: the next run leaves it to the worker that takes the job.
      assertThat(
              jdbc.sql("select avstamd > ? from uppgift where id = ?")
                  .params(tvaDagar, uppgift)
                  .query(Boolean.class)
                  .single())
          .isTrue();
      assertThat(motVantandeJobb.stamAv()).isZero();
    } finally {
      gateway.shutdownNow();
    }
    assertThat(api.hittaUppgift("anna", "mina", id, "inhamta-samtycke")).isPresent();
  }

  /** Notes the task as last looked for in the engine two days ago (due); that time. */
  private java.sql.Timestamp senastSoktForTvaDagarSedan(long uppgift) {
    var tvaDagar = java.sql.Timestamp.from(klocka.instant().minus(Duration.ofDays(2)));
    jdbc.sql("update uppgift set avstamd = ? where id = ?").params(tvaDagar, uppgift).update();
    return tvaDagar;
  }

  /** A gateway that answers every renewal of a job's timeout with {@code fel}. */
  private static io.grpc.Server fornyarInte(io.grpc.Status fel) throws Exception {
    return gateway(
        new GatewayGrpc.GatewayImplBase() {
          @Override
          public void updateJobTimeout(
              UpdateJobTimeoutRequest request, StreamObserver<UpdateJobTimeoutResponse> svar) {
            svar.onError(fel.asRuntimeException());
          }
        });
  }

  /** The reconciliation as configured, against another engine's client. */
  private UppgiftAvstamning avstamningMot(CamundaClient motor, MeterRegistry matare) {
    return new UppgiftAvstamning(
        uppgifter, motor, las, klocka, matare, Duration.ofMinutes(10), Duration.ofDays(1), 500);
  }

  /** An engine's gateway, in this process, that does only what {@code tjanst} does. */
  private static io.grpc.Server gateway(GatewayGrpc.GatewayImplBase tjanst) throws Exception {
    return io.grpc.ServerBuilder.forPort(0).addService(tjanst).build().start();
  }

  private static CamundaClient klient(io.grpc.Server gateway) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://127.0.0.1:" + gateway.getPort()))
        .restAddress(URI.create("http://127.0.0.1:" + gateway.getPort()))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofMinutes(1))
        .build();
  }

  /** A new case from anna, needing FK and AF; its id. */
  private static String nyttArende(ApiKlient api) {
    return api.aktualisera("anna", ArendeSteg.aktualisering("Behöver stöd", List.of("FK", "AF")));
  }

  /** The key of the case's samtycke task, once anna has it. */
  private static long samtycke(ApiKlient api, String arendeId) {
    return api.vantaPaUppgift("anna", "mina", arendeId, "inhamta-samtycke").path("id").asLong();
  }

  private double saknade() {
    return registry.get("flerpart.uppgifter.saknade.i.motorn").counter().count();
  }

  /** A time no longer than the worker's own minute would hand the job out while it is stored. */
  @Test
  void enJobbTidsgransSomInteArLangreAnAktiveringenStopparStarten() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new UppgiftMottagare(
                    uppgifter, null, null, null, null, registry, null, UppgiftMottagare.AKTIVERING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flerpart.uppgift.jobb-tidsgrans");
  }
}
