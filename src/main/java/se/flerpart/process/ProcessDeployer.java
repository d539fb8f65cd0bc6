package se.flerpart.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the BPMN, DMN and forms of {@code processes/} and {@code forms/} at start. The engine
 * keeps the version it has when nothing changed, so every instance may deploy.
 */
@Component
@Order(0)
class ProcessDeployer implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
  private static final List<String> RESURSER =
      List.of(
          "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");

  private final CamundaClient camunda;

  ProcessDeployer(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    List<Resource> resurser = new ArrayList<>();
    for (String monster : RESURSER) {
      resurser.addAll(List.of(resolver.getResources(monster)));
    }
    DeployResourceCommandStep1 kommando = camunda.newDeployResourceCommand();
    DeployResourceCommandStep1.DeployResourceCommandStep2 steg = null;
    for (Resource r : resurser) {
      try (InputStream in = r.getInputStream()) {
        steg =
            steg == null
                ? kommando.addResourceBytes(in.readAllBytes(), r.getFilename())
                : steg.addResourceBytes(in.readAllBytes(), r.getFilename());
      }
    }
    if (steg == null) {
      throw new IllegalStateException("Inga processer att driftsätta under processes/");
    }
    var svar = steg.send().join();
    log.info(
        "Driftsatte {} processer, {} beslutstabeller och {} formulär",
        svar.getProcesses().size(),
        svar.getDecisions().size(),
        svar.getForm().size());
  }
}
