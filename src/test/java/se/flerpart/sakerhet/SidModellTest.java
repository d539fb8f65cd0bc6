package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The page frame's model: the part's name is read when a page shows it, not for every request (the
 * JSON API's requests get the same model and never render it).
 */
class SidModellTest {

  @Test
  void partensNamnLasesForstNarSidanVisarDet() {
    AtomicInteger fragor = new AtomicInteger();
    AnvandareRepository anvandare =
        new AnvandareRepository(null) {
          @Override
          public String partnamn(String kod) {
            fragor.incrementAndGet();
            return "FK".equals(kod) ? "Försäkringskassan" : kod;
          }
        };
    SidModell modell = new SidModell(false, false, anvandare);
    Anvandare anna =
        new Anvandare(
            "anna", "Anna Lind", "anna@fk.example", "FK", Set.of(Anvandare.HANDLAGGARE), Set.of());
    var inloggad =
        new UsernamePasswordAuthenticationToken(new Inloggning(anna, null), null, List.of());

    LazyContextVariable<String> part = modell.inloggadPart(inloggad);
    assertThat(fragor).as("ingen fråga innan sidan visar namnet").hasValue(0);
    assertThat(part.getValue()).isEqualTo("Försäkringskassan");
    assertThat(fragor).hasValue(1);

    assertThat(modell.inloggadPart(null).getValue()).isNull();
    assertThat(fragor).hasValue(1);
  }
}
