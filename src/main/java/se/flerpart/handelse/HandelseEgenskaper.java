package se.flerpart.handelse;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code flerpart.handelse}.
 *
 * @param kalla the CloudEvents {@code source} of the events Flerpart publishes: this installation
 * @param sandTidsgrans how long a send waits for the broker's acknowledgement
 * @param partitioner the number of partitions of the topics Flerpart creates
 */
@ConfigurationProperties("flerpart.handelse")
public record HandelseEgenskaper(URI kalla, Duration sandTidsgrans, int partitioner) {

  public HandelseEgenskaper {
    kalla = kalla == null ? URI.create("urn:flerpart") : kalla;
    sandTidsgrans = sandTidsgrans == null ? Duration.ofSeconds(30) : sandTidsgrans;
    partitioner = partitioner < 1 ? 1 : partitioner;
  }
}
