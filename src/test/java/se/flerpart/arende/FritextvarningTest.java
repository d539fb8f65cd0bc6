package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The free-text heuristic: personnummer and what looks like a person's name. */
class FritextvarningTest {

  private static final LocalDate IDAG = LocalDate.of(2026, 12, 1);

  @Test
  void tvaVersalaOrdIRadMittIMeningenArEttNamn() {
    assertThat(Fritextvarning.namn("Möte med Kalle Svensson i går om arbetsträning."))
        .contains("Kalle Svensson");
    assertThat(Fritextvarning.namn("Vi ringde till Lisa-Marie Öberg-Holm igen"))
        .contains("Lisa-Marie Öberg-Holm");
  }

  @Test
  void vanligtFornamnArEttNamnAvenEnsamtOchForstIMeningen() {
    assertThat(Fritextvarning.namn("Anna ringde och berättade.")).contains("Anna");
    assertThat(Fritextvarning.namn("Kontakt med handläggare. Erik är sjukskriven."))
        .contains("Erik");
  }

  @Test
  void meningsstartOchOrganisationerArInteNamn() {
    assertThat(
            Fritextvarning.namn(
                "Personen behöver stöd med arbetsträning. Hon har svårt med sömnen."))
        .isEmpty();
    assertThat(Fritextvarning.namn("Region Uppsala och Försäkringskassan deltog i mars."))
        .isEmpty();
    // The first word of a sentence is capitalised anyway: "Svensson ringde" is not two in a row.
    assertThat(Fritextvarning.namn("Svensson ringde. Möte bokat.")).isEmpty();
    // Words apart by a comma are not one name.
    assertThat(Fritextvarning.namn("Planerat: Arbetsträning, Studier och Praktik")).isEmpty();
    // Lower-case first names are ordinary words ("per månad").
    assertThat(Fritextvarning.namn("Ersättning per månad, eva-test")).isEmpty();
  }

  @Test
  void personnummerGerVarningSomIAvvikelserSagerAttDenStoppas() {
    assertThat(Fritextvarning.varningar("Gäller 19121212-1212, se ärendet", IDAG, false))
        .extracting(Fritextvarning.Varning::typ)
        .containsExactly("PERSONNUMMER");
    assertThat(Fritextvarning.varningar("Gäller 191212121212", IDAG, true).get(0).meddelande())
        .contains("får inte innehålla personnummer");
    assertThat(Fritextvarning.varningar("Gäller 191212121212", IDAG, false).get(0).meddelande())
        .contains("Skriv inte personnummer här");
  }

  @Test
  void badaSlagenOchIngenting() {
    assertThat(
            Fritextvarning.varningar(
                "Samtal med Kalle Svensson (19121212-1212) om stödet", IDAG, false))
        .extracting(Fritextvarning.Varning::typ)
        .containsExactly("PERSONNUMMER", "NAMN");
    assertThat(Fritextvarning.varningar("Behöver stöd med arbetsträning.", IDAG, false)).isEmpty();
    assertThat(Fritextvarning.varningar(null, IDAG, false)).isEmpty();
  }
}
