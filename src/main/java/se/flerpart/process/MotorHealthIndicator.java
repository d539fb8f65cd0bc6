package se.flerpart.process;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The process engine in {@code /actuator/health} (as {@code motor}): a topology request, then a
 * message published with no time to live (correlated to nothing, kept by nothing), each of which
 * must answer within two seconds. Without it the application reported UP while the engine no longer
 * took commands, and nothing in a case moved. The topology alone is not enough: the in-memory
 * engine's gateway answers it while its stream processor has stopped, so the message, which is
 * answered only once the engine has processed it, shows whether commands still go through.
 */
@Component("motor")
class MotorHealthIndicator implements HealthIndicator {

  static final Duration TIDSGRANS = Duration.ofSeconds(2);

  /** The probe message's name and correlation key: no process waits for it. */
  static final String PROV = "flerpart-halsokontroll";

  private final CamundaClient camunda;

  MotorHealthIndicator(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public Health health() {
    try {
      var topologi =
          camunda
              .newTopologyRequest()
              .requestTimeout(TIDSGRANS)
              .send()
              .get(TIDSGRANS.toMillis() + 500, TimeUnit.MILLISECONDS);
      try {
        camunda
            .newPublishMessageCommand()
            .messageName(PROV)
            .correlationKey(PROV)
            .timeToLive(Duration.ZERO)
            .requestTimeout(TIDSGRANS)
            .send()
            .get(TIDSGRANS.toMillis() + 500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        return Health.down().withDetail("fel", "Processmotorn tar inte emot kommandon").build();
      }
      return Health.up()
          .withDetail("brokers", topologi.getBrokers().size())
          .withDetail("partitioner", topologi.getPartitionsCount())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("fel", "Avbruten").build();
    } catch (Exception e) {
      return Health.down().withDetail("fel", "Processmotorn svarar inte").build();
    }
  }
}
