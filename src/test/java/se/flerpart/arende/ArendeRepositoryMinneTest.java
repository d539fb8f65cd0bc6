package se.flerpart.arende;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.UtfordaSatser;

/**
 * A transaction reads a case once however often it asks for it, and sees its own writes and what it
 * read under a lock at once; the next transaction reads the case again.
 */
@SpringBootTest(properties = "flerpart.demo.arenden=false")
class ArendeRepositoryMinneTest {

  private static final String LAS = "select * from arende where id = ?";

  @Autowired ArendeRepository arenden;
  @Autowired TransactionTemplate transaktion;

  private UUID nyttArende() {
    UUID id = UUID.randomUUID();
    arenden.skapa(
        new Arende(
            id,
            arenden.nyttArendenummer(Year.of(2026)),
            "flerpartssamverkan",
            null,
            false,
            "K",
            1980,
            "Prov",
            List.of("FK"),
            false,
            "AF",
            "anna",
            null,
            ArendeStatus.SAMTYCKE,
            null,
            null,
            List.of(),
            null,
            null,
            Instant.now(),
            null,
            null),
        null);
    return id;
  }

  @Test
  void enTransaktionLaserArendetEnGangOchSerSinaEgnaSkrivningar() {
    UUID id = nyttArende();
    List<String> satser =
        UtfordaSatser.under(
            () ->
                transaktion.executeWithoutResult(
                    s -> {
                      assertThat(arenden.hitta(id).orElseThrow().status())
                          .isEqualTo(ArendeStatus.SAMTYCKE);
                      arenden.hitta(id);
                      arenden.hitta(id);
                      arenden.sattArendebarare(id, "anna");
                      assertThat(arenden.hitta(id).orElseThrow().arendebarare()).isEqualTo("anna");
                      arenden.hitta(id);
                    }));
    assertThat(satser.stream().filter(LAS::equals)).hasSize(2);
  }

  @Test
  void detSomLastesMedLasErsatterDetSomLastesForut() {
    UUID id = nyttArende();
    transaktion.executeWithoutResult(
        s -> {
          assertThat(arenden.hitta(id).orElseThrow().arendebarare()).isNull();
          // Another transaction changes the case and commits before this one locks it.
          Thread annan =
              Thread.ofPlatform()
                  .start(
                      () ->
                          transaktion.executeWithoutResult(
                              t -> arenden.sattArendebarare(id, "david")));
          try {
            annan.join();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          assertThat(arenden.hittaForUppdatering(id).orElseThrow().arendebarare())
              .isEqualTo("david");
          assertThat(arenden.hitta(id).orElseThrow().arendebarare()).isEqualTo("david");
        });
  }

  @Test
  void utanforEnTransaktionOchINastaLasesArendetIgen() {
    UUID id = nyttArende();
    assertThat(
            UtfordaSatser.under(
                    () -> {
                      arenden.hitta(id);
                      arenden.hitta(id);
                      transaktion.executeWithoutResult(t -> arenden.hitta(id));
                      transaktion.executeWithoutResult(t -> arenden.hitta(id));
                    })
                .stream()
                .filter(LAS::equals))
        .hasSize(4);
  }
}
