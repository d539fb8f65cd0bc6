package se.flerpart.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to a request Tomcat refuses before Flerpart sees it — a path that cannot be decoded
 * ({@code %zz}, an encoded NUL or slash), a header with a control character, headers larger than
 * the connector takes: the same Swedish message as {@link FelController}'s, as JSON under {@code
 * /api/} and as a Swedish page elsewhere, in place of Tomcat's English report. Every other error
 * has been answered by Flerpart already (its content written), and this leaves it as it is.
 */
public final class FelrapportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int kod = response.getStatus();
    if (kod < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(kod);
    if (status == null) {
      status = kod < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String meddelande = FelController.meddelande(status, request);
    boolean api = ApiFelhantering.arApi(request);
    try {
      response.setContentType(api ? "application/json" : "text/html");
      response.setCharacterEncoding("UTF-8");
      Writer ut = response.getReporter();
      if (ut != null) {
        ut.write(api ? json(status, meddelande) : sida(status, meddelande));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client has gone, or the response cannot take a body: the status is all it gets.
    }
  }

  /** The body {@link ApiFelhantering} gives every other refusal under {@code /api/}. */
  static String json(HttpStatus status, String meddelande) {
    try {
      return JSON.writeValueAsString(ApiFelhantering.json(status, meddelande).getBody());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shape of {@code templates/fel.html}, without the header that needs a signed-in user. */
  static String sida(HttpStatus status, String meddelande) {
    return """
        <!DOCTYPE html>
        <html lang="sv">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Något gick fel – Flerpart</title>
          <link rel="stylesheet" href="/css/flerpart.css">
        </head>
        <body>
        <main id="innehall">
          <h1>%s</h1>
          <p class="fel" role="alert">%s</p>
          <p><a href="/">Till startsidan</a></p>
        </main>
        </body>
        </html>
        """
        .formatted(ApiFelhantering.rubrik(status), HtmlUtils.htmlEscape(meddelande, "UTF-8"));
  }
}
