package se.flerpart;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL statements the application executed through Spring's JDBC template (its DEBUG log), on
 * every thread, while something ran: for tests that count round trips to PostgreSQL.
 */
public final class UtfordaSatser {

  private UtfordaSatser() {}

  /** The statements executed while {@code vad} ran, as Spring logged them, in order. */
  public static List<String> under(Runnable vad) {
    var mall = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
    Level niva = mall.getLevel();
    ListAppender<ILoggingEvent> logg = new ListAppender<>();
    logg.start();
    mall.addAppender(logg);
    mall.setLevel(Level.DEBUG);
    try {
      vad.run();
    } finally {
      mall.setLevel(niva);
      mall.detachAppender(logg);
    }
    return logg.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("Executing") && m.contains("["))
        .map(m -> m.substring(m.indexOf('[') + 1, m.lastIndexOf(']')))
        .toList();
  }

  /** How many of the statements executed while {@code vad} ran contain {@code text}. */
  public static long antal(String text, Runnable vad) {
    return under(vad).stream().filter(s -> s.contains(text)).count();
  }
}
