package se.flerpart.notifiering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/** How the asynchronous listeners (the mails) run, and how their failures are logged. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "flerpart.demo.arenden=false")
@ExtendWith(OutputCaptureExtension.class)
class AsyncFelhanteringTest {

  @Autowired AsyncConfigurer konfiguration;

  @Autowired
  @Qualifier("applicationTaskExecutor")
  Executor bootsUtforare;

  @Test
  @DisplayName(
      "Ett mail som SMTP-servern inte tog loggas inte en gång till som fel med hela stacken; andra"
          + " fel i en asynkron lyssnare gör det")
  void mailSomForsoksIgenArInteEttFel(CapturedOutput logg) throws Exception {
    Method skicka = MailDispatcher.class.getDeclaredMethod("skicka", MailKoat.class);
    var hantering = konfiguration.getAsyncUncaughtExceptionHandler();
    int fore = logg.getAll().length();

    hantering.handleUncaughtException(
        new MailDispatcher.MailSkickadesInte(24, new IOException("Connection refused")), skicka);
    assertThat(logg.getAll().substring(fore)).doesNotContain("ERROR").doesNotContain("Mail 24");

    hantering.handleUncaughtException(new IllegalStateException("något annat"), skicka);
    assertThat(logg.getAll().substring(fore))
        .contains("ERROR")
        .contains("java.lang.IllegalStateException: något annat");
  }

  @Test
  @DisplayName(
      "Asynkrona lyssnare körs på Spring Boots begränsade trådpool, inte på en ny tråd per anrop")
  void bootsTradpool() {
    assertThat(konfiguration.getAsyncExecutor()).isSameAs(bootsUtforare);
  }
}
