package se.flerpart.notifiering;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/**
 * The mail sender names Jakarta Mail's stream provider, so sending a mail does not scan the class
 * path for it (see {@link MailDispatcher#STREAM_PROVIDER}).
 */
class MailStreamProviderTest {

  @Test
  void strommarnasLeverantorArNamndOchFinns() throws Exception {
    Class.forName(MailDispatcher.class.getName(), true, getClass().getClassLoader());

    String namn = System.getProperty(MailDispatcher.STREAM_PROVIDER);
    assertThat(namn).isNotBlank();
    Object leverantor = Class.forName(namn).getDeclaredConstructor().newInstance();
    assertThat(leverantor).isInstanceOf(StreamProvider.class);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(namn);
  }
}
