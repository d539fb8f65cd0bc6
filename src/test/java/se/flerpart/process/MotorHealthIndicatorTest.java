package se.flerpart.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The engine's health against an engine that does not answer: a port nothing listens on. */
class MotorHealthIndicatorTest {

  @Test
  void enMotorSomInteSvararArNere() throws Exception {
    int stangd;
    try (ServerSocket socket = new ServerSocket(0)) {
      stangd = socket.getLocalPort();
    }
    try (CamundaClient camunda =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + stangd))
            .restAddress(URI.create("http://127.0.0.1:" + stangd))
            .preferRestOverGrpc(false)
            .build()) {
      var halsa = new MotorHealthIndicator(camunda).health();

      assertThat(halsa.getStatus()).isEqualTo(Status.DOWN);
      assertThat(halsa.getDetails()).containsEntry("fel", "Processmotorn svarar inte");
    }
  }
}
