/**
 * Aktualisering, samtycke, personnummer, the consent-scope access check and audit; the case page,
 * to which features add an ArendeSektion.
 */
@ApplicationModule(
    displayName = "Ärende",
    allowedDependencies = {
      "gallring",
      "notifiering",
      "process",
      "referens",
      "sakerhet",
      "uppgift",
      "web"
    })
package se.flerpart.arende;

import org.springframework.modulith.ApplicationModule;
