package se.flerpart.mote;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeService;
import se.flerpart.referens.Arbetsdagar;

/**
 * When those who have not answered a kallelse are reminded: at 08:00 a number of working days
 * (Monday–Friday, not public holidays: {@link Arbetsdagar}) before the meeting. A meeting called at
 * shorter notice gets its reminder halfway between now and the meeting.
 */
@Component
class Paminnelsetid {

  private static final LocalTime MORGON = LocalTime.of(8, 0);
  private final int arbetsdagar;

  Paminnelsetid(@Value("${flerpart.kallelse.paminnelse-arbetsdagar:2}") int arbetsdagar) {
    this.arbetsdagar = arbetsdagar;
  }

  public Instant fore(Instant motesTid, Instant nu) {
    LocalDate dag =
        Arbetsdagar.fore(motesTid.atZone(ArendeService.SVERIGE).toLocalDate(), arbetsdagar);
    Instant tid = dag.atTime(MORGON).atZone(ArendeService.SVERIGE).toInstant();
    if (!tid.isAfter(nu)) {
      return nu.plus(Duration.between(nu, motesTid).dividedBy(2));
    }
    return tid;
  }
}
