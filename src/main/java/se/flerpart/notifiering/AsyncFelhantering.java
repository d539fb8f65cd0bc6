package se.flerpart.notifiering;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * How an exception out of an asynchronous method (an {@code @Async} event listener) is logged. A
 * mail the SMTP server did not take ({@link MailDispatcher.MailSkickadesInte}) is thrown only to
 * leave its event publication incomplete, so that it is tried again; it was logged where it failed
 * (a warning with its cause, and the metric {@code flerpart.mail.fel}), and is not logged again as
 * an error with its whole stack, once for every attempt while the server is away. Every other
 * exception is logged as an error, as Spring does.
 *
 * <p>The methods run on Spring Boot's task executor ({@code spring.task.execution.*}), as they do
 * without a configurer of the application's own: Boot's stands back for this one, and without an
 * executor named here Spring would start a new thread for every call.
 */
@Configuration(proxyBeanMethods = false)
class AsyncFelhantering implements AsyncConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AsyncFelhantering.class);

  private final ObjectProvider<Executor> utforare;

  AsyncFelhantering(
      @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
          ObjectProvider<Executor> utforare) {
    this.utforare = utforare;
  }

  @Override
  public Executor getAsyncExecutor() {
    return utforare.getIfAvailable();
  }

  @Override
  public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
    return new Hantering();
  }

  static final class Hantering implements AsyncUncaughtExceptionHandler {

    private final SimpleAsyncUncaughtExceptionHandler standard =
        new SimpleAsyncUncaughtExceptionHandler();

    @Override
    public void handleUncaughtException(Throwable fel, Method metod, Object... parametrar) {
      if (fel instanceof MailDispatcher.MailSkickadesInte) {
        log.debug("{} (försöks igen)", fel.getMessage());
      } else {
        standard.handleUncaughtException(fel, metod, parametrar);
      }
    }
  }
}
