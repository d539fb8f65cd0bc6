package se.flerpart.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What the user is told when something is wrong: JSON with a Swedish message (per field on 400)
 * under {@code /api}, an error page elsewhere. Ordered first, so that Spring Boot's problem-details
 * handler does not answer an unreadable body in English before it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiFelhantering {

  private static final java.util.Set<Class<?>> HELTAL =
      java.util.Set.of(Long.class, Integer.class, long.class, int.class);

  /** The frame of the error pages: the menu and who is logged in, as on every other page. */
  private final ObjectProvider<Sidram> sidram;

  ApiFelhantering(ObjectProvider<Sidram> sidram) {
    this.sidram = sidram;
  }

  @ExceptionHandler(ValideringsFel.class)
  Object validering(ValideringsFel e, HttpServletRequest request) {
    if (arApi(request)) {
      return valideringsJson(e.fel());
    }
    return medRam(
        request, sida(request, HttpStatus.BAD_REQUEST, String.join(" ", e.fel().values())));
  }

  @ExceptionHandler(AtkomstNekad.class)
  Object atkomst(AtkomstNekad e, HttpServletRequest request) {
    return svar(request, HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(Konflikt.class)
  Object konflikt(Konflikt e, HttpServletRequest request) {
    return svar(request, HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(EjFunnen.class)
  Object saknas(EjFunnen e, HttpServletRequest request) {
    return svar(request, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object olasbar(HttpMessageNotReadableException e, HttpServletRequest request) {
    String falt = null;
    boolean otillatet = false;
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (falt == null && t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
        falt = JsonFalt.namn(m);
      }
      otillatet |= t instanceof OtillatetTecken;
    }
    if (otillatet) {
      return validering(
          new ValideringsFel(falt == null ? "text" : falt, OtillatetTecken.MEDDELANDE), request);
    }
    return svar(request, HttpStatus.BAD_REQUEST, "Begäran kunde inte läsas: skicka giltig JSON.");
  }

  /** An address nothing answers: Flerpart's own page, not the English problem details. */
  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  Object okandAdress(Exception e, HttpServletRequest request) {
    return svar(
        request, HttpStatus.NOT_FOUND, FelController.meddelande(HttpStatus.NOT_FOUND, request));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object felMetod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return svar(
        request,
        HttpStatus.METHOD_NOT_ALLOWED,
        FelController.meddelande(HttpStatus.METHOD_NOT_ALLOWED, request));
  }

  /** An uploaded file above the multipart limit: a field error, as a too large body gets. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object forStorFil(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return validering(
        new ValideringsFel("fil", "Filen är större än 10 MB. Dela upp den i flera filer."),
        request);
  }

  /**
   * A path variable or query parameter that is not what the handler takes (a task id that is no
   * number): the field named, its value not repeated.
   */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object felTyp(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return validering(
        new ValideringsFel(e.getName(), forvantat(e.getName(), e.getRequiredType())), request);
  }

  /**
   * What a field of {@code typ} should hold, in Swedish: the kinds Flerpart's handlers bind from a
   * path or a query (ids, numbers, yes or no); text they check themselves.
   */
  static String forvantat(String falt, Class<?> typ) {
    String ska;
    if (java.util.UUID.class.equals(typ)) {
      ska = "vara ett id (UUID)";
    } else if (HELTAL.contains(typ)) {
      ska = "vara ett heltal";
    } else if (Boolean.class.equals(typ) || boolean.class.equals(typ)) {
      ska = "vara true eller false";
    } else {
      ska = "ha ett giltigt värde";
    }
    return "Fältet " + falt + " ska " + ska + ".";
  }

  /** A required parameter, file or header the request did not have. */
  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingServletRequestPartException.class,
    MissingRequestHeaderException.class
  })
  Object saknas(Exception e, HttpServletRequest request) {
    String falt =
        switch (e) {
          case MissingServletRequestParameterException p -> p.getParameterName();
          case MissingServletRequestPartException d -> d.getRequestPartName();
          case MissingRequestHeaderException r -> r.getHeaderName();
          default -> throw new IllegalArgumentException(e);
        };
    String vad = e instanceof MissingRequestHeaderException ? "Rubriken " : "Fältet ";
    return validering(new ValideringsFel(falt, vad + falt + " saknas."), request);
  }

  /** Anything else Spring MVC could not bind from the request. */
  @ExceptionHandler(ServletRequestBindingException.class)
  Object obunden(ServletRequestBindingException e, HttpServletRequest request) {
    return svar(
        request, HttpStatus.BAD_REQUEST, FelController.meddelande(HttpStatus.BAD_REQUEST, request));
  }

  /** A body of a kind the address does not take (text where JSON is expected, for instance). */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object felInnehallstyp(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    List<MediaType> tar = e.getSupportedMediaTypes();
    String tas;
    if (tar.stream().anyMatch(MediaType.APPLICATION_JSON::equalsTypeAndSubtype)) {
      tas = " Skicka JSON (Content-Type: application/json).";
    } else if (tar.isEmpty()) {
      tas = "";
    } else {
      tas =
          " Skicka "
              + String.join(
                  " eller ",
                  tar.stream().map(t -> t.getType() + "/" + t.getSubtype()).distinct().toList())
              + ".";
    }
    return svar(
        request,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Innehållet skickades i en form som adressen inte tar emot." + tas);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object ejGodtagbar(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return svar(
        request, HttpStatus.NOT_ACCEPTABLE, "Svaret finns inte i den form som begärdes (Accept).");
  }

  @ExceptionHandler(ResponseStatusException.class)
  Object status(ResponseStatusException e, HttpServletRequest request) {
    return svar(request, HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
  }

  private Object svar(HttpServletRequest request, HttpStatus status, String meddelande) {
    if (!arApi(request)) {
      return medRam(request, sida(request, status, meddelande));
    }
    return json(status, meddelande);
  }

  /** An error page with the frame every page has. */
  private ModelAndView medRam(HttpServletRequest request, ModelAndView sida) {
    sidram.ifAvailable(r -> r.fyll(request, sida));
    return sida;
  }

  /** Bad input under {@code /api}: 400 with a Swedish message per field. */
  static ResponseEntity<Map<String, Object>> valideringsJson(Map<String, String> fel) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", 400);
    body.put("meddelande", "Uppgifterna är inte giltiga. Rätta fälten och försök igen.");
    body.put("fel", fel);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /**
   * JSON whatever the client asked for: an API error is never a page, nor a 500 for lack of one.
   */
  static ResponseEntity<Map<String, Object>> json(HttpStatus status, String meddelande) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("meddelande", meddelande);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /**
   * The error page for {@code request}: its heading fits what the user did (see {@link #rubrik}).
   */
  static ModelAndView sida(HttpServletRequest request, HttpStatus status, String meddelande) {
    ModelAndView mav = new ModelAndView("fel");
    mav.setStatus(status);
    mav.addObject("status", status.value());
    mav.addObject("rubrik", rubrik(status, request.getMethod()));
    mav.addObject("meddelande", meddelande);
    return mav;
  }

  /**
   * The heading of the error page for {@code status} after a request with {@code metod}: bad input
   * in an address asked for is a page that could not be shown, in a form sent details that could
   * not be saved.
   */
  static String rubrik(HttpStatus status, String metod) {
    if (status == HttpStatus.BAD_REQUEST) {
      return "GET".equals(metod) || "HEAD".equals(metod)
          ? "Sidan kunde inte visas"
          : "Uppgifterna kunde inte sparas";
    }
    return rubrik(status);
  }

  /** The heading of the error page for {@code status}. */
  static String rubrik(HttpStatus status) {
    return switch (status) {
      case FORBIDDEN -> "Ingen behörighet";
      case NOT_FOUND -> "Hittades inte";
      default -> "Något gick fel";
    };
  }

  /** Under {@code /api/}, by the path as the client sent it (which need not decode). */
  static boolean arApi(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri != null && uri.startsWith("/api/");
  }
}
