package se.flerpart.mote;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.flerpart.notifiering.Bilaga;

/**
 * The calendar invitation of one invitee (RFC 5546): METHOD:REQUEST with the invitee as the one
 * ATTENDEE, or METHOD:CANCEL when the meeting is cancelled. The UID stays the same for the meeting
 * and SEQUENCE follows its version, so calendars update the entry instead of adding a new one.
 */
@Component
class KallelseIcs {

  private final Duration langd;

  KallelseIcs(@Value("${flerpart.mote.langd:PT1H30M}") Duration langd) {
    this.langd = langd;
  }

  public Bilaga bilaga(
      Mote mote,
      Kallelse kallelse,
      String arendenummer,
      String organisatorNamn,
      String organisatorEpost,
      String beskrivning,
      Instant nu) {
    boolean installt = mote.status() == MoteStatus.INSTALLT;
    ICalendar kalender = new ICalendar();
    kalender.setProductId("-//Flerpart//Flerpartsmöte//SV");
    kalender.setMethod(installt ? Method.cancel() : Method.request());
    VEvent handelse = new VEvent();
    handelse.setUid(mote.uid());
    handelse.setSequence(mote.sekvens());
    handelse.setDateTimeStamp(Date.from(nu));
    handelse.setDateStart(Date.from(mote.motesTid()));
    handelse.setDateEnd(Date.from(mote.motesTid().plus(langd)));
    handelse.setSummary("Flerpartsmöte – ärende " + arendenummer);
    handelse.setDescription(beskrivning);
    handelse.setLocation(mote.platsText());
    if (mote.videolank() != null) {
      handelse.setUrl(mote.videolank());
    }
    handelse.setStatus(installt ? Status.cancelled() : Status.confirmed());
    handelse.setOrganizer(new Organizer(organisatorNamn, organisatorEpost));
    Attendee deltagare = new Attendee(kallelse.namn(), kallelse.epost());
    deltagare.setParticipationLevel(
        kallelse.kravs() ? ParticipationLevel.REQUIRED : ParticipationLevel.OPTIONAL);
    deltagare.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
    deltagare.setRsvp(!installt);
    handelse.addAttendee(deltagare);
    kalender.addEvent(handelse);
    String text = Biweekly.write(kalender).go();
    return new Bilaga(
        installt ? "avbokning.ics" : "kallelse.ics",
        "text/calendar; charset=UTF-8; method=" + (installt ? "CANCEL" : "REQUEST"),
        text.getBytes(StandardCharsets.UTF_8));
  }
}
