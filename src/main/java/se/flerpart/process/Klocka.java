package se.flerpart.process;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Now" as the process timers see it, for all of Flerpart: history, ages, deadlines, meeting times
 * and answer links. Against a real cluster it is the wall clock; the embedded stack registers the
 * in-memory engine's clock instead, which a demo can move forward, so nothing Flerpart records
 * disagrees with a timer the engine fired.
 */
@Configuration(proxyBeanMethods = false)
class Klocka {

  @Bean
  @ConditionalOnMissingBean
  Clock vaggklocka() {
    return Clock.systemDefaultZone();
  }
}
