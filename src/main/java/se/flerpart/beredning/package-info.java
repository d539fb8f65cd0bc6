/** The beredningsgrupp's tasks: bered-arende and komplettera-aktualisering. */
@ApplicationModule(
    displayName = "Beredning",
    allowedDependencies = {
      "arende",
      "gallring",
      "notifiering",
      "process",
      "referens",
      "sakerhet",
      "uppgift",
      "web"
    })
package se.flerpart.beredning;

import org.springframework.modulith.ApplicationModule;
