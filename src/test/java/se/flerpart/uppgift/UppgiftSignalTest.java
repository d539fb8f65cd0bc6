package se.flerpart.uppgift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The signal that wakes the requests waiting for the task list to change, and the waits themselves:
 * when the list is read again, when the answer comes, and that a wait holds no thread.
 */
class UppgiftSignalTest {

  private static long om(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  private final List<UppgiftSignal> signaler = new ArrayList<>();

  @AfterEach
  void stoppa() {
    signaler.forEach(UppgiftSignal::stoppa);
  }

  private UppgiftSignal signal(Duration kontroll, int max) {
    UppgiftSignal s = new UppgiftSignal(kontroll, max, 2);
    signaler.add(s);
    return s;
  }

  /** A signal whose waits are not ended by a check for other instances' changes within the test. */
  private UppgiftSignal utanKontroll() {
    return signal(Duration.ofHours(1), 10);
  }

  /**
   * A waiting request that counts its readings of the list; with {@code svaraVidOmlasning} every
   * reading after the first answers it. Its answer holds how many readings came before it.
   */
  private static class Testfraga implements UppgiftSignal.Fraga {

    /** The answer of a wait its client ended: no list, so no count of readings. */
    static final int AVBRUTEN = -1;

    final AtomicInteger lasningar = new AtomicInteger();
    final CompletableFuture<Integer> besvarad = new CompletableFuture<>();
    private final boolean svaraVidOmlasning;

    Testfraga(boolean svaraVidOmlasning) {
      this.svaraVidOmlasning = svaraVidOmlasning;
    }

    @Override
    public boolean las() {
      return lasningar.incrementAndGet() > 1 && svaraVidOmlasning;
    }

    @Override
    public void svara() {
      if (!besvarad.complete(lasningar.get())) {
        throw new AssertionError("besvarad två gånger");
      }
    }

    @Override
    public void fel(RuntimeException e) {
      besvarad.completeExceptionally(e);
    }

    @Override
    public void avbruten() {
      if (!besvarad.complete(AVBRUTEN)) {
        throw new AssertionError("besvarad två gånger");
      }
    }

    int svar() throws Exception {
      return besvarad.get(30, TimeUnit.SECONDS);
    }

    /** A question whose list already differs from the client's: answered at its first reading. */
    static Testfraga genast() {
      return new Testfraga(false) {
        @Override
        public boolean las() {
          super.las();
          return true;
        }
      };
    }
  }

  @Test
  @DisplayName(
      "En ändring läser listan igen och besvarar den som väntar, långt före nästa kontroll, och"
          + " ingen tråd står och väntar")
  void andringVacker() throws Exception {
    UppgiftSignal signal = utanKontroll();
    Testfraga fraga = new Testfraga(true);
    UppgiftSignal.Vantan v = signal.vanta(null, om(Duration.ofHours(1)), fraga);
    Thread.sleep(200);
    assertThat(fraga.besvarad).isNotDone();
    assertThat(fraga.lasningar).hasValue(1);
    assertThat(signal.vantande()).isEqualTo(1);
    assertThat(tradarI(UppgiftSignal.class)).as("trådar som står i en väntan").isEmpty();

    signal.andrad(List.of("2026-0001"));
    assertThat(fraga.svar()).isEqualTo(2);
    assertThat(signal.vantande()).as("platsen lämnad").isZero();
    assertThat(v.avsluta()).as("redan avslutad").isFalse();
    assertThat(signal.omlasningar()).isEqualTo(1);
  }

  /**
   * The threads now running code of {@code klass} (or of a class nested in it): for a wait, those
   * that stand in it.
   */
  static List<String> tradarI(Class<?> klass) {
    List<String> tradar = new ArrayList<>();
    Thread.getAllStackTraces()
        .forEach(
            (trad, stack) -> {
              for (StackTraceElement rad : stack) {
                String namn = rad.getClassName();
                if (namn.equals(klass.getName()) || namn.startsWith(klass.getName() + "$")) {
                  tradar.add(trad.getName());
                  return;
                }
              }
            });
    return tradar;
  }

  @Test
  @DisplayName(
      "En ändring medan listan läses första gången går inte förlorad, och läses om en gång")
  void andringUnderForstaLasningen() throws Exception {
    UppgiftSignal signal = utanKontroll();
    Testfraga fraga =
        new Testfraga(false) {
          @Override
          public boolean las() {
            if (lasningar.get() == 0) {
              // committed after the reading looked, before it was done
              signal.andrad(List.of("2026-0001"));
            }
            return super.las();
          }
        };
    UppgiftSignal.Vantan v = signal.vanta("2026-0001", om(Duration.ofHours(1)), fraga);
    await().atMost(Duration.ofSeconds(30)).until(() -> fraga.lasningar.get() == 2);
    Thread.sleep(300);
    assertThat(fraga.lasningar).as("en omläsning för en ändring").hasValue(2);
    assertThat(fraga.besvarad).isNotDone();
    assertThat(v.avsluta()).isTrue();
  }

  @Test
  @DisplayName(
      "En ändring av ett ärendes uppgifter väcker den som väntar på det ärendet eller på alla,"
          + " inte den som väntar på ett annat")
  void baraDetArendeSomAndrats() throws Exception {
    UppgiftSignal signal = utanKontroll();
    Testfraga ett = new Testfraga(true);
    Testfraga annat = new Testfraga(true);
    Testfraga alla = new Testfraga(true);
    signal.vanta("2026-0001", om(Duration.ofHours(1)), ett);
    signal.vanta("2026-0002", om(Duration.ofHours(1)), annat);
    signal.vanta(null, om(Duration.ofHours(1)), alla);
    signal.andrad(List.of("2026-0001"));
    assertThat(ett.svar()).isEqualTo(2);
    assertThat(alla.svar()).isEqualTo(2);
    Thread.sleep(300);
    assertThat(annat.besvarad).as("väntar på ett annat ärende").isNotDone();
    signal.andrad(Arrays.asList("2026-0003", null));
    Thread.sleep(300);
    assertThat(annat.besvarad).as("väntar på ett annat ärende").isNotDone();
    assertThat(annat.lasningar).hasValue(1);
    signal.andrad(List.of("2026-0002", "2026-0004"));
    assertThat(annat.svar()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "En annan instans notis väcker dem den gäller; instansens egen notis och en som inte ryms")
  void notiser() throws Exception {
    UppgiftSignal har = utanKontroll();
    UppgiftSignal annan = utanKontroll();
    Testfraga ett = new Testfraga(true);
    Testfraga annat = new Testfraga(true);
    har.vanta("2026-0001", om(Duration.ofHours(1)), ett);
    har.vanta("2026-0002", om(Duration.ofHours(1)), annat);
    har.hord(har.notis(List.of("2026-0001", "2026-0002")));
    Thread.sleep(300);
    assertThat(ett.besvarad).as("instansens egen notis: väckt redan vid incheckningen").isNotDone();
    har.hord(annan.notis(Arrays.asList("2026-0001", null)));
    assertThat(ett.svar()).isEqualTo(2);
    Thread.sleep(300);
    assertThat(annat.besvarad).isNotDone();

    List<String> manga = new ArrayList<>();
    for (int i = 0; manga.size() * 10 <= UppgiftSignal.MAX_NOTIS; i++) {
      manga.add(String.format("2026-%05d", i));
    }
    // A notice written by hand (another version): repeated and empty lines are read as they come,
    // without failing the listener.
    har.hord("en-annan\n2026-0003\n2026-0003\n\n");
    Thread.sleep(300);
    assertThat(annat.besvarad).isNotDone();

    String forLang = annan.notis(manga);
    assertThat(forLang).as("bara instansens namn: alla").doesNotContain("\n");
    har.hord(forLang);
    assertThat(annat.svar()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "Utan ändring: listan läses igen vid varje kontroll, och när tiden är ute besvaras frågan"
          + " med det som lästs sist")
  void kontrollOchGrans() throws Exception {
    UppgiftSignal ofta = signal(Duration.ofMillis(50), 10);
    Testfraga kontrolleras = new Testfraga(false);
    UppgiftSignal.Vantan v = ofta.vanta(null, om(Duration.ofHours(1)), kontrolleras);
    await().atMost(Duration.ofSeconds(30)).until(() -> kontrolleras.lasningar.get() >= 4);
    assertThat(kontrolleras.besvarad).isNotDone();
    v.avsluta();

    UppgiftSignal signal = utanKontroll();
    Testfraga kort = new Testfraga(true);
    signal.vanta(null, om(Duration.ofMillis(200)), kort);
    assertThat(kort.svar()).as("vid tidsgränsen, utan att läsa igen").isEqualTo(1);
    Testfraga forbi = new Testfraga(true);
    signal.vanta(null, System.nanoTime() - 1, forbi);
    assertThat(forbi.svar()).as("tiden redan ute").isEqualTo(1);
    assertThat(signal.vantande()).isZero();

    Testfraga svarGenast = Testfraga.genast();
    signal.vanta(null, om(Duration.ofHours(1)), svarGenast);
    assertThat(svarGenast.besvarad).as("listan skiljer sig redan: svar direkt").isDone();
    assertThat(signal.vantande()).isZero();
  }

  @Test
  @DisplayName(
      "Vid stängning besvaras varje väntande fråga genast, och ingen ny får vänta; en server-gräns"
          + " besvarar en gång")
  void stangning() throws Exception {
    UppgiftSignal signal = utanKontroll();
    Testfraga fraga = new Testfraga(true);
    UppgiftSignal.Vantan v = signal.vanta("2026-0001", om(Duration.ofHours(1)), fraga);
    Thread.sleep(200);
    signal.stang();
    assertThat(fraga.svar()).isEqualTo(1);
    v.svaraNu();
    assertThat(signal.taPlats()).as("ingen ny väntan när programmet stängs").isFalse();
    Testfraga sen = new Testfraga(true);
    signal.vanta(null, om(Duration.ofHours(1)), sen);
    assertThat(sen.besvarad).isDone();

    UppgiftSignal annan = utanKontroll();
    Testfraga medGrans = new Testfraga(true);
    UppgiftSignal.Vantan g = annan.vanta(null, om(Duration.ofHours(1)), medGrans);
    g.svaraNu();
    g.svaraNu();
    assertThat(medGrans.svar()).isEqualTo(1);
    assertThat(annan.vantande()).isZero();
  }

  @Test
  @DisplayName(
      "Ett fel vid omläsningen besvarar frågan med felet och lämnar platsen; vid första läsningen"
          + " kastas det")
  void felVidLasning() throws Exception {
    UppgiftSignal signal = utanKontroll();
    Testfraga felar =
        new Testfraga(true) {
          @Override
          public boolean las() {
            if (super.las()) {
              throw new IllegalStateException("databasen svarar inte");
            }
            return false;
          }
        };
    signal.vanta(null, om(Duration.ofHours(1)), felar);
    signal.andrad(List.of("2026-0001"));
    assertThatThrownBy(() -> felar.besvarad.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("databasen svarar inte");
    assertThat(signal.vantande()).isZero();

    UppgiftSignal.Fraga genastFel =
        new Testfraga(false) {
          @Override
          public boolean las() {
            throw new IllegalStateException("första");
          }
        };
    assertThatThrownBy(() -> signal.vanta(null, om(Duration.ofHours(1)), genastFel))
        .hasMessage("första");
    Testfraga ny = new Testfraga(true);
    signal.vanta(null, om(Duration.ofHours(1)), ny);
    signal.andrad(List.of("2026-0001"));
    assertThat(ny.svar()).as("den felande väntan är borta, inte kvar att väckas").isEqualTo(2);
    assertThat(signal.vantande()).isZero();
  }

  @Test
  @DisplayName("Högst max-samtidiga väntar samtidigt; de andra besvaras genast")
  void platser() throws Exception {
    UppgiftSignal signal = signal(Duration.ofHours(1), 2);
    Testfraga forsta = new Testfraga(true);
    Testfraga andra = new Testfraga(true);
    Testfraga tredje = new Testfraga(true);
    UppgiftSignal.Vantan v = signal.vanta(null, om(Duration.ofHours(1)), forsta);
    signal.vanta(null, om(Duration.ofHours(1)), andra);
    signal.vanta(null, om(Duration.ofHours(1)), tredje);
    assertThat(tredje.svar()).as("ingen plats: svar genast").isEqualTo(1);
    assertThat(signal.vantande()).isEqualTo(2);
    v.avsluta();
    assertThat(signal.vantande()).isEqualTo(1);
    assertThat(forsta.besvarad).as("avslutad utan svar (klienten gick)").isNotDone();
    signal.andrad(List.of("2026-0001"));
    assertThat(andra.svar()).isEqualTo(2);
    assertThat(forsta.besvarad).isNotDone();
    assertThat(signal.vantande()).isZero();
  }

  @Test
  @DisplayName(
      "En klient har högst max-per-klient väntande: den äldsta besvaras när en till väntar; en"
          + " som svaras genast, andra klienter och frågor utan klient berörs inte")
  void perKlient() throws Exception {
    UppgiftSignal signal = utanKontroll();
    Testfraga forsta = new Testfraga(true);
    Testfraga andra = new Testfraga(true);
    Testfraga tredje = new Testfraga(true);
    Testfraga annanKlients = new Testfraga(true);
    List<Testfraga> utanKlient = List.of(new Testfraga(true), new Testfraga(true));
    signal.vanta("session-1", null, om(Duration.ofHours(1)), forsta);
    signal.vanta("session-2", null, om(Duration.ofHours(1)), annanKlients);
    utanKlient.forEach(f -> signal.vanta(null, om(Duration.ofHours(1)), f));
    signal.vanta("session-1", "2026-0001", om(Duration.ofHours(1)), andra);
    Thread.sleep(300);
    assertThat(forsta.besvarad).as("två: inom gränsen").isNotDone();

    Testfraga genast = Testfraga.genast();
    signal.vanta("session-1", null, om(Duration.ofHours(1)), genast);
    assertThat(genast.besvarad).isDone();
    Thread.sleep(300);
    assertThat(forsta.besvarad).as("en fråga som svarades genast väntade aldrig").isNotDone();

    signal.vanta("session-1", null, om(Duration.ofHours(1)), tredje);
    assertThat(forsta.svar()).as("den äldsta, med det den läst").isEqualTo(1);
    Thread.sleep(300);
    for (Testfraga f : List.of(andra, tredje, annanKlients, utanKlient.get(0), utanKlient.get(1))) {
      assertThat(f.besvarad).isNotDone();
    }
    assertThat(signal.vantande()).isEqualTo(5);
  }

  @Test
  @DisplayName(
      "En namngiven väntan avslutas av sin användare: den besvaras genast och lämnar sin plats;"
          + " en annan användares väntan med samma namn och användarens andra väntar berörs inte")
  void namngivenVantanAvslutas() throws Exception {
    // No login session: this signal's limit of two waits a session is not what is tried here.
    UppgiftSignal signal = utanKontroll();
    Testfraga lamnad = new Testfraga(true);
    Testfraga annan = new Testfraga(true);
    Testfraga annanAnvandares = new Testfraga(true);
    Testfraga utanNamn = new Testfraga(true);
    signal.vanta(null, "anna", "sida-1", null, om(Duration.ofHours(1)), lamnad);
    signal.vanta(null, "anna", "sida-2", null, om(Duration.ofHours(1)), annan);
    signal.vanta(null, "bengt", "sida-1", null, om(Duration.ofHours(1)), annanAnvandares);
    signal.vanta(null, "anna", null, null, om(Duration.ofHours(1)), utanNamn);
    assertThat(signal.vantande()).isEqualTo(4);

    assertThat(signal.avsluta("anna", "sida-1")).isEqualTo(1);
    assertThat(signal.avslutade()).as("räknad för mätvärdet").isEqualTo(1);
    assertThat(lamnad.besvarad)
        .as("avslutad genast, utan lista")
        .isCompletedWithValue(Testfraga.AVBRUTEN);
    assertThat(lamnad.lasningar).as("inget läst för den").hasValue(1);
    assertThat(signal.vantande()).as("platsen lämnad").isEqualTo(3);
    assertThat(signal.avsluta("anna", "sida-1")).as("redan avslutad").isZero();
    assertThat(signal.avsluta("cecilia", "sida-2")).as("en annan användare").isZero();
    Thread.sleep(300);
    for (Testfraga f : List.of(annan, annanAnvandares, utanNamn)) {
      assertThat(f.besvarad).isNotDone();
    }
    assertThat(signal.vantande()).isEqualTo(3);
    assertThat(signal.avslutade()).as("bara den som avslutades").isEqualTo(1);
  }

  @Test
  @DisplayName(
      "En annan instans notis om att avsluta en namngiven väntan avslutar den här; instansens egen"
          + " notis, en annan användares och en okänd väntans berör inget")
  void annanInstansAvslutarNamngivenVantan() throws Exception {
    UppgiftSignal signal = utanKontroll();
    UppgiftSignal annan = utanKontroll();
    Testfraga fraga = new Testfraga(true);
    Testfraga fallet = new Testfraga(true);
    signal.vanta(null, "anna", "sida-1", null, om(Duration.ofHours(1)), fraga);
    signal.vanta(null, "anna", null, "2026-0001", om(Duration.ofHours(1)), fallet);

    signal.hord(signal.avslutaNotis("anna", "sida-1"));
    signal.hord(annan.avslutaNotis("bengt", "sida-1"));
    signal.hord(annan.avslutaNotis("anna", "sida-2"));
    Thread.sleep(300);
    assertThat(fraga.besvarad).as("egen, en annan användares, en okänd").isNotDone();
    assertThat(fallet.besvarad).as("ingen ändring av ett ärende").isNotDone();

    signal.hord(annan.avslutaNotis("anna", "sida-1"));
    assertThat(fraga.besvarad).isCompletedWithValue(Testfraga.AVBRUTEN);
    assertThat(signal.vantande()).isEqualTo(1);
    assertThat(annan.avslutaNotis("anna", "rad\nbrytning")).isNull();
    Thread.sleep(300);
    assertThat(fallet.besvarad).isNotDone();
  }
}
