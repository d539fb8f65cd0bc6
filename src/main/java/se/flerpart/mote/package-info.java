/** Kallelse with calendar invitations and answer links, the meeting, the gemensam plan. */
@ApplicationModule(
    displayName = "Flerpartsmöte",
    allowedDependencies = {
      "arende",
      "beredning",
      "gallring",
      "notifiering",
      "process",
      "referens",
      "sakerhet",
      "uppgift",
      "web"
    })
package se.flerpart.mote;

import org.springframework.modulith.ApplicationModule;
