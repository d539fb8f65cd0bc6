package se.flerpart.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.springframework.stereotype.Component;

/**
 * The one way Flerpart's modules tell the engine something: from a listener of a domain event,
 * after the change has committed, never inside a database transaction. A failure propagates, so the
 * event publication stays incomplete and is delivered again; the message id makes the repeat
 * harmless.
 */
@Component
public class MessagePublisher {

  private final CamundaClient camunda;

  MessagePublisher(CamundaClient camunda) {
    this.camunda = camunda;
  }

  public void publicera(Processmeddelande m) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(m.namn())
          .correlationKey(m.korrelationsnyckel())
          .messageId(m.meddelandeId())
          .timeToLive(m.livslangd())
          .variables(m.variabler())
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
