package se.flerpart.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Messages to the processes (a withdrawn consent, a moved meeting…) are queued in the transaction
 * of the change and published once it has committed. A worker the message wakes therefore reads the
 * change, and a message the engine did not take is published again; the message id makes a repeat
 * harmless.
 */
@Component
public class Meddelandeutkorg {

  private static final Logger log = LoggerFactory.getLogger(Meddelandeutkorg.class);

  private record Meddelande(
      long id, String meddelandeId, String namn, String nyckel, Duration livslangd) {}

  private final JdbcClient jdbc;
  private final CamundaClient camunda;

  public Meddelandeutkorg(JdbcClient jdbc, CamundaClient camunda) {
    this.jdbc = jdbc;
    this.camunda = camunda;
  }

  public void koa(String namn, String korrelationsnyckel, String meddelandeId, Duration livslangd) {
    jdbc.sql(
            """
            insert into process_meddelande (meddelande_id, namn, korrelationsnyckel, livslangd, skapad)
            values (?, ?, ?, ?, ?) on conflict (meddelande_id) do nothing
            """)
        .params(
            meddelandeId,
            namn,
            korrelationsnyckel,
            livslangd.toString(),
            Timestamp.from(Instant.now()))
        .update();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              publiceraVantande();
            }
          });
    } else {
      publiceraVantande();
    }
  }

  @Scheduled(fixedDelayString = "${flerpart.uppgift.aterforsok-intervall}")
  public synchronized void publiceraVantande() {
    List<Meddelande> vantande =
        jdbc.sql(
                "select id, meddelande_id, namn, korrelationsnyckel, livslangd from process_meddelande"
                    + " where publicerad is null order by id")
            .query(
                (rs, n) ->
                    new Meddelande(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Duration.parse(rs.getString(5))))
            .list();
    for (Meddelande m : vantande) {
      try {
        camunda
            .newPublishMessageCommand()
            .messageName(m.namn())
            .correlationKey(m.nyckel())
            .messageId(m.meddelandeId())
            .timeToLive(m.livslangd())
            .send()
            .join();
        markeraPublicerat(m.id());
      } catch (ClientStatusException e) {
        if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
          markeraPublicerat(m.id());
        } else {
          noteraFel(m, e);
        }
      } catch (RuntimeException e) {
        noteraFel(m, e);
      }
    }
  }

  private void markeraPublicerat(long id) {
    jdbc.sql("update process_meddelande set publicerad = ?, forsok = forsok + 1 where id = ?")
        .params(Timestamp.from(Instant.now()), id)
        .update();
  }

  private void noteraFel(Meddelande m, RuntimeException e) {
    log.warn("Meddelandet {} kunde inte publiceras ännu: {}", m.meddelandeId(), e.getMessage());
    jdbc.sql("update process_meddelande set forsok = forsok + 1, senaste_fel = ? where id = ?")
        .params(e.getMessage(), m.id())
        .update();
  }
}
