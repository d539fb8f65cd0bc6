package se.flerpart.handelse;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code flerpart.handelse}.
 *
 * @param kalla the CloudEvents {@code source} of the events Flerpart publishes: this installation
 * @param kallor the producing systems that may send aktualiseringar: CloudEvent {@code source} →
 *     the code of the part whose handläggare may refer through it
 * @param allaKallorEgenPart when true (the demo), a source missing from {@code kallor} may refer
 *     for the referrer's own part; otherwise it is refused
 * @param sandTidsgrans how long a send waits for the broker's acknowledgement
 * @param partitioner the number of partitions of the topics Flerpart creates
 */
@ConfigurationProperties("flerpart.handelse")
public record HandelseEgenskaper(
    URI kalla,
    Map<String, String> kallor,
    boolean allaKallorEgenPart,
    Duration sandTidsgrans,
    int partitioner) {

  public HandelseEgenskaper {
    kalla = kalla == null ? URI.create("urn:flerpart") : kalla;
    kallor = kallor == null ? Map.of() : Map.copyOf(kallor);
    sandTidsgrans = sandTidsgrans == null ? Duration.ofSeconds(30) : sandTidsgrans;
    partitioner = partitioner < 1 ? 1 : partitioner;
  }
}
