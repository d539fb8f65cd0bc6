package se.flerpart.process;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The process engine in {@code /actuator/health} (as {@code motor}): a topology request that must
 * answer within two seconds. Without it the application reported UP while the engine no longer took
 * commands, and nothing in a case moved.
 */
@Component("motor")
class MotorHealthIndicator implements HealthIndicator {

  static final Duration TIDSGRANS = Duration.ofSeconds(2);

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
