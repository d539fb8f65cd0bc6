package se.flerpart.referens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArbetsdagarTest {

  @Test
  void paskdagen() {
    assertThat(Arbetsdagar.paskdagen(2026)).isEqualTo("2026-04-05");
    assertThat(Arbetsdagar.paskdagen(2027)).isEqualTo("2027-03-28");
    assertThat(Arbetsdagar.paskdagen(2028)).isEqualTo("2028-04-16");
    assertThat(Arbetsdagar.paskdagen(2038)).isEqualTo("2038-04-25");
  }

  @Test
  void helgdagarOchStangdaAftnar() {
    for (String dag :
        new String[] {
          "2027-01-01", "2027-01-06", "2027-03-26", "2027-03-29", "2027-05-01", "2027-05-06",
          "2027-06-06", "2027-06-25", "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31"
        }) {
      assertThat(Arbetsdagar.arHelgdag(LocalDate.parse(dag))).as(dag).isTrue();
    }
    for (String dag : new String[] {"2027-03-25", "2027-03-30", "2027-06-24", "2027-06-18"}) {
      assertThat(Arbetsdagar.arArbetsdag(LocalDate.parse(dag))).as(dag).isTrue();
    }
    assertThat(Arbetsdagar.arArbetsdag(LocalDate.parse("2026-12-05"))).as("lördag").isFalse();
  }

  @Test
  void arbetsdagarFore() {
    // Two working days before Monday 14 December: Thursday 10th.
    assertThat(Arbetsdagar.fore(LocalDate.parse("2026-12-14"), 2)).isEqualTo("2026-12-10");
    // Before Tuesday 30 March 2027: annandag påsk, the weekend and långfredagen do not count.
    assertThat(Arbetsdagar.fore(LocalDate.parse("2027-03-30"), 2)).isEqualTo("2027-03-24");
    // Before Monday 4 January 2027: nyårsafton and the days around Christmas do not count.
    assertThat(Arbetsdagar.fore(LocalDate.parse("2027-01-04"), 2)).isEqualTo("2026-12-29");
    assertThat(Arbetsdagar.fore(LocalDate.parse("2026-12-14"), 0)).isEqualTo("2026-12-14");
    assertThat(Arbetsdagar.forstaFran(LocalDate.parse("2026-12-24"))).isEqualTo("2026-12-28");
  }
}
