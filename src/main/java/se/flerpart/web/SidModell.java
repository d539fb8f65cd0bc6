package se.flerpart.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.flerpart.embedded.EmbeddedMailserver;
import se.flerpart.embedded.EmbeddedMotor;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;

/** What every page's frame needs: who is logged in, and whether the embedded stack runs. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class SidModell {

  private final ObjectProvider<EmbeddedMotor> motor;
  private final ObjectProvider<EmbeddedMailserver> mail;

  public SidModell(ObjectProvider<EmbeddedMotor> motor, ObjectProvider<EmbeddedMailserver> mail) {
    this.motor = motor;
    this.mail = mail;
  }

  @ModelAttribute("inloggad")
  public Anvandare inloggad(Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof Inloggning in ? in.anvandare() : null;
  }

  @ModelAttribute("inbyggdMotor")
  public boolean inbyggdMotor() {
    return motor.getIfAvailable() != null;
  }

  @ModelAttribute("inbyggdMail")
  public boolean inbyggdMail() {
    return mail.getIfAvailable() != null;
  }
}
