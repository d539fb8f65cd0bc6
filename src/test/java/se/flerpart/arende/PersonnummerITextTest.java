package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnummerITextTest {

  private static final LocalDate IDAG = LocalDate.of(2026, 11, 23);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Gäller 19121212-1212.",
        "Gäller 121212-1212 som uteblev.",
        "121212+1212",
        "1212121212",
        "191212121212",
        "nr 121212 1212 i kallelsen",
        "Samordningsnummer 701063-2391",
        "19701063-2391",
        "(20020607-1128)"
      })
  void hittarPersonnummerOchSamordningsnummer(String text) {
    assertThat(PersonnummerIText.innehaller(text, IDAG)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mötet 2026-11-20 kl. 10.",
        "Ring 018-123456.",
        "Diarienummer 19121212-1213",
        "123456-7890",
        "Beloppet 1212121212121 kr",
        "19121212-12120",
        "Född 20301212-1216",
        "Allt gick bra."
      })
  void lamnarAnnatIFred(String text) {
    assertThat(PersonnummerIText.innehaller(text, IDAG)).isFalse();
  }

  @Test
  void maskerarBaraGiltigaNummer() {
    assertThat(
            PersonnummerIText.maskera(
                "19121212-1212 uteblev, dnr 19121212-1213, 121212 1212.", IDAG))
        .isEqualTo(
            "[personnummer borttaget] uteblev, dnr 19121212-1213, [personnummer borttaget].");
    assertThat(PersonnummerIText.innehaller(null, IDAG)).isFalse();
  }
}
