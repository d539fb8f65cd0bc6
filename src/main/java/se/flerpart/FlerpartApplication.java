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

  public static void main(String[] args) {
    start(args);
  }

  /** What {@link #main} does, returning the running application so that a test can stop it. */
  public static ConfigurableApplicationContext start(String... args) {
    return SpringApplication.run(FlerpartApplication.class, args);
  }
}
