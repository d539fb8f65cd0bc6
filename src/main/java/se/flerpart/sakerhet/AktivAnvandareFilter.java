package se.flerpart.sakerhet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user the administrator has inactivated (or removed), at their next request
 * rather than when the session would have expired. A bearer token or HTTP Basic looks the user up
 * at every request anyway.
 */
final class AktivAnvandareFilter extends OncePerRequestFilter {

  private final AnvandareRepository anvandare;
  private final SecurityContextRepository sessioner = new HttpSessionSecurityContextRepository();

  AktivAnvandareFilter(AnvandareRepository anvandare) {
    this.anvandare = anvandare;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof Inloggning in)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Anvandare> aktuell = anvandare.hitta(in.anvandare().id());
    if (aktuell.isPresent() && !aktuell.get().equals(in.anvandare())) {
      uppdatera(auth, in, aktuell.get(), request, response);
    }
    if (aktuell.isEmpty()) {
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

  private void uppdatera(
      Authentication auth,
      Inloggning in,
      Anvandare aktuell,
      HttpServletRequest request,
      HttpServletResponse response) {
    Authentication ny;
    if (in instanceof OidcInloggning oidc && auth instanceof OAuth2AuthenticationToken token) {
      OidcInloggning inloggning =
          new OidcInloggning(aktuell, oidc.getIdToken(), oidc.getUserInfo());
      ny =
          new OAuth2AuthenticationToken(
              inloggning, inloggning.getAuthorities(), token.getAuthorizedClientRegistrationId());
    } else {
      Inloggning inloggning = new Inloggning(aktuell, null);
      ny =
          UsernamePasswordAuthenticationToken.authenticated(
              inloggning, auth.getCredentials(), inloggning.getAuthorities());
    }
    if (ny instanceof AbstractAuthenticationToken t) {
      t.setDetails(auth.getDetails());
    }
    SecurityContext kontext = SecurityContextHolder.createEmptyContext();
    kontext.setAuthentication(ny);
    SecurityContextHolder.setContext(kontext);
    if (request.getSession(false) != null) {
      sessioner.saveContext(kontext, request, response);
    }
  }
}
