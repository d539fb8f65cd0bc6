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
        "(20020607-1128)",
        "Gäller 19121212\u20131212 (tankstreck)",
        "Gäller 19121212\u00a01212 (hårt mellanslag)",
        "Gäller 121212 - 1212",
        "Gäller 1912.12.12-1212",
        "Gäller 19121212/1212",
        "Gäller 19121212_1212",
        "Gäller 19121212\n1212",
        "Gäller \uff11\uff19\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12",
        "Gäller 1912\u200b1212\u200b1212",
        "Gäller 1912 12 12 - 12 12",
        "Gäller 19\u00ad12\u00ad12\u00ad12\u00ad1212"
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
        "Allt gick bra.",
        "Mötet 2026-11-20 kl. 10.30, rum 12.",
        "Tel 018-12 34 56, fax 018-65 43 21.",
        "Beloppet 1 212 121 212 121 kr"
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

  @Test
  void maskerarAvenIsarskrivnaNummerOchLamnarResten() {
    assertThat(
            PersonnummerIText.maskera(
                "Ring 1912 12 12\u20131212 i morgon, dnr 19121212-1213.", IDAG))
        .isEqualTo("Ring [personnummer borttaget] i morgon, dnr 19121212-1213.");
  }
}
