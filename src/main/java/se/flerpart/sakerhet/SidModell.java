package se.flerpart.sakerhet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.context.LazyContextVariable;
import se.flerpart.web.Sidram;

/**
 * What every page's frame needs: who is logged in, and whether the embedded stack runs. Added to a
 * page's model after its controller ran, and only to a page: a {@code @ControllerAdvice} with
 * {@code @ModelAttribute} methods also runs for every request of the JSON API
 * ({@code @RestController} is a {@code @Controller} too), resolving its arguments and invoking its
 * four methods for a model nothing renders. A JSON answer has no {@link ModelAndView}, a redirect
 * or a forward renders no page of its own, so neither gets anything. What a controller put in the
 * model itself under the same names stays. An error page rendered by an exception handler, which no
 * interceptor sees, gets the same frame through {@link Sidram}.
 */
@Component
class SidModell implements HandlerInterceptor, WebMvcConfigurer, Sidram {

  private final boolean inbyggdMotor;
  private final boolean inbyggdMail;
  private final AnvandareRepository anvandare;

  SidModell(
      @Value("${flerpart.embedded.motor:false}") boolean inbyggdMotor,
      @Value("${flerpart.embedded.mail:false}") boolean inbyggdMail,
      AnvandareRepository anvandare) {
    this.inbyggdMotor = inbyggdMotor;
    this.inbyggdMail = inbyggdMail;
    this.anvandare = anvandare;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView sida) {
    if (sida != null && visarEnSida(sida)) {
      fyll(request, sida);
    }
  }

  @Override
  public void fyll(HttpServletRequest request, ModelAndView sida) {
    Authentication auth = request.getUserPrincipal() instanceof Authentication a ? a : null;
    ModelMap modell = sida.getModelMap();
    modell.putIfAbsent("inloggad", inloggad(auth));
    modell.putIfAbsent("inloggadPart", inloggadPart(auth));
    modell.putIfAbsent("inbyggdMotor", inbyggdMotor);
    modell.putIfAbsent("inbyggdMail", inbyggdMail);
  }

  /** Whether the answer renders a page: not a redirect, nor a forward to another handler. */
  private static boolean visarEnSida(ModelAndView sida) {
    if (sida.getView() instanceof SmartView vy && vy.isRedirectView()) {
      return false;
    }
    String namn = sida.getViewName();
    return namn == null || !(namn.startsWith("redirect:") || namn.startsWith("forward:"));
  }

  public Anvandare inloggad(Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof Inloggning in ? in.anvandare() : null;
  }

  /**
   * The name of the logged-in user's part (the page never shows its code), read from the database
   * only when the page shows it.
   */
  public LazyContextVariable<String> inloggadPart(Authentication auth) {
    Anvandare a = inloggad(auth);
    return new LazyContextVariable<>() {
      @Override
      protected String loadValue() {
        return a == null ? null : anvandare.partnamn(a.part());
      }
    };
  }
}
