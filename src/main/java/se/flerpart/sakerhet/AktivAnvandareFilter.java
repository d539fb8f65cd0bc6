package se.flerpart.sakerhet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user the administrator has inactivated (or removed), at their next request
 * rather than when the session would have expired. A bearer token or HTTP Basic looks the user up
 * at every request anyway.
 */
final class AktivAnvandareFilter extends OncePerRequestFilter {

  private final AnvandareRepository anvandare;

  AktivAnvandareFilter(AnvandareRepository anvandare) {
    this.anvandare = anvandare;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.getPrincipal() instanceof Inloggning in
        && anvandare.hitta(in.anvandare().id()).isEmpty()) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
      if (SecurityConfig.API.matches(request)) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response
            .getWriter()
            .write("{\"status\":401,\"meddelande\":\"Ditt konto i Flerpart är inaktiverat.\"}");
      } else {
        response.sendRedirect(request.getContextPath() + "/login?inaktiv");
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
