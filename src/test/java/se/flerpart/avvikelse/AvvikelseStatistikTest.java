package se.flerpart.avvikelse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AvvikelseStatistikTest {

  private static final ZoneId SVERIGE = AvvikelseService.SVERIGE;
  private static final Instant NU = dag(2026, 11, 23);

  private static Instant dag(int ar, int manad, int dag) {
    return LocalDate.of(ar, manad, dag).atTime(12, 0).atZone(SVERIGE).toInstant();
  }

  private static AvvikelseVy avvikelse(
      String part, String typ, AvvikelseStatus status, Instant skapad, Instant avslutad) {
    return new AvvikelseVy(
        UUID.randomUUID(),
        "AVV-1",
        typ,
        typ,
        "ARENDE",
        part,
        part,
        status.name(),
        status.text(),
        status.oppen(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "WEBB",
        null,
        null,
        "text",
        null,
        null,
        null,
        null,
        null,
        skapad,
        skapad,
        avslutad,
        java.time.Duration.between(skapad, avslutad == null ? NU : avslutad).toDays(),
        0,
        null,
        null);
  }

  @Test
  void raknarOppnaPerStatusPartTypOchAlder() {
    var oversikt =
        AvvikelseStatistik.oversikt(
            List.of(
                avvikelse("AF", "Part uteblev", AvvikelseStatus.NY, dag(2026, 11, 20), null),
                avvikelse(
                    "AF", "Part avböjde", AvvikelseStatus.UNDER_ATGARD, dag(2026, 8, 1), null),
                avvikelse("FK", "Part uteblev", AvvikelseStatus.ESKALERAD, dag(2026, 3, 1), null),
                avvikelse(
                    "FK", "Annat", AvvikelseStatus.AVSLUTAD, dag(2026, 10, 1), dag(2026, 11, 2))),
            NU);

    assertThat(oversikt.oppna()).isEqualTo(3);
    assertThat(oversikt.perStatus())
        .containsExactly(
            new AvvikelseStatistik.Antal("Ny", 1),
            new AvvikelseStatistik.Antal("Under bedömning", 0),
            new AvvikelseStatistik.Antal("Under åtgärd", 1),
            new AvvikelseStatistik.Antal("Eskalerad till styrgrupp", 1));
    assertThat(oversikt.perPart())
        .containsExactly(
            new AvvikelseStatistik.Antal("AF", 2), new AvvikelseStatistik.Antal("FK", 1));
    assertThat(oversikt.perTyp().get(0)).isEqualTo(new AvvikelseStatistik.Antal("Part uteblev", 2));
    assertThat(oversikt.perAlder())
        .containsExactly(
            new AvvikelseStatistik.Antal("0–30 dagar", 1),
            new AvvikelseStatistik.Antal("31–90 dagar", 0),
            new AvvikelseStatistik.Antal("91–180 dagar", 1),
            new AvvikelseStatistik.Antal("Över 180 dagar", 1));
  }

  @Test
  void trendenRaknarNyaOchAvslutadePerManadOchKvartal() {
    var oversikt =
        AvvikelseStatistik.oversikt(
            List.of(
                avvikelse("AF", "A", AvvikelseStatus.NY, dag(2026, 11, 20), null),
                avvikelse("AF", "A", AvvikelseStatus.AVSLUTAD, dag(2026, 10, 1), dag(2026, 11, 2)),
                avvikelse("AF", "A", AvvikelseStatus.NY, dag(2026, 7, 15), null),
                avvikelse("AF", "A", AvvikelseStatus.NY, dag(2024, 1, 15), null)),
            NU);

    assertThat(oversikt.perManad()).hasSize(12);
    assertThat(oversikt.perManad().get(0).period()).isEqualTo("2025-12");
    assertThat(oversikt.perManad().get(11))
        .isEqualTo(new AvvikelseStatistik.Punkt("2026-11", 1, 1));
    assertThat(oversikt.perManad().get(10))
        .isEqualTo(new AvvikelseStatistik.Punkt("2026-10", 1, 0));
    assertThat(oversikt.perKvartal()).hasSize(8);
    assertThat(oversikt.perKvartal().get(0).period()).isEqualTo("2025 K1");
    assertThat(oversikt.perKvartal().get(7))
        .isEqualTo(new AvvikelseStatistik.Punkt("2026 K4", 2, 1));
    assertThat(oversikt.perKvartal().get(6))
        .isEqualTo(new AvvikelseStatistik.Punkt("2026 K3", 1, 0));
  }
}
