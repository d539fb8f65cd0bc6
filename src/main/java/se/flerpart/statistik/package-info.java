/**
 * The förbund's statistics: one record per referral fed by the case's events and by imported
 * history, the report tables with their definitions per year and their checks, the quarterly
 * uppföljningsrapport.
 */
@ApplicationModule(
    displayName = "Statistik",
    allowedDependencies = {
      "arende",
      "avslut",
      "beredning",
      "gallring",
      "mote",
      "notifiering",
      "process",
      "referens",
      "sakerhet",
      "uppfoljning",
      "uppgift",
      "web"
    })
package se.flerpart.statistik;

import org.springframework.modulith.ApplicationModule;
