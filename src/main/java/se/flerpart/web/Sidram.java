package se.flerpart.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's frame needs (who is logged in, the menu, the demo banner), put in a page's
 * model. A controller's page gets it after the controller ran; an error page that an exception
 * handler renders, which no interceptor sees, gets it from {@link ApiFelhantering} through this.
 */
public interface Sidram {

  /** Adds the frame's model to {@code sida}, keeping what is already there under the same names. */
  void fyll(HttpServletRequest request, ModelAndView sida);
}
