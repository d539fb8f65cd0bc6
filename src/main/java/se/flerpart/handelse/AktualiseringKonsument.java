package se.flerpart.handelse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Reads referrals from {@code flerpart.aktualiseringar}. A message that can never be registered
 * (bad JSON, no id, unknown source or referrer, invalid personnummer, unknown insats…) goes at once
 * to {@code flerpart.aktualiseringar.DLT}, unchanged, with the reason in the header {@code
 * flerpart-orsak}; the consumer then goes on with the next. A technical fault (database or engine
 * unreachable) is retried by the container's error handler, and the message goes to the dead letter
 * topic only when the retries are used up. Log lines name the message id and the reason, never the
 * content.
 */
@Component
class AktualiseringKonsument {

  private static final Logger log = LoggerFactory.getLogger(AktualiseringKonsument.class);

  private final AktualiseringMottagning mottagning;
  private final DeadLetterPublishingRecoverer dodaBrev;
  private final ObjectMapper json;

  AktualiseringKonsument(
      AktualiseringMottagning mottagning,
      DeadLetterPublishingRecoverer aktualiseringarDlt,
      ObjectMapper json) {
    this.mottagning = mottagning;
    this.dodaBrev = aktualiseringarDlt;
    this.json = json;
  }

  static final String LYSSNARE = "aktualiseringar";

  /**
   * Referrals are read only once Flerpart is ready: the processes deployed and, in the demo, the
   * demo users created. Read earlier, a referral by a user the demo had not yet created was refused
   * as an unknown referrer.
   */
  @EventListener(ApplicationReadyEvent.class)
  void borjaLasa(ApplicationReadyEvent redo) {
    redo.getApplicationContext()
        .getBean(KafkaListenerEndpointRegistry.class)
        .getListenerContainer(LYSSNARE)
        .start();
  }

  @KafkaListener(
      id = LYSSNARE,
      idIsGroup = false,
      autoStartup = "false",
      topics = Amnen.AKTUALISERINGAR,
      containerFactory = KafkaKonfiguration.AKTUALISERINGAR_LYSSNARE)
  void ta(ConsumerRecord<String, byte[]> post) {
    String id = null;
    try {
      InkommandeMeddelande m = InkommandeMeddelande.las(post, json);
      id = m.id();
      AktualiseringMottagning.Mottagen mottagen = mottagning.ta(m);
      if (mottagen.ny()) {
        log.info(
            "Aktualisering {} från Kafka registrerad som ärende {}",
            AvvisatMeddelande.sakert(id, 100),
            mottagen.arendeId());
      } else {
        log.info(
            "Aktualisering {} från Kafka var redan registrerad (ärende {}); ingen ny",
            AvvisatMeddelande.sakert(id, 100),
            mottagen.arendeId());
      }
    } catch (AvvisatMeddelande e) {
      log.warn(
          "Aktualisering {} ({}-{}@{}) avvisad och lagd på {}: {}",
          e.meddelandeId(),
          post.topic(),
          post.partition(),
          post.offset(),
          Amnen.AKTUALISERINGAR_DLT,
          e.getMessage());
      dodaBrev.accept(post, e);
    } catch (RuntimeException e) {
      String orsak = orsakskedja(e);
      String visatId = id == null ? "(inget id)" : AvvisatMeddelande.sakert(id, 100);
      log.warn("Aktualisering {} kunde inte registreras ännu, försöker igen: {}", visatId, orsak);
      throw new TeknisktFel(
          "Tekniskt fel när aktualisering " + visatId + " skulle registreras (" + orsak + ")");
    }
  }

  /**
   * The exception classes from outermost to root cause. Their messages are left out: a database
   * error can quote the row it failed on.
   */
  static String orsakskedja(Throwable e) {
    List<String> klasser = new ArrayList<>();
    for (Throwable t = e; t != null && klasser.size() < 6; t = t.getCause()) {
      klasser.add(t.getClass().getSimpleName());
    }
    return String.join(" ← ", klasser);
  }

  /** A fault that may pass; its message holds no message content. */
  static class TeknisktFel extends RuntimeException {
    TeknisktFel(String meddelande) {
      super(meddelande, null, false, false);
    }
  }
}
