package se.flerpart.beredning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import se.flerpart.arende.ArendeService;

/** The meeting days of a schedule and the agenda's send time, counted in working days. */
class MotesschemaTest {

  private final Motesschema varannan =
      new Motesschema("x", LocalDate.of(2026, 12, 10), LocalTime.of(9, 0), 2, null);

  @Test
  void nastaMoteFoljerIntervallet() {
    assertThat(varannan.forstaFran(LocalDate.of(2026, 12, 1))).isEqualTo("2026-12-10");
    assertThat(varannan.forstaFran(LocalDate.of(2026, 12, 10))).isEqualTo("2026-12-10");
    assertThat(varannan.forstaFran(LocalDate.of(2026, 12, 11))).isEqualTo("2026-12-24");
    assertThat(varannan.forstaFran(LocalDate.of(2026, 12, 24))).isEqualTo("2026-12-24");
    assertThat(varannan.forstaFran(LocalDate.of(2026, 12, 25))).isEqualTo("2027-01-07");
    // During the meeting day, before 09:00 it is the next meeting; after, the one two weeks on.
    assertThat(varannan.nasta(tid("2026-12-10T08:59"))).isEqualTo("2026-12-10");
    assertThat(varannan.nasta(tid("2026-12-10T09:30"))).isEqualTo("2026-12-24");
    assertThat(varannan.aktuellt(tid("2026-12-10T09:30"))).isEqualTo("2026-12-10");
    assertThat(varannan.foregaende(LocalDate.of(2026, 12, 24)))
        .contains(LocalDate.of(2026, 12, 10));
    assertThat(varannan.foregaende(LocalDate.of(2026, 12, 10))).isEmpty();
  }

  @Test
  void dagordningenGarTvaArbetsdagarFore() {
    // Thursday's meeting: Tuesday 00:00; Monday's: the Thursday before.
    assertThat(Motesschema.utskick(LocalDate.of(2026, 12, 10), 2))
        .isEqualTo(tid("2026-12-08T00:00"));
    assertThat(Motesschema.utskick(LocalDate.of(2026, 12, 14), 2))
        .isEqualTo(tid("2026-12-10T00:00"));
    assertThat(Motesschema.utskick(LocalDate.of(2026, 12, 14), 0))
        .isEqualTo(tid("2026-12-14T00:00"));
  }

  private static java.time.Instant tid(String lokal) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(lokal), ArendeService.SVERIGE)
        .toInstant();
  }
}
