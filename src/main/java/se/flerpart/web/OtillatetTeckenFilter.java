package se.flerpart.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a form post or query whose parameters hold a control character (see {@link
 * OtillatetTecken}) with 400 and the field's name, before anything is stored: JSON under {@code
 * /api}, elsewhere Flerpart's error page in the frame every page has ({@link FelController}).
 */
@Component
class OtillatetTeckenFilter extends OncePerRequestFilter {

  /** The request attribute naming the refused field, for {@link FelController}'s answer. */
  static final String FALT = OtillatetTeckenFilter.class.getName() + ".falt";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> falt =
        request.getParameterMap().entrySet().stream()
            .filter(
                p ->
                    OtillatetTecken.finnsI(p.getKey())
                        || Arrays.stream(p.getValue()).anyMatch(OtillatetTecken::finnsI))
            .map(Map.Entry::getKey)
            .findFirst();
    if (falt.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String namn = OtillatetTecken.finnsI(falt.get()) ? "?" : falt.get();
    // Answered by the error controller: JSON under /api, elsewhere the page in the usual frame.
    request.setAttribute(FALT, namn);
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }
}
