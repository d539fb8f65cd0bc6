package se.flerpart.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes {@link FelrapportValve} Tomcat's error report. The context is added to its host before the
 * customizers run, and the host, starting after them, adds a valve of its error report class.
 */
@Configuration(proxyBeanMethods = false)
class FelrapportKonfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> svenskFelrapport() {
    return fabrik ->
        fabrik.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(FelrapportValve.class.getName());
              }
            });
  }
}
