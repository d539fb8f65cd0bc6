package se.flerpart;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The process tests on an in-memory engine of their own ({@code @ZeebeProcessTest}) run in a JVM of
 * their own (the Surefire execution {@code processprov} runs the tag {@link #TAGG}; the others
 * leave it out), one engine at a time. In the JVM of the application tests, whose cached contexts
 * each run an engine, another engine could take a process test's answer (why: {@code
 * embedded.ForloradeSvar}); {@code UppfoljningProcessTest} then got no answer to creating an
 * instance, and an old single failure of {@code AvvikelseProcessTest} was most likely the same.
 * This test sees that every such class carries the tag, so a new one cannot be left in the shared
 * JVM.
 */
public class ProcesstestIEgenJvmTest {

  /** The tag of the tests that run in a JVM of their own. */
  public static final String TAGG = "egen-jvm";

  @Test
  void varjeProcesstestMedEgenMotorKorIEgenJvm() throws ClassNotFoundException {
    var sokare = new ClassPathScanningCandidateComponentProvider(false);
    sokare.addIncludeFilter(new AnnotationTypeFilter(ZeebeProcessTest.class));
    List<String> klasser =
        sokare.findCandidateComponents("se.flerpart").stream()
            .map(b -> b.getBeanClassName())
            .toList();
    assertThat(klasser).as("klasser med @ZeebeProcessTest").hasSizeGreaterThanOrEqualTo(7);
    for (String namn : klasser) {
      Tag tagg = Class.forName(namn).getAnnotation(Tag.class);
      assertThat(tagg).as(namn).isNotNull();
      assertThat(tagg.value()).as(namn).isEqualTo(TAGG);
    }
  }
}
