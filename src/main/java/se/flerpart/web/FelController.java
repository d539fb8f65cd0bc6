package se.flerpart.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What is left over for the servlet container's error page — an unknown address, a refused CSRF
 * token, an exception outside any controller: Flerpart's own Swedish page, and under {@code /api}
 * JSON with a Swedish message, as {@link ApiFelhantering} answers. Replaces Spring Boot's English
 * whitelabel page and its English JSON.
 */
@Controller
class FelController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  Object fel(HttpServletRequest request) {
    HttpStatus status = status(request);
    String meddelande = meddelande(status, request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    boolean api = uri != null && uri.toString().startsWith("/api/");
    if (request.getAttribute(OtillatetTeckenFilter.FALT) instanceof String falt) {
      return api
          ? ApiFelhantering.valideringsJson(Map.of(falt, OtillatetTecken.MEDDELANDE))
          : otillatetTecken(request, falt);
    }
    if (api) {
      return ApiFelhantering.json(status, meddelande);
    }
    return ApiFelhantering.sida(request, status, meddelande);
  }

  /**
   * A form or a query refused for a control character in one of its fields: which field, by the
   * label its form shows; a name no form has (an address's parameter) as it is, in parentheses.
   */
  private static ModelAndView otillatetTecken(HttpServletRequest request, String falt) {
    String vilket =
        Faltetiketter.etikett(falt)
            .map(etikett -> "Fältet ”" + etikett + "”: " + OtillatetTecken.MEDDELANDE)
            .orElseGet(
                () ->
                    "Adressen eller formuläret innehåller ett otillåtet tecken"
                        + ("?".equals(falt) ? "" : " (i " + falt + ")"));
    return ApiFelhantering.sida(
        request,
        HttpStatus.BAD_REQUEST,
        vilket
            + ", ett osynligt styrtecken (ofta från inklistrad text). Gå tillbaka, rätta texten och"
            + " försök igen.");
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object kod = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        kod instanceof Integer i ? HttpStatus.resolve(i) : HttpStatus.INTERNAL_SERVER_ERROR;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  static String meddelande(HttpStatus status, HttpServletRequest request) {
    return switch (status) {
      case NOT_FOUND -> "Sidan finns inte. Kontrollera adressen, eller börja om från startsidan.";
      case FORBIDDEN ->
          request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
              ? "Formuläret kunde inte tas emot: sidan har varit öppen för länge eller skickades"
                  + " från ett annat ställe. Ladda om sidan och försök igen."
              : "Du har inte behörighet till sidan.";
      case UNAUTHORIZED -> "Du behöver logga in.";
      case METHOD_NOT_ALLOWED -> "Det går inte att göra så på den här adressen.";
      case BAD_REQUEST -> "Begäran kunde inte läsas. Kontrollera uppgifterna och försök igen.";
      case PAYLOAD_TOO_LARGE, REQUEST_HEADER_FIELDS_TOO_LARGE -> "Det som skickades är för stort.";
      default ->
          status.is4xxClientError()
              ? "Begäran kunde inte utföras (" + status.value() + ")."
              : "Något gick fel i Flerpart. Försök igen; om felet kvarstår, kontakta förbundets"
                  + " administratör.";
    };
  }
}
