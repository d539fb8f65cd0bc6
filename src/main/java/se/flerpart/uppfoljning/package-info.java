/** Follow-up of the plan, through mote's plan API. */
@ApplicationModule(
    displayName = "Uppföljning",
    allowedDependencies = {
      "arende",
      "gallring",
      "mote",
      "process",
      "referens",
      "sakerhet",
      "uppgift",
      "web"
    })
package se.flerpart.uppfoljning;

import org.springframework.modulith.ApplicationModule;
