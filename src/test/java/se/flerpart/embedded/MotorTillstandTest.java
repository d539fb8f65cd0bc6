package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.impl.DbCompositeKey;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.db.impl.DbString;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine's state store: transactions read committed and see their own changes,
 * iterations follow the keys' unsigned byte order within the prefix asked for, another thread may
 * read while one writes, and the embedded engine runs on it.
 */
class MotorTillstandTest {

  private final MotorTillstand tillstand = new MotorTillstand();

  private final DbLong nyckel = new DbLong();
  private final DbString varde = new DbString();

  private ColumnFamily<DbLong, DbString> familj(TransactionContext kontext) {
    return tillstand.createColumnFamily(ZbColumnFamilies.DEFAULT, kontext, nyckel, varde);
  }

  private void satt(ColumnFamily<DbLong, DbString> familj, long k, String v) {
    nyckel.wrapLong(k);
    varde.wrapString(v);
    familj.upsert(nyckel, varde);
  }

  private static List<Long> nycklar(ColumnFamily<DbLong, DbString> familj) {
    List<Long> sedda = new ArrayList<>();
    familj.forEach((k, v) -> sedda.add(k.getValue()));
    return sedda;
  }

  @Test
  void enTransaktionSerSinaAndringarAndraSerDemForstNarDenAvslutats() throws Exception {
    TransactionContext skrivare = tillstand.createContext();
    TransactionContext lasare = tillstand.createContext();
    var skriv = familj(skrivare);
    var las = familj(lasare);

    var transaktion = skrivare.getCurrentTransaction();
    transaktion.run(() -> satt(skriv, 1, "ett"));
    nyckel.wrapLong(1);
    assertThat(skriv.get(nyckel).toString()).isEqualTo("ett");
    assertThat(las.exists(nyckel)).isFalse();
    transaktion.commit();
    assertThat(las.get(nyckel).toString()).isEqualTo("ett");

    transaktion = skrivare.getCurrentTransaction();
    transaktion.run(
        () -> {
          nyckel.wrapLong(1);
          skriv.deleteExisting(nyckel);
          satt(skriv, 2, "två");
        });
    nyckel.wrapLong(1);
    assertThat(skriv.exists(nyckel)).isFalse();
    transaktion.rollback();
    assertThat(skriv.get(nyckel).toString()).isEqualTo("ett");
    assertThat(nycklar(las)).containsExactly(1L);
  }

