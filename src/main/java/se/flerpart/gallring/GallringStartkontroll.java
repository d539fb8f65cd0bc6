package se.flerpart.gallring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with a gallring setting below zero or one that is not a period, naming it, once
 * the configuration is read and before anything starts (no embedded database, no engine): a
 * mistaken setting would otherwise remove personal data at once, or never.
 */
class GallringStartkontroll implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    try {
      Binder.get(env).bind("flerpart.gallring", GallringEgenskaper.class);
    } catch (BindException e) {
      throw new FelaktigGallringsinstallning(meddelande(e));
    }
  }

  /** GallringEgenskaper's own message when it refused a value, else which setting is unreadable. */
  private static String meddelande(BindException e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof IllegalArgumentException
          && t.getMessage() != null
          && t.getMessage().contains("flerpart.gallring.")) {
        return t.getMessage();
      }
    }
    var egenskap = e.getProperty();
    return "Inställningen "
        + (egenskap == null
            ? "flerpart.gallring"
            : egenskap.getName() + " = " + egenskap.getValue())
        + " går inte att läsa: ange en tid enligt ISO 8601, till exempel P2Y eller P18M för"
        + " gallringstiderna och PT1H för intervallet.";
  }

  /** After Spring Boot has read the configuration files and the profiles. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** A gallring setting Flerpart cannot run with. */
  static class FelaktigGallringsinstallning extends RuntimeException {
    FelaktigGallringsinstallning(String meddelande) {
      super(meddelande);
    }
  }
}
