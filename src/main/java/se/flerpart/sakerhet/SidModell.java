package se.flerpart.sakerhet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** What every page's frame needs: who is logged in, and whether the embedded stack runs. */
@ControllerAdvice(annotations = Controller.class)
class SidModell {

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

  @ModelAttribute("inloggad")
  public Anvandare inloggad(Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof Inloggning in ? in.anvandare() : null;
  }

  /**
   * The name of the logged-in user's part (the page never shows its code), read from the database
   * only when a page shows it: {@code @RestController} is a {@code @Controller} too, so this advice
   * also runs for every request of the JSON API, which renders no page.
   */
  @ModelAttribute("inloggadPart")
  public LazyContextVariable<String> inloggadPart(Authentication auth) {
    Anvandare a = inloggad(auth);
    return new LazyContextVariable<>() {
      @Override
      protected String loadValue() {
        return a == null ? null : anvandare.partnamn(a.part());
      }
    };
  }

  @ModelAttribute("inbyggdMotor")
  public boolean inbyggdMotor() {
    return inbyggdMotor;
  }

  @ModelAttribute("inbyggdMail")
  public boolean inbyggdMail() {
    return inbyggdMail;
  }
}
