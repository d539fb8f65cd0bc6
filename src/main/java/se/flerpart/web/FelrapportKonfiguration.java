package se.flerpart.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link FelrapportValve} where Tomcat keeps its error report. The context is added to its
 * host before the customizers run and the host starts after them; a host that finds a valve of its
 * error report class adds no report of its own.
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
                host.getPipeline().addValve(new FelrapportValve());
              }
            });
  }
}
