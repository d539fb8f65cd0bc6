package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonnummerTest {

  /** A fixed "today", so century resolution and future dates do not depend on the clock. */
  private static final LocalDate IDAG = LocalDate.of(2024, 6, 15);

  private static final String FEL_FORMAT = "Personnumret ska ha 12 siffror (ÅÅÅÅMMDD-NNNN)";
  private static final String FEL_DATUM = "Personnumret innehåller inget giltigt datum";
  private static final String FEL_FRAMTID = "Födelsedatumet i personnumret ligger i framtiden";
  private static final String FEL_KONTROLLSIFFRA = "Personnumrets kontrollsiffra stämmer inte";
  private static final String FEL_TOMT = "Ange personnummer";

  /**
   * Appends the Luhn check digit to the first 11 of 12 digits (YYYYMMDDNNN), computed over the last
   * nine of them as Skatteverket does — independent of the class under test.
   */
  static String medKontrollsiffra(String elvaSiffror) {
    assertThat(elvaSiffror).matches("\\d{11}");
    String nio = elvaSiffror.substring(2);
    int summa = 0;
    for (int i = 0; i < nio.length(); i++) {
      int siffra = nio.charAt(i) - '0';
      if (i % 2 == 0) {
        siffra *= 2;
        if (siffra > 9) {
          siffra -= 9;
        }
      }
      summa += siffra;
    }
    return elvaSiffror + (10 - summa % 10) % 10;
  }

  private static String medBindestreck(String tolvSiffror) {
    return tolvSiffror.substring(0, 8) + "-" + tolvSiffror.substring(8);
  }

  @Test
  void hjalparenRaknarKandaKontrollsiffror() {
    assertThat(medKontrollsiffra("19121212121")).isEqualTo("191212121212");
    assertThat(medKontrollsiffra("19900101238")).isEqualTo("199001012385");
    assertThat(medKontrollsiffra("19701063239")).isEqualTo("197010632391");
  }

  @ParameterizedTest
  @CsvSource({
    "19121212-1212, 191212121212",
    "191212121212, 191212121212",
    "19900101-2385, 199001012385",
    "199001012385, 199001012385",
    "' 19900101-2385 ', 199001012385",
  })
  void godtarTolvSiffrorMedOchUtanBindestreck(String text, String tolv) {
    assertThat(Personnummer.felmeddelande(text, IDAG)).isNull();
    assertThat(Personnummer.forsok(text, IDAG)).contains(new Personnummer(tolv));
    assertThat(Personnummer.tolka(text, IDAG).tolvSiffror()).isEqualTo(tolv);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // "-": the most recent year not after today
    "121212-1212, 201212121212",
    "900101-2385, 199001012385",
    "9001012385, 199001012385",
    "000101-0008, 200001010008",
    // "+": a hundred years earlier (100 or older)
    "121212+1212, 191212121212",
    "900101+2385, 189001012385",
  })
  void tioSiffrorFarSekelRelativtIdag(String text, String tolv) {
    assertThat(Personnummer.felmeddelande(text, IDAG)).isNull();
    assertThat(Personnummer.tolka(text, IDAG).tolvSiffror()).isEqualTo(tolv);
  }

  @Test
  void tioSiffrorFoddTidigareIArDenHarSeklet() {
    String tolv = medKontrollsiffra("20240101123");
    String tio = tolv.substring(2, 8) + "-" + tolv.substring(8);

    assertThat(Personnummer.tolka(tio, IDAG).tolvSiffror()).isEqualTo(tolv);
  }

  /**
   * Skatteverket's rule is by date, not only by year: "-" means the holder has not yet turned 100.
   * On 2024-06-15, 240701-NNNN therefore is someone born 1924-07-01 (99 years old), not a future
   * date; and 240701+NNNN is someone who has turned 100, i.e. born 1824-07-01.
   */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"-, 19240701", "+, 18240701"})
  void tioSiffrorSekelAvgorsAvHelaDatumetInteBaraAret(String tecken, String datum) {
    String nnnn = medKontrollsiffra("19240701123").substring(8);
    String tio = "240701" + tecken + nnnn;

    assertThat(Personnummer.felmeddelande(tio, IDAG)).isNull();
    assertThat(Personnummer.tolka(tio, IDAG).tolvSiffror()).isEqualTo(datum + nnnn);
  }

  @Test
  void samordningsnummerHarDagPlus60() {
    // Skatteverket's own example: 701063-2391, born 1970-10-03
    Personnummer kant = Personnummer.tolka("19701063-2391", IDAG);
    assertThat(kant.arSamordningsnummer()).isTrue();
    assertThat(kant.fodelsear()).isEqualTo(Year.of(1970));
    assertThat(kant.formaterat()).isEqualTo("19701063-2391");

    // born 1985-02-28: day 28 + 60 = 88, check digit computed here
    String byggt = medKontrollsiffra("19850288456");
    Personnummer samordning = Personnummer.tolka(medBindestreck(byggt), IDAG);
    assertThat(samordning.arSamordningsnummer()).isTrue();
    assertThat(samordning.tolvSiffror()).isEqualTo(byggt);
    assertThat(samordning.fodelsear()).isEqualTo(Year.of(1985));

    assertThat(Personnummer.tolka("19121212-1212", IDAG).arSamordningsnummer()).isFalse();
  }

  @Test
  void samordningsnummerMedOgiltigDagAvvisas() {
    // day 92 → 32, day 40 is neither a date nor a samordningsnummer
    assertThat(Personnummer.felmeddelande(medKontrollsiffra("19850192456"), IDAG))
        .isEqualTo(FEL_DATUM);
    assertThat(Personnummer.felmeddelande(medKontrollsiffra("19850140456"), IDAG))
        .isEqualTo(FEL_DATUM);
  }

  @ParameterizedTest
  @ValueSource(strings = {"19121212-1212", "199001012385", "19701063-2391", "121212+1212"})
  void felKontrollsiffraAvvisas(String giltigt) {
    int sista = giltigt.charAt(giltigt.length() - 1) - '0';
    String text = giltigt.substring(0, giltigt.length() - 1) + (sista + 1) % 10;

    assertThat(Personnummer.felmeddelande(text, IDAG)).isEqualTo(FEL_KONTROLLSIFFRA);
    assertThat(Personnummer.forsok(text, IDAG)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"19900231123", "19900230123", "19901301123", "19900001123", "19900100123"})
  void ogiltigtDatumMedRattKontrollsiffraAvvisas(String elva) {
    String text = medBindestreck(medKontrollsiffra(elva));

    assertThat(Personnummer.felmeddelande(text, IDAG)).isEqualTo(FEL_DATUM);
    assertThatThrownBy(() -> Personnummer.tolka(text, IDAG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(FEL_DATUM);
  }

  @Test
  void skottdagGodtasBaraISkottar() {
    assertThat(Personnummer.felmeddelande(medKontrollsiffra("20000229123"), IDAG)).isNull();
    assertThat(Personnummer.felmeddelande(medKontrollsiffra("19000229123"), IDAG))
        .isEqualTo(FEL_DATUM);
  }

  @Test
  void framtidaFodelsedatumAvvisas() {
    String imorgon = medBindestreck(medKontrollsiffra("20240616123"));
    String nastaAr = medKontrollsiffra("20250101123");
    String samordningImorgon = medKontrollsiffra("20240676123");

    assertThat(Personnummer.felmeddelande(imorgon, IDAG)).isEqualTo(FEL_FRAMTID);
    assertThat(Personnummer.felmeddelande(nastaAr, IDAG)).isEqualTo(FEL_FRAMTID);
    assertThat(Personnummer.felmeddelande(samordningImorgon, IDAG)).isEqualTo(FEL_FRAMTID);
    assertThat(Personnummer.felmeddelande(medKontrollsiffra("20240615123"), IDAG)).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "19121212-121",
        "19121212-12121",
        "1912121-1212",
        "912121212",
        "1912121212121",
        "19121212-12A2",
        "abcdefgh-ijkl",
        "19121212_1212",
        "19121212--1212",
        "1912-12-12-1212",
        "19121212-1212x",
      })
  void felLangdEllerTeckenAvvisas(String text) {
    assertThat(Personnummer.felmeddelande(text, IDAG)).isEqualTo(FEL_FORMAT);
    assertThat(Personnummer.forsok(text, IDAG)).isEmpty();
    assertThatThrownBy(() -> Personnummer.tolka(text, IDAG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(FEL_FORMAT);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "   ", "\t"})
  void tomtAvvisas(String text) {
    assertThat(Personnummer.felmeddelande(text, IDAG)).isEqualTo(FEL_TOMT);
    assertThat(Personnummer.forsok(text, IDAG)).isEmpty();
    assertThatThrownBy(() -> Personnummer.tolka(text, IDAG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(FEL_TOMT);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "19121212-1212, MAN",
    "199001012385, KVINNA",
    "19701063-2391, MAN",
  })
  void konFranNastSistaSiffran(String text, Personnummer.Kon kon) {
    assertThat(Personnummer.tolka(text, IDAG).kon()).isEqualTo(kon);
  }

  @Test
  void konFranNastSistaSiffranAllaSiffror() {
    for (int n = 0; n <= 9; n++) {
      Personnummer pnr = Personnummer.tolka(medKontrollsiffra("1990010123" + n), IDAG);
      assertThat(pnr.kon())
          .as("näst sista siffran %d", n)
          .isEqualTo(n % 2 == 0 ? Personnummer.Kon.KVINNA : Personnummer.Kon.MAN);
    }
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "19121212-1212, 1912",
    "199001012385, 1990",
    "121212-1212, 2012",
    "121212+1212, 1912",
  })
  void fodelsear(String text, int ar) {
    assertThat(Personnummer.tolka(text, IDAG).fodelsear()).isEqualTo(Year.of(ar));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "191212121212, 19121212-1212",
    "19121212-1212, 19121212-1212",
    "121212+1212, 19121212-1212",
    "9001012385, 19900101-2385",
  })
  void formaterat(String text, String formaterat) {
    assertThat(Personnummer.tolka(text, IDAG).formaterat()).isEqualTo(formaterat);
  }

  @ParameterizedTest
  @ValueSource(strings = {"19121212-1212", "199001012385", "19701063-2391"})
  void toStringVisarAldrigSiffrorna(String text) {
    Personnummer pnr = Personnummer.tolka(text, IDAG);

    assertThat(pnr.toString())
        .doesNotContainPattern("\\d")
        .doesNotContain(pnr.tolvSiffror())
        .isEqualTo("Personnummer[****]");
    assertThat(String.valueOf(pnr)).doesNotContainPattern("\\d");
  }
}
