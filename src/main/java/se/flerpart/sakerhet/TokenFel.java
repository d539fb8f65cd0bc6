package se.flerpart.sakerhet;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * What an API client whose bearer token is refused is told: 401 with the standard {@code
 * WWW-Authenticate} header and a Swedish reason (expired, another audience, invalid), or 403 when
 * the token is valid but its user may not use Flerpart.
 */
final class TokenFel implements AuthenticationEntryPoint {

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final ObjectMapper json;

  TokenFel(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String meddelande;
    int status;
    if (e instanceof OkandAnvandare okand) {
      status = HttpServletResponse.SC_FORBIDDEN;
      meddelande = okand.getMessage() + " Kontakta förbundets administratör.";
    } else {
      bearer.commence(request, response, e);
      status = HttpServletResponse.SC_UNAUTHORIZED;
      meddelande = orsak(e);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("meddelande", meddelande);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), body);
  }

  private static String orsak(AuthenticationException e) {
    String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (text.contains("expired")) {
      return "Token har gått ut. Hämta en ny från identitetsleverantören.";
    }
    if (text.contains("aud")) {
      return "Token är utfärdad för en annan mottagare (aud) än Flerpart.";
    }
    if (text.contains("iss")) {
      return "Token är utfärdad av en annan identitetsleverantör än Flerparts.";
    }
    return "Ogiltig token.";
  }
}
