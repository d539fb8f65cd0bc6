package se.flerpart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class FlerpartApplication {

  /**
   * Starts Flerpart; a start that fails ends the process with exit code 1. Spring Boot has logged
   * why by then, but a thread a library left running (the embedded stack's, e.g. a {@code Timer})
   * would otherwise keep the JVM alive, and a service manager would see a process that neither runs
   * nor exits.
   *
   * <p>With {@code flerpart.avsluta-nar-redo=true} the application stops as soon as it is ready
   * (after the process deployment and the demo data), the way it stops on SIGTERM, and the process
   * ends with exit code 0. That is the training run of the JVM's AOT cache (see the README's
   * performance section): the run loads and links everything a start needs, and the JVM writes the
   * cache when it exits.
   */
  public static void main(String[] args) {
    ConfigurableApplicationContext context;
    try {
      context = start(args);
    } catch (Throwable e) {
      System.exit(1);
      return;
    }
    if (context.getEnvironment().getProperty("flerpart.avsluta-nar-redo", Boolean.class, false)) {
      System.exit(SpringApplication.exit(context));
    }
  }

  /** What {@link #main} does, returning the running application so that a test can stop it. */
  public static ConfigurableApplicationContext start(String... args) {
    return SpringApplication.run(FlerpartApplication.class, args);
  }
}
