package se.flerpart.arende;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without an integration with the population register the handläggare types the name and the
 * address herself: the register answers nothing. An integration is a bean implementing {@link
 * Folkbokforing}, which takes the place of this one.
 */
@Configuration(proxyBeanMethods = false)
class ManuellFolkbokforing {

  @Bean
  @ConditionalOnMissingBean(Folkbokforing.class)
  Folkbokforing folkbokforingUtanIntegration() {
    return personnummer -> Optional.empty();
  }
}
