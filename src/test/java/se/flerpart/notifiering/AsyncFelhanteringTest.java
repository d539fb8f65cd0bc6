package se.flerpart.notifiering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AsyncFelhanteringTest {

  @Test
  @DisplayName(
      "Ett mail som SMTP-servern inte tog loggas inte en gång till som fel med hela stacken; andra"
          + " fel i en asynkron lyssnare gör det")
  void mailSomForsoksIgenArInteEttFel(CapturedOutput logg) throws Exception {
    Method skicka = MailDispatcher.class.getDeclaredMethod("skicka", MailKoat.class);
    var hantering = new AsyncFelhantering().getAsyncUncaughtExceptionHandler();

    hantering.handleUncaughtException(
        new MailDispatcher.MailSkickadesInte(24, new IOException("Connection refused")), skicka);
    assertThat(logg.getAll()).doesNotContain("ERROR").doesNotContain("Mail 24");

    hantering.handleUncaughtException(new IllegalStateException("något annat"), skicka);
    assertThat(logg.getAll())
        .contains("ERROR")
        .contains("java.lang.IllegalStateException: något annat");
  }
}
