package se.flerpart.sakerhet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.thymeleaf.context.LazyContextVariable;

/**
 * The page frame's model: added to the pages only, after their controllers ran, never to a JSON
 * answer or a redirect; and the part's name is read when a page shows it.
 */
class SidModellTest {

  private final AnvandareRepository utanDatabas =
      new AnvandareRepository(null) {
        @Override
        public String partnamn(String kod) {
          return "FK".equals(kod) ? "Försäkringskassan" : kod;
        }
      };

  private final Anvandare anna =
      new Anvandare(
          "anna", "Anna Lind", "anna@fk.example", "FK", Set.of(Anvandare.HANDLAGGARE), Set.of());

  private MockHttpServletRequest inloggadBegaran() {
    MockHttpServletRequest begaran = new MockHttpServletRequest("GET", "/uppgifter");
    begaran.setUserPrincipal(
        new UsernamePasswordAuthenticationToken(new Inloggning(anna, null), null, List.of()));
    return begaran;
  }

  @Test
  void enSidaFarRamensModellUtanAttDetControllernSjalvLagtDitForsvinner() {
    SidModell modell = new SidModell(true, false, utanDatabas);
    ModelAndView sida = new ModelAndView("uppgifter");
    sida.addObject("inbyggdMail", "controllerns eget");

    modell.postHandle(inloggadBegaran(), new MockHttpServletResponse(), new Object(), sida);

    assertThat(sida.getModel())
        .containsEntry("inloggad", anna)
        .containsEntry("inbyggdMotor", true)
        .containsEntry("inbyggdMail", "controllerns eget");
    assertThat(((LazyContextVariable<?>) sida.getModel().get("inloggadPart")).getValue())
        .isEqualTo("Försäkringskassan");
  }

  @Test
  void enSidaUtanInloggningFarRamenUtanAnvandare() {
    SidModell modell = new SidModell(false, false, utanDatabas);
    ModelAndView sida = new ModelAndView("login");

    modell.postHandle(
        new MockHttpServletRequest("GET", "/login"),
        new MockHttpServletResponse(),
        new Object(),
        sida);

    assertThat(sida.getModel()).containsKey("inloggad").containsEntry("inbyggdMotor", false);
    assertThat(sida.getModel().get("inloggad")).isNull();
  }

  @Test
  void ettJsonSvarEnOmdirigeringOchEnVidarebefordranFarIngenting() {
    SidModell modell = new SidModell(true, true, utanDatabas);
    // A JSON answer: no ModelAndView at all.
    modell.postHandle(inloggadBegaran(), new MockHttpServletResponse(), new Object(), null);
    for (ModelAndView svar :
        List.of(
            new ModelAndView("redirect:/uppgifter"),
            new ModelAndView("forward:/uppgifter"),
            new ModelAndView(new RedirectView("/uppgifter")))) {
      modell.postHandle(inloggadBegaran(), new MockHttpServletResponse(), new Object(), svar);
      assertThat(svar.getModel()).as(String.valueOf(svar)).isEmpty();
    }
  }

  /**
   * A {@code @ModelAttribute} method of a {@code @ControllerAdvice} runs before every handler it
   * applies to, the JSON API's too (a {@code @RestController} is a {@code @Controller}): what pages
   * need goes in after the handler, to pages only, as {@link SidModell} does.
   */
  @Test
  void ingenControllerAdviceLaggerTillModellAttributForVarjeBegaran() {
    var sokare = new ClassPathScanningCandidateComponentProvider(false);
    sokare.addIncludeFilter(new AnnotationTypeFilter(ControllerAdvice.class));
    var advice = sokare.findCandidateComponents("se.flerpart");
    assertThat(advice).as("Flerparts @ControllerAdvice hittas").isNotEmpty();
    List<String> medModellattribut =
        advice.stream()
            .map(b -> ClassUtils.resolveClassName(b.getBeanClassName(), null))
            .filter(
                k ->
                    Arrays.stream(k.getDeclaredMethods())
                        .anyMatch(m -> m.isAnnotationPresent(ModelAttribute.class)))
            .map(Class::getName)
            .toList();
    assertThat(medModellattribut).isEmpty();
  }

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
