package se.flerpart.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.UtfordaSatser;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * A transaction reads a user, a part or an insats once however often it asks, sees its own writes
 * at once, and leaves nothing behind for the next transaction; outside a transaction every call
 * reads the database. Counted in what the application sends to PostgreSQL.
 */
@SpringBootTest(properties = "flerpart.demo.arenden=false")
class TransaktionsminneTest {

  private static final String ANVANDARE = "from anvandare a";

  @Autowired AnvandareRepository anvandare;
  @Autowired PartRepository parter;
  @Autowired InsatsRepository insatser;
  @Autowired TransactionTemplate transaktion;

  @Test
  void inomEnTransaktionLasesVarjeAnvandareEnGang() {
    long lasningar =
        UtfordaSatser.antal(
            ANVANDARE,
            () ->
                transaktion.executeWithoutResult(
                    s -> {
                      assertThat(anvandare.hitta("anna")).isPresent();
                      assertThat(anvandare.hitta("anna")).isPresent();
                      assertThat(anvandare.hitta("bengt")).isPresent();
                      assertThat(anvandare.hitta("ingen-sadan")).isEmpty();
                      assertThat(anvandare.hitta("ingen-sadan")).isEmpty();
                      // No holder (an unassigned task's): nothing to find, and no error.
                      assertThat(anvandare.hitta(null)).isEmpty();
                      assertThat(anvandare.hitta(null)).isEmpty();
                    }));
    assertThat(lasningar).isEqualTo(5);
  }

  @Test
  void utanforEnTransaktionLasesVarjeGang() {
    assertThat(
            UtfordaSatser.antal(
                ANVANDARE,
                () -> {
                  anvandare.hitta("anna");
                  anvandare.hitta("anna");
                }))
        .isEqualTo(2);
  }

  @Test
  void nastaTransaktionLaserIgen() {
    for (int i = 0; i < 2; i++) {
      assertThat(
              UtfordaSatser.antal(
                  "from part",
                  () ->
                      transaktion.executeWithoutResult(
                          s -> {
                            assertThat(anvandare.partnamn("FK")).isEqualTo("Försäkringskassan");
                            anvandare.partnamn("FK");
                            anvandare.partnamn("AF");
                            assertThat(anvandare.partnamn("OKAND")).isEqualTo("OKAND");
                            parter.alla();
                            parter.alla();
                            parter.hitta("AF");
                            parter.hitta("AF");
                          })))
          .isEqualTo(3);
    }
  }

  @Test
  void enTransaktionSerSinaEgnaSkrivningar() {
    transaktion.executeWithoutResult(
        s -> {
          Anvandare bengt = anvandare.hitta("bengt").orElseThrow();
          InsatsRepository.Insats insats = insatser.aktiva().getFirst();
          String grupp = "beredning-" + insats.kod();
          boolean medlem = bengt.grupper().contains(grupp);
          if (medlem) {
            insatser.taBortMedlem(insats.kod(), "bengt");
          } else {
            insatser.laggTillMedlem(insats.kod(), "bengt");
          }
          assertThat(anvandare.hitta("bengt").orElseThrow().grupper().contains(grupp))
              .isEqualTo(!medlem);

          anvandare.sattAktiv("bengt", false);
          assertThat(anvandare.hitta("bengt")).isEmpty();

          assertThat(anvandare.partnamn("FK")).isEqualTo("Försäkringskassan");
          assertThat(parter.alla())
              .extracting(PartRepository.Part::namn)
              .contains("Försäkringskassan");
          parter.spara(new PartRepository.Part("FK", "Försäkringskassan (ny)"));
          assertThat(anvandare.partnamn("FK")).isEqualTo("Försäkringskassan (ny)");
          assertThat(parter.hitta("FK").orElseThrow().namn()).isEqualTo("Försäkringskassan (ny)");
          assertThat(parter.alla())
              .extracting(PartRepository.Part::namn)
              .contains("Försäkringskassan (ny)");

          assertThat(insatser.hitta(insats.kod()).orElseThrow().aktiv()).isTrue();
          insatser.spara(
              new InsatsRepository.Insats(
                  insats.kod(), insats.namn(), insats.beskrivning(), insats.maxTid(), false),
              insatser.beredningsgrupp(insats.kod()));
          assertThat(insatser.hitta(insats.kod()).orElseThrow().aktiv()).isFalse();
          s.setRollbackOnly();
        });
    assertThat(anvandare.hitta("bengt")).isPresent();
    assertThat(anvandare.partnamn("FK")).isEqualTo("Försäkringskassan");
  }
}
