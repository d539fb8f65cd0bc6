/**
 * Deviations from the agreed routine: reporting, assessment, action, styrgrupp, the monthly report.
 */
@ApplicationModule(
    displayName = "Avvikelser",
    allowedDependencies = {
      "arende",
      "notifiering",
      "process",
      "referens",
      "sakerhet",
      "uppgift",
      "web"
    })
package se.flerpart.avvikelse;

import org.springframework.modulith.ApplicationModule;
