package se.flerpart.notifiering;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * How an exception out of an asynchronous method (an {@code @Async} event listener) is logged. A
 * mail the SMTP server did not take ({@link MailDispatcher.MailSkickadesInte}) is thrown only to
 * leave its event publication incomplete, so that it is tried again; it was logged where it failed
 * (a warning with its cause, and the metric {@code flerpart.mail.fel}), and is not logged again as
 * an error with its whole stack, once for every attempt while the server is away. Every other
 * exception is logged as an error, as Spring does. The methods still run on Spring Boot's task
 * executor.
 */
@Configuration(proxyBeanMethods = false)
class AsyncFelhantering implements AsyncConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AsyncFelhantering.class);

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
