package se.flerpart.sakerhet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a password login (the login form or HTTP Basic) while {@link InloggningsSparr} refuses
 * its user name or address, before the password is even checked.
 */
final class InloggningsSparrFilter extends OncePerRequestFilter {

  private final InloggningsSparr sparr;

  InloggningsSparrFilter(InloggningsSparr sparr) {
    this.sparr = sparr;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean formular =
        "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
    String anvandarnamn = formular ? request.getParameter("username") : basicAnvandare(request);
    if (!formular && anvandarnamn == null) {
      chain.doFilter(request, response);
      return;
    }
    Duration kvar = sparr.sparradI(anvandarnamn, request.getRemoteAddr());
    if (kvar.isZero()) {
      chain.doFilter(request, response);
      return;
    }
    long minuter = Math.max(1, (kvar.toSeconds() + 59) / 60);
    if (formular) {
      response.sendRedirect(request.getContextPath() + "/login?sparrad=" + minuter);
      return;
    }
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(kvar.toSeconds() + 1));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"status\":429,\"meddelande\":\"För många misslyckade inloggningar. Försök igen om "
                + minuter
                + " minuter.\"}");
  }

  private static String basicAnvandare(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String avkodad =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int kolon = avkodad.indexOf(':');
      return kolon < 0 ? null : avkodad.substring(0, kolon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