  @Test
  void utanOppenTransaktionSkrivsVarjeAndringDirekt() {
    var familj = familj(tillstand.createContext());
    satt(familj, 5, "fem");
    assertThat(nycklar(familj(tillstand.createContext()))).containsExactly(5L);
    assertThat(tillstand.storlek()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Nycklarna går i osignerad byteordning, som i brokerns RocksDB: 128 och 255 kommer efter 127")
  void nycklarnaGarIOsigneradByteordning() {
    var familj = familj(tillstand.createContext());
    for (long k : new long[] {70_000, 255, 1, 128, 127, 256, 0x80_0000_0000L}) {
      satt(familj, k, "v" + k);
    }
    assertThat(nycklar(familj))
        .containsExactly(1L, 127L, 128L, 255L, 256L, 70_000L, 0x80_0000_0000L);
    assertThat(familj.count()).isEqualTo(7);
  }

  @Test
  void prefixetBegransarBesoketOchStartnyckelnDessBorjan() {
    DbLong forsta = new DbLong();
    DbLong andra = new DbLong();
    DbCompositeKey<DbLong, DbLong> par = new DbCompositeKey<>(forsta, andra);
    TransactionContext kontext = tillstand.createContext();
    ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbString> familj =
        tillstand.createColumnFamily(ZbColumnFamilies.TIMER_DUE_DATES, kontext, par, varde);
    // A key of another family is not visited.
    satt(familj(kontext), 2, "annan familj");
    for (long a = 1; a <= 3; a++) {
      for (long b = 1; b <= 3; b++) {
        forsta.wrapLong(a);
        andra.wrapLong(b);
        varde.wrapString(a + "/" + b);
        familj.insert(par, varde);
      }
    }
    DbLong prefix = new DbLong();
    prefix.wrapLong(2);
    List<String> sedda = new ArrayList<>();
    BiConsumer<DbCompositeKey<DbLong, DbLong>, DbString> samla = (k, v) -> sedda.add(v.toString());
    familj.whileEqualPrefix(prefix, samla);
    assertThat(sedda).containsExactly("2/1", "2/2", "2/3");
    assertThat(familj.countEqualPrefix(prefix)).isEqualTo(3);

    sedda.clear();
    DbLong startA = new DbLong();
    DbLong startB = new DbLong();
    startA.wrapLong(2);
    startB.wrapLong(2);
    // List.add answers true: every entry is visited.
    KeyValuePairVisitor<DbCompositeKey<DbLong, DbLong>, DbString> allaSedda =
        (k, v) -> sedda.add(v.toString());
    familj.whileEqualPrefix(prefix, new DbCompositeKey<>(startA, startB), allaSedda);
    assertThat(sedda).containsExactly("2/2", "2/3");

    sedda.clear();
    startA.wrapLong(3);
    startB.wrapLong(2);
    familj.whileTrue(new DbCompositeKey<>(startA, startB), allaSedda);
    assertThat(sedda).containsExactly("3/2", "3/3");

    sedda.clear();
    familj.whileTrue(
        (k, v) -> {
          sedda.add(v.toString());
          return sedda.size() < 4;
        });
    assertThat(sedda).containsExactly("1/1", "1/2", "1/3", "2/1");
    assertThat(familj.count()).isEqualTo(9);
    assertThat(familj(kontext).count()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Inom en transaktion går besöket över det sparade med transaktionens ändringar ovanpå, och"
          + " besökaren får ändra familjen den går igenom")
  void besoketSerTransaktionensAndringarOchTalAttBesokarenAndrar() throws Exception {
    TransactionContext kontext = tillstand.createContext();
    var familj = familj(kontext);
    for (long k = 1; k <= 4; k++) {
      satt(familj, k, "sparad " + k);
    }
    var transaktion = kontext.getCurrentTransaction();
    Map<Long, String> sedda = new java.util.LinkedHashMap<>();
    transaktion.run(
        () -> {
          nyckel.wrapLong(2);
          familj.deleteExisting(nyckel);
          satt(familj, 3, "ändrad 3");
          satt(familj, 6, "ny 6");
          familj.forEach(
              (k, v) -> {
                long denna = k.getValue();
                sedda.put(denna, v.toString());
                // Removes what it has seen, and adds behind itself.
                nyckel.wrapLong(denna);
                familj.deleteExisting(nyckel);
                if (denna == 4) {
                  satt(familj, 5, "tillagd under besöket");
                }
              });
        });
    assertThat(sedda)
        .containsExactly(
            Map.entry(1L, "sparad 1"),
            Map.entry(3L, "ändrad 3"),
            Map.entry(4L, "sparad 4"),
            Map.entry(6L, "ny 6"));
    assertThat(familj.isEmpty()).isFalse();
    transaktion.commit();
    assertThat(nycklar(familj(tillstand.createContext()))).containsExactly(5L);
    assertThat(tillstand.isEmpty(ZbColumnFamilies.DEFAULT, tillstand.createContext())).isFalse();
    assertThat(tillstand.isEmpty(ZbColumnFamilies.TIMERS, tillstand.createContext())).isTrue();
  }

  @Test
  @DisplayName(
      "Ett besök utan öppen transaktion går i en egen: det besökaren ändrar sparas när besöket är"
          + " klart, och tas tillbaka om besökaren fallerar")
  void ettBesokUtanTransaktionGarIEnEgen() {
    var familj = familj(tillstand.createContext());
    for (long k = 1; k <= 3; k++) {
      satt(familj, k, "v" + k);
    }
    var annan = familj(tillstand.createContext());
    assertThatThrownBy(
            () ->
                familj.forEach(
                    (k, v) -> {
                      nyckel.wrapLong(k.getValue());
                      familj.deleteExisting(nyckel);
                      if (k.getValue() == 2) {
                        throw new IllegalStateException("besökaren fallerade");
                      }
                    }))
        .hasRootCauseMessage("besökaren fallerade");
    assertThat(nycklar(annan)).containsExactly(1L, 2L, 3L);

    List<Long> under = new ArrayList<>();
    familj.forEach(
        (k, v) -> {
          nyckel.wrapLong(k.getValue());
          familj.deleteExisting(nyckel);
          under.add(annan.count());
        });
    assertThat(under).as("inget sparat medan besöket pågår").containsExactly(3L, 3L, 3L);
    assertThat(annan.isEmpty()).isTrue();
  }

  @Test
  void insattningAvEnNyckelSomFinnsOchAndringAvEnSomSaknasAvvisas() {
    var familj = familj(tillstand.createContext());
    satt(familj, 1, "ett");
    nyckel.wrapLong(1);
    varde.wrapString("igen");
    assertThatThrownBy(() -> familj.insert(nyckel, varde))
        .hasRootCauseInstanceOf(ZeebeDbInconsistentException.class)
        .hasStackTraceContaining("already exists");
    nyckel.wrapLong(2);
    assertThatThrownBy(() -> familj.update(nyckel, varde))
        .hasRootCauseInstanceOf(ZeebeDbInconsistentException.class);
    assertThatThrownBy(() -> familj.deleteExisting(nyckel))
        .hasRootCauseInstanceOf(ZeebeDbInconsistentException.class);
    familj.deleteIfExists(nyckel);
    nyckel.wrapLong(1);
    assertThat(familj.get(nyckel).toString()).isEqualTo("ett");
  }

  @Test
  @DisplayName(
      "En annan aktör kan läsa och gå igenom tillståndet medan strömprocessorn skriver det")
  void enAnnanTradLaserMedanEnSkriver() throws Exception {
    var skriv = familj(tillstand.createContext());
    TransactionContext lasKontext = tillstand.createContext();
    ColumnFamily<DbLong, DbString> las =
        tillstand.createColumnFamily(
            ZbColumnFamilies.DEFAULT, lasKontext, new DbLong(), new DbString());
    AtomicBoolean klar = new AtomicBoolean();
    AtomicReference<Throwable> fel = new AtomicReference<>();
    Thread lasare =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (!klar.get()) {
                      long[] forra = {Long.MIN_VALUE};
                      las.forEach(
                          (k, v) -> {
                            assertThat(k.getValue()).isGreaterThan(forra[0]);
                            forra[0] = k.getValue();
                          });
                    }
                  } catch (Throwable t) {
                    fel.set(t);
                  }
                });
    for (int i = 0; i < 20_000; i++) {
      satt(skriv, i % 500, "v" + i);
      if (i % 3 == 0) {
        nyckel.wrapLong((i * 7) % 500);
        skriv.deleteIfExists(nyckel);
      }
    }
    klar.set(true);
    lasare.join(10_000);
    assertThat(fel.get()).isNull();
  }

