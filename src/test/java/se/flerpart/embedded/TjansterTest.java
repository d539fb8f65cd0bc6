package se.flerpart.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of the shared services ({@link Tjanster}), in process: what the crash test reads
 * from the SMTP server and the engine, and a database whose data outlives a restart.
 */
class TjansterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path katalog;

  @Test
  void smtpServernVisarVarjeMottagetMailMedSittMessageIdEnGangPerMottagare() throws Exception {
    int smtp = ledigPort();
    int webb = ledigPort();
    List<AutoCloseable> tjanst = Tjanster.smtp(smtp, webb);
    try {
      assertThat(hamta(webb, "/mail")).isEmpty();
      Properties p = new Properties();
      p.put("mail.smtp.host", "127.0.0.1");
      p.put("mail.smtp.port", String.valueOf(smtp));
      MimeMessage m =
          new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
              setHeader("Message-ID", "<abc123@flerpart.test>");
            }
          };
      m.setFrom(new InternetAddress("flerpart@flerpart.test"));
      m.setRecipients(Message.RecipientType.TO, "anna@flerpart.test, bengt@flerpart.test");
      m.setSubject("Kallelse");
      m.setText("Hej");
      Transport.send(m);

      JsonNode mail =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> hamta(webb, "/mail"), n -> n.size() == 2);
      assertThat(mail.findValuesAsText("messageId"))
          .containsExactly("<abc123@flerpart.test>", "<abc123@flerpart.test>");
      assertThat(mail.findValuesAsText("amne")).containsOnly("Kallelse");
      assertThat(status(webb, "POST", "/mail")).isEqualTo(405);
    } finally {
      stang(tjanst);
    }
  }

  /** Deploys "prov": a start, one user task ("gor") and an end. */
  static void driftsattProv(ZeebeClient klient) {
    klient
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("prov").startEvent().userTask("gor").endEvent().done(),
            "prov.bpmn")
        .send()
        .join();
  }

  @Test
  void motornVisarOppnaOchSlutfordaAnvandaruppgiftsjobbOchFlyttarKlockan() throws Exception {
    int grpc = ledigPort();
    int webb = ledigPort();
    List<AutoCloseable> tjanst = Tjanster.motor(grpc, webb);
    try (ZeebeClient klient =
        ZeebeClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + grpc))
            .usePlaintext()
            .build()) {
      driftsattProv(klient);
      klient.newCreateInstanceCommand().bpmnProcessId("prov").latestVersion().send().join();
      JsonNode jobb =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> hamta(webb, "/jobb"), n -> n.path("oppna").size() == 1);
      long nyckel = jobb.path("oppna").get(0).asLong();
      assertThat(jobb.path("slutforda")).isEmpty();

      var aktiverade =
          klient
              .newActivateJobsCommand()
              .jobType("io.camunda.zeebe:userTask")
              .maxJobsToActivate(10)
              .send()
              .join()
              .getJobs();
      assertThat(aktiverade).singleElement().matches(j -> j.getKey() == nyckel);
      klient.newCompleteCommand(nyckel).send().join();
      jobb =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> hamta(webb, "/jobb"), n -> n.path("slutforda").size() == 1);
      assertThat(jobb.path("oppna")).isEmpty();
      assertThat(jobb.path("slutforda").get(0).asLong()).isEqualTo(nyckel);

      assertThat(status(webb, "POST", "/klocka?fram=PT1H")).isEqualTo(200);
      assertThat(status(webb, "POST", "/klocka?fram=imorgon")).isEqualTo(400);
      assertThat(status(webb, "GET", "/klocka")).isEqualTo(405);
    } finally {
      stang(tjanst);
    }
  }

  @Test
  void postgresBeharSinaDataOchSittLosenordOverEnOmstart() throws Exception {
    Path data = katalog.resolve("data");
    int port = ledigPort();
    String url = "jdbc:postgresql://localhost:" + port + "/postgres";
    InbyggdPostgres forsta = InbyggdPostgres.startaVarande(data, port, "hemligt-losen");
    try (Connection c = DriverManager.getConnection(url, "postgres", "hemligt-losen")) {
      c.createStatement().execute("create table kvar (x int); insert into kvar values (42)");
    } finally {
      forsta.stang();
    }
    InbyggdPostgres andra = InbyggdPostgres.startaVarande(data, port, "hemligt-losen");
    try (Connection c = DriverManager.getConnection(url, "postgres", "hemligt-losen")) {
      var rs = c.createStatement().executeQuery("select x from kvar");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
          .isInstanceOf(SQLException.class);
    } finally {
      andra.stang();
    }
  }

  @Test
  @DisplayName(
      "PostgreSQL som egen process behåller varje bekräftad ändring när dess processer dödas med"
          + " kill -9 mitt i arbetet")
  void postgresBeharBekraftadeAndringarNarDenDodas() throws Exception {
    Path data = katalog.resolve("data");
    int port = ledigPort();
    String url = "jdbc:postgresql://localhost:" + port + "/postgres";
    InbyggdPostgres forsta = InbyggdPostgres.startaVarande(data, port, "hemligt-losen");
    int bekraftade = 0;
    try (Connection c = DriverManager.getConnection(url, "postgres", "hemligt-losen")) {
      c.createStatement().execute("create table bekraftad (x int)");
      try (var insert = c.prepareStatement("insert into bekraftad values (?)")) {
        for (int i = 1; i <= 300; i++) {
          insert.setInt(1, i);
          insert.executeUpdate();
          bekraftade = i;
        }
      }
      // At once after the last commit: the postmaster and every backend, as an OOM kill would.
      long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0));
      ProcessHandle huvud = ProcessHandle.of(postmaster).orElseThrow();
      List<ProcessHandle> alla = new ArrayList<>(huvud.descendants().toList());
      alla.add(huvud);
      alla.forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle p : alla) {
        p.onExit().get(10, TimeUnit.SECONDS);
      }
    }
    // What the killed launcher's JVM would have let go with it: the library's lock on the data.
    forsta.stang();
    InbyggdPostgres andra = InbyggdPostgres.startaVarande(data, port, "hemligt-losen");
    try (Connection c = DriverManager.getConnection(url, "postgres", "hemligt-losen")) {
      var rs = c.createStatement().executeQuery("select count(*), max(x) from bekraftad");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(bekraftade);
      assertThat(rs.getInt(2)).isEqualTo(bekraftade);
      var sync = c.createStatement().executeQuery("show synchronous_commit");
      assertThat(sync.next()).isTrue();
      assertThat(sync.getString(1)).isEqualTo("on");
    } finally {
      andra.stang();
    }
  }

  private JsonNode hamta(int port, String sokvag) throws IOException, InterruptedException {
    HttpResponse<byte[]> svar =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + sokvag)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(svar.statusCode()).isEqualTo(200);
    return JSON.readTree(svar.body());
  }

  private int status(int port, String metod, String sokvag) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + sokvag))
                .method(metod, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void stang(List<AutoCloseable> tjanst) throws Exception {
    for (AutoCloseable c : tjanst.reversed()) {
      c.close();
    }
  }

  private static int ledigPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
