package se.flerpart.loggkontroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.flerpart.administration.Adminlogg.Partbyte;
import se.flerpart.arende.Granskningslogg.Lasning;
import se.flerpart.loggkontroll.Loggkontroll.Partbyten;
import se.flerpart.loggkontroll.SamtyckeTidslinje.Tidslinje;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository.Konto;

/** When a read of personal data falls outside the consent in force at its time. */
class LoggkontrollFlaggaTest {

  static final Instant AKTUALISERAT = Instant.parse("2026-03-01T09:00:00Z");
  static final Instant SAMTYCKE = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant ATERKALLAT = Instant.parse("2026-06-01T09:00:00Z");
  static final Tidslinje JA_FK_AF = new Tidslinje(SAMTYCKE, List.of("FK", "AF"), false, null, null);

  static Konto konto(String id, String part, String... roller) {
    return new Konto(
        new Anvandare(id, id, id + "@x.example", part, Set.of(roller), Set.of()), true, false);
  }

  static Lasning lasning(String anvandare, Instant tid, String handling) {
    return new Lasning(1, tid, anvandare, UUID.randomUUID(), "2026-0001", "FK", handling);
  }

  static String orsak(Konto k, Instant tid, Tidslinje t) {
    return Loggkontroll.orsak(
        lasning(k.anvandare().id(), tid, "LAS_PERSONUPPGIFTER"), k, k.anvandare().part(), t);
  }

  @Test
  @DisplayName("Före samtycket läser bara den aktualiserande parten")
  void foreSamtycket() {
    Instant tid = AKTUALISERAT.plusSeconds(60);
    assertThat(orsak(konto("anna", "FK", "HANDLAGGARE"), tid, JA_FK_AF)).isNull();
    assertThat(orsak(konto("bengt", "AF", "HANDLAGGARE"), tid, JA_FK_AF))
        .isEqualTo("Läst av AF utan samtycke; då får bara den aktualiserande parten (FK) läsa");
    assertThat(orsak(konto("bengt", "AF", "HANDLAGGARE"), tid, Tidslinje.INGEN)).isNotNull();
  }

  @Test
  @DisplayName("Med samtycke läser parterna i det, och den deltagaransvariga vid SUS-samtycke")
  void medSamtycke() {
    Instant tid = SAMTYCKE.plusSeconds(60);
    assertThat(orsak(konto("bengt", "AF", "HANDLAGGARE"), tid, JA_FK_AF)).isNull();
    assertThat(orsak(konto("david", "REGION", "HANDLAGGARE"), tid, JA_FK_AF))
        .isEqualTo("Läst av REGION, som inte ingår i samtycket (FK, AF)");
    Konto sara = konto("sara", "FORBUND", "DELTAGARANSVARIG");
    assertThat(orsak(sara, tid, JA_FK_AF)).isNotNull();
    assertThat(orsak(sara, tid, new Tidslinje(SAMTYCKE, List.of("FK", "AF"), true, null, null)))
        .isNull();
  }

  @Test
  @DisplayName("Efter återkallat samtycke flaggas varje läsning, också den aktualiserandes")
  void efterAterkallelse() {
    Tidslinje aterkallat = new Tidslinje(SAMTYCKE, List.of("FK", "AF"), false, null, ATERKALLAT);
    assertThat(orsak(konto("anna", "FK", "HANDLAGGARE"), ATERKALLAT.minusSeconds(1), aterkallat))
        .isNull();
    assertThat(orsak(konto("anna", "FK", "HANDLAGGARE"), ATERKALLAT, aterkallat))
        .isEqualTo("Läst efter att samtycket återkallades");
  }

  @Test
  @DisplayName("Loggkontrollens egna rader och läsare utan konto flaggas inte")
  void egnaRader() {
    Konto lena = konto("lena", "FORBUND", "LOGGGRANSKARE");
    assertThat(
            Loggkontroll.orsak(
                lasning("lena", SAMTYCKE.plusSeconds(5), "LOGGKONTROLL_SOKNING"),
                lena,
                "FORBUND",
                JA_FK_AF))
        .isNull();
    assertThat(
            Loggkontroll.orsak(
                lasning("okand", SAMTYCKE.plusSeconds(5), "LAS_PERSONUPPGIFTER"),
                null,
                null,
                JA_FK_AF))
        .isNull();
  }

  @Test
  @DisplayName("Läsarens part är den hen hade när läsningen skedde")
  void partenVidLasningen() {
    Anvandare bytt = konto("kim", "REGION", "HANDLAGGARE").anvandare();
    Instant bytet = Instant.parse("2026-04-01T00:00:00Z");
    Partbyten byten = new Partbyten(List.of(new Partbyte("kim", bytet, "AF", "REGION")));
    assertThat(byten.partVid(bytt, bytet.minusSeconds(1))).isEqualTo("AF");
    assertThat(byten.partVid(bytt, bytet.plusSeconds(1))).isEqualTo("REGION");
    assertThat(byten.partVid(konto("anna", "FK").anvandare(), bytet)).isEqualTo("FK");
  }
}