  @Test
  @DisplayName(
      "Motorn körs på detta tillstånd: en timer utlöses när klockan flyttats förbi den, en senare"
          + " väntar kvar")
  void motornKorsPaTillstandet() throws Exception {
    ZeebeTestEngine engine = EmbeddedStack.startaMotor();
    try (ZeebeClient client = engine.createClient()) {
      assertThat(MotorloggSynkronisering.falt(engine, "database"))
          .isInstanceOf(MotorTillstand.class);
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("vanta")
                  .startEvent()
                  .intermediateCatchEvent("timer")
                  .timerWithDurationExpression("tid")
                  .endEvent()
                  .done(),
              "vanta.bpmn")
          .send()
          .join(10, TimeUnit.SECONDS);
      long tidig = starta(client, Duration.ofHours(1));
      long sen = starta(client, Duration.ofHours(2));
      engine.waitForIdleState(Duration.ofSeconds(10));

      engine.increaseTime(Duration.ofMinutes(61));

      await().atMost(Duration.ofSeconds(20)).until(() -> utlosta(engine).contains(tidig));
      engine.waitForIdleState(Duration.ofSeconds(10));
      assertThat(utlosta(engine)).doesNotContain(sen);
    } finally {
      engine.stop();
    }
  }

  @Test
  void ettIngreppSomInteGarAttGoraLamnarMotornSomDenArOchSagerIfran() {
    assertThat(
            MotorloggSynkronisering.ingrepp(
                "prov ({})", () -> MotorloggSynkronisering.falt(new Object(), "finnsInte")))
        .isFalse();
    assertThat(
            MotorloggSynkronisering.ingrepp(
                "prov ({})",
                () -> {
                  throw new IllegalStateException("annan motorversion");
                }))
        .isFalse();
    assertThat(MotorloggSynkronisering.ingrepp("prov ({})", () -> {})).isTrue();
  }

  private static long starta(ZeebeClient client, Duration tid) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("vanta")
        .latestVersion()
        .variables(Map.of("tid", tid.toString()))
        .send()
        .join(10, TimeUnit.SECONDS)
        .getProcessInstanceKey();
  }

  /** The process instances whose timer has fired. */
  private static Set<Long> utlosta(ZeebeTestEngine engine) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getIntent() == TimerIntent.TRIGGERED)
        .map(Record::getValue)
        .map(v -> ((TimerRecordValue) v).getProcessInstanceKey())
        .collect(Collectors.toSet());
  }
}
