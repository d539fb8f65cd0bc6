package se.flerpart.embedded;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded default's shared services, each as a process of its own on a fixed port, for running
 * several Flerpart instances against them (see the README's "Several instances"). One service per
 * process, named by the first argument:
 *
 * <ul>
 *   <li>{@code motor <grpc-port> [<http-port>]}: the in-memory Zeebe engine, standing in for a
 *       Camunda 8 cluster. Its state lives in this process only. On the HTTP port (localhost):
 *       {@code GET /jobb}, the keys of the user-task jobs that are open and of those completed, and
 *       {@code POST /klocka?fram=PT1H}, moving the engine's clock forward;
 *   <li>{@code postgres <port> <data-directory>}: PostgreSQL with its data in the directory, kept
 *       between starts, each commit on disk before it is confirmed; the superuser's password from
 *       {@code FLERPART_POSTGRES_LOSENORD} (set at the first start, kept after);
 *   <li>{@code kafka <port>}: a single-node KRaft broker;
 *   <li>{@code smtp <smtp-port> [<http-port>]}: a GreenMail SMTP server; on the HTTP port
 *       (localhost) {@code GET /mail} lists every mail received, one entry per recipient, with its
 *       Message-ID.
 * </ul>
 *
 * Stops on SIGTERM (Ctrl-C).
 */
public final class Tjanster {

  private static final Logger log = LoggerFactory.getLogger(Tjanster.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tjanster() {}

  public static void main(String[] args) throws Exception {
    tystaLoggning();
    if (args.length < 2) {
      System.err.println(
          "Användning: Tjanster motor <grpc-port> [<http-port>] | postgres <port> <datakatalog>"
              + " | kafka <port> | smtp <smtp-port> [<http-port>]");
      System.exit(2);
    }
    List<AutoCloseable> stang = new ArrayList<>();
    switch (args[0]) {
      case "motor" -> stang.addAll(motor(Integer.parseInt(args[1]), httpPort(args)));
      case "postgres" -> stang.add(postgres(Integer.parseInt(args[1]), Path.of(args[2])));
      case "kafka" -> stang.add(kafka(Integer.parseInt(args[1])));
      case "smtp" -> stang.addAll(smtp(Integer.parseInt(args[1]), httpPort(args)));
      default -> {
        System.err.println("Okänd tjänst: " + args[0]);
        System.exit(2);
      }
    }
    CountDownLatch stoppad = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (AutoCloseable c : stang.reversed()) {
                    try {
                      c.close();
                    } catch (Exception e) {
                      log.warn("Kunde inte stoppa {}", args[0], e);
                    }
                  }
                  stoppad.countDown();
                }));
    log.info("{} redo: {}", args[0], String.join(" ", Arrays.asList(args).subList(1, args.length)));
    stoppad.await();
  }

  static List<AutoCloseable> motor(int grpcPort, int httpPort) throws IOException {
    ZeebeTestEngine engine = EmbeddedStack.startaMotor(grpcPort);
    List<AutoCloseable> stang = new ArrayList<>();
    stang.add(engine::stop);
    if (httpPort > 0) {
      HttpServer http = http(httpPort);
      http.createContext("/jobb", ut -> svara(ut, () -> anvandaruppgiftsjobb(engine)));
      http.createContext(
          "/klocka",
          ut -> {
            if (!"POST".equals(ut.getRequestMethod())) {
              skriv(ut, 405, Map.of("fel", "Använd POST /klocka?fram=PT1H"));
              return;
            }
            String fraga = String.valueOf(ut.getRequestURI().getQuery());
            try {
              Duration fram = Duration.parse(fraga.replaceFirst("^fram=", ""));
              engine.increaseTime(fram);
              skriv(ut, 200, Map.of("framflyttad", fram.toString()));
            } catch (DateTimeParseException e) {
              skriv(ut, 400, Map.of("fel", Map.of("fram", "Ange en tidslängd som PT1H eller P2D")));
            }
          });
      http.start();
      stang.add(() -> http.stop(0));
    }
    return stang;
  }

  /**
   * The user-task jobs (type {@code io.camunda.zeebe:userTask}) of the engine's log: those created
   * and not yet completed, cancelled or ended by an error ({@code oppna}), and those completed
   * ({@code slutforda}).
   */
  static Map<String, Set<Long>> anvandaruppgiftsjobb(ZeebeTestEngine engine) {
    Set<Long> oppna = new LinkedHashSet<>();
    Set<Long> slutforda = new LinkedHashSet<>();
    EmbeddedMotor.lasLoggen(
        engine,
        Set.of(ValueType.JOB),
        () -> {
          oppna.clear();
          slutforda.clear();
        },
        r -> {
          if (!(r.getValue() instanceof JobRecordValue jobb)
              || !"io.camunda.zeebe:userTask".equals(jobb.getType())
              || !(r.getIntent() instanceof JobIntent intent)) {
            return;
          }
          switch (intent) {
            case CREATED -> oppna.add(r.getKey());
            case COMPLETED -> {
              oppna.remove(r.getKey());
              slutforda.add(r.getKey());
            }
            case CANCELED, ERROR_THROWN -> oppna.remove(r.getKey());
            default -> {}
          }
        });
    Map<String, Set<Long>> svar = new LinkedHashMap<>();
    svar.put("oppna", oppna);
    svar.put("slutforda", slutforda);
    return svar;
  }

  static AutoCloseable postgres(int port, Path data) {
    String losenord = System.getenv("FLERPART_POSTGRES_LOSENORD");
    if (losenord == null || losenord.isBlank()) {
      throw new IllegalArgumentException(
          "Ange superanvändarens lösenord i miljövariabeln FLERPART_POSTGRES_LOSENORD");
    }
    InbyggdPostgres postgres = InbyggdPostgres.startaVarande(data, port, losenord);
    return postgres.postgres();
  }

  static AutoCloseable kafka(int port) {
    List<Runnable> stadning = new ArrayList<>();
    EmbeddedKafkaKraftBroker kafka = EmbeddedStack.startKafka(port, stadning);
    return () -> {
      kafka.destroy();
      stadning.forEach(Runnable::run);
    };
  }

  static List<AutoCloseable> smtp(int smtpPort, int httpPort) throws IOException {
    GreenMail greenMail = EmbeddedStack.startaSmtp(smtpPort);
    List<AutoCloseable> stang = new ArrayList<>();
    stang.add(greenMail::stop);
    if (httpPort > 0) {
      HttpServer http = http(httpPort);
      http.createContext("/mail", ut -> svara(ut, () -> mottagnaMail(greenMail)));
      http.start();
      stang.add(() -> http.stop(0));
    }
    return stang;
  }

  /**
   * Every mail the server received with its Message-ID and subject, one entry per recipient's copy
   * (a mail to two recipients is listed twice).
   */
  static List<Map<String, String>> mottagnaMail(GreenMail greenMail) {
    List<Map<String, String>> mail = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      try {
        Map<String, String> rad = new LinkedHashMap<>();
        rad.put("messageId", String.valueOf(m.getMessageID()));
        rad.put("amne", String.valueOf(m.getSubject()));
        mail.add(rad);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mail;
  }

  private static HttpServer http(int port) throws IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
  }

  private static void svara(HttpExchange ut, Supplier<Object> svar) throws IOException {
    if (!"GET".equals(ut.getRequestMethod())) {
      skriv(ut, 405, Map.of("fel", "Använd GET"));
      return;
    }
    try {
      skriv(ut, 200, svar.get());
    } catch (RuntimeException | Error e) {
      // An error too (the heap running out): otherwise the server closes the connection without
      // an answer, and says nothing.
      log.warn("{} kunde inte besvaras", ut.getRequestURI(), e);
      skriv(ut, 500, Map.of("fel", String.valueOf(e)));
    }
  }

  private static void skriv(HttpExchange ut, int status, Object kropp) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(kropp);
    ut.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ut.sendResponseHeaders(status, bytes.length);
    try (var o = ut.getResponseBody()) {
      o.write(bytes);
    }
  }

  private static int httpPort(String[] args) {
    return args.length > 2 ? Integer.parseInt(args[2]) : 0;
  }

  /** Without Spring Boot's logging setup Logback logs everything at DEBUG; the engine is chatty. */
  private static void tystaLoggning() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger rot) {
      rot.setLevel(Level.WARN);
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("se.flerpart")).setLevel(Level.INFO);
    }
  }
}
