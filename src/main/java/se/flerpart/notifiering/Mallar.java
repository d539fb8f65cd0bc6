package se.flerpart.notifiering;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Thymeleaf templates outside the web pages: mail texts and PDF documents, in Swedish. */
final class Mallar {

  private final SpringTemplateEngine motor = new SpringTemplateEngine();

  Mallar(String mapp, String filandelse, TemplateMode lage) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(mapp + "/");
    resolver.setSuffix(filandelse);
    resolver.setTemplateMode(lage);
    resolver.setCharacterEncoding("UTF-8");
    motor.setTemplateResolver(resolver);
  }

  String rendera(String mall, Map<String, Object> modell) {
    return motor.process(mall, new Context(Locale.forLanguageTag("sv"), modell));
  }
}
