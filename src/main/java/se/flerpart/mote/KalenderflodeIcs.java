package se.flerpart.mote;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Status;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.flerpart.arende.ArendeService;
import se.flerpart.beredning.Beredningsmoten;

/**
 * The personal feed as iCalendar text: one VEVENT per meeting with the kallelse's UID and SEQUENCE,
 * times in Europe/Stockholm, place, case number and a link to the case page; and one per coming
 * beredningsmöte of the user's beredningsgrupper (insats, time, place, link to the view). It is
 * fetched without login, so it never carries the person's name, the syfte or anything else
 * personal.
 */
@Component
class KalenderflodeIcs {

  private final Duration langd;
  private final String basUrl;

  KalenderflodeIcs(
      @Value("${flerpart.mote.langd:PT1H30M}") Duration langd,
      @Value("${flerpart.bas-url}") String basUrl) {
    this.langd = langd;
    this.basUrl = basUrl.endsWith("/") ? basUrl.substring(0, basUrl.length() - 1) : basUrl;
  }

  String skriv(
      List<Mote> moten,
      Map<UUID, String> arendenummer,
      List<Beredningsmoten.Kommande> beredningsmoten,
      Instant nu) {
    ICalendar kalender = new ICalendar();
    kalender.setProductId("-//Flerpart//Mina möten//SV");
    kalender.setExperimentalProperty("X-WR-CALNAME", "Flerpart – mina möten");
    kalender.setExperimentalProperty("X-WR-TIMEZONE", ArendeService.SVERIGE.getId());
    kalender.getTimezoneInfo().setDefaultTimezone(sverige());
    for (Mote mote : moten) {
      String nummer = arendenummer.getOrDefault(mote.arendeId(), "");
      String lank = basUrl + "/arenden/" + mote.arendeId();
      VEvent handelse = new VEvent();
      handelse.setUid(mote.uid());
      handelse.setSequence(mote.sekvens());
      handelse.setDateTimeStamp(Date.from(nu));
      handelse.setDateStart(Date.from(mote.motesTid()));
      handelse.setDateEnd(Date.from(mote.motesTid().plus(langd)));
      handelse.setSummary("Flerpartsmöte, ärende " + nummer);
      handelse.setLocation(mote.platsText());
      handelse.setUrl(lank);
      handelse.setDescription("Ärende " + nummer + " i Flerpart: " + lank);
      handelse.setStatus(
          mote.status() == MoteStatus.INSTALLT ? Status.cancelled() : Status.confirmed());
      kalender.addEvent(handelse);
    }
    for (Beredningsmoten.Kommande b : beredningsmoten) {
      String lank = basUrl + "/beredningsmote/" + b.insats();
      VEvent handelse = new VEvent();
      handelse.setUid("beredningsmote-" + b.insats() + "-" + b.datum() + "@flerpart");
      handelse.setDateTimeStamp(Date.from(nu));
      handelse.setDateStart(Date.from(b.tid()));
      handelse.setDateEnd(Date.from(b.tid().plus(langd)));
      handelse.setSummary("Beredningsmöte, " + b.insatsnamn());
      handelse.setLocation(b.plats());
      handelse.setUrl(lank);
      handelse.setDescription("Beredningsmötet i Flerpart: " + lank);
      handelse.setStatus(Status.confirmed());
      kalender.addEvent(handelse);
    }
    return Biweekly.write(kalender).go();
  }

  /** Swedish time as a VTIMEZONE of its own: CET/CEST, changing on the last Sundays. */
  private static TimezoneAssignment sverige() {
    VTimezone zon = new VTimezone(ArendeService.SVERIGE.getId());
    StandardTime vinter = new StandardTime();
    vinter.setDateStart(new biweekly.util.DateTimeComponents(1996, 10, 27, 3, 0, 0, false));
    vinter.setTimezoneOffsetFrom(new UtcOffset(true, 2, 0));
    vinter.setTimezoneOffsetTo(new UtcOffset(true, 1, 0));
    vinter.setRecurrenceRule(
        new Recurrence.Builder(Frequency.YEARLY).byMonth(10).byDay(-1, DayOfWeek.SUNDAY).build());
    vinter.addTimezoneName("CET");
    DaylightSavingsTime sommar = new DaylightSavingsTime();
    sommar.setDateStart(new biweekly.util.DateTimeComponents(1981, 3, 29, 2, 0, 0, false));
    sommar.setTimezoneOffsetFrom(new UtcOffset(true, 1, 0));
    sommar.setTimezoneOffsetTo(new UtcOffset(true, 2, 0));
    sommar.setRecurrenceRule(
        new Recurrence.Builder(Frequency.YEARLY).byMonth(3).byDay(-1, DayOfWeek.SUNDAY).build());
    sommar.addTimezoneName("CEST");
    zon.addStandardTime(vinter);
    zon.addDaylightSavingsTime(sommar);
    return new TimezoneAssignment(TimeZone.getTimeZone(ArendeService.SVERIGE), zon);
  }
}
