package se.flerpart.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/**
 * The engine's health against an engine that does not answer (a port nothing listens on) and one
 * whose gateway answers but whose processing has stopped.
 */
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

  /**
   * As the in-memory engine did once its stream processor stalled under load: the gateway still
   * answers the topology, but no command is ever answered. Health must say DOWN.
   */
  @Test
  void enMotorSomSvararPaTopologinMenInteTarEmotKommandonArNere() throws Exception {
    Server gateway =
        ServerBuilder.forPort(0)
            .addService(
                new GatewayGrpc.GatewayImplBase() {
                  @Override
                  public void topology(
                      TopologyRequest request, StreamObserver<TopologyResponse> svar) {
                    svar.onNext(
                        TopologyResponse.newBuilder()
                            .setClusterSize(1)
                            .setPartitionsCount(1)
                            .setReplicationFactor(1)
                            .addBrokers(
                                BrokerInfo.newBuilder()
                                    .setNodeId(0)
                                    .setHost("127.0.0.1")
                                    .setPort(26501)
                                    .addPartitions(
                                        Partition.newBuilder()
                                            .setPartitionId(1)
                                            .setRole(Partition.PartitionBrokerRole.LEADER)
                                            .setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
                            .build());
                    svar.onCompleted();
                  }

                  @Override
                  public void publishMessage(
                      PublishMessageRequest request, StreamObserver<PublishMessageResponse> svar) {
                    // A stalled engine: the command is taken and never answered.
                  }
                })
            .build()
            .start();
    try (CamundaClient camunda =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + gateway.getPort()))
            .restAddress(URI.create("http://127.0.0.1:" + gateway.getPort()))
            .preferRestOverGrpc(false)
            .build()) {
      assertThat(camunda.newTopologyRequest().send().join().getBrokers()).hasSize(1);

      var halsa = new MotorHealthIndicator(camunda).health();

      assertThat(halsa.getStatus()).isEqualTo(Status.DOWN);
      assertThat(halsa.getDetails()).containsEntry("fel", "Processmotorn tar inte emot kommandon");
    } finally {
      gateway.shutdownNow();
    }
  }
}
