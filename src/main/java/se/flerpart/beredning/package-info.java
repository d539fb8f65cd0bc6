/** The beredningsgrupp's tasks: bered-arende and komplettera-aktualisering. */
@ApplicationModule(
    displayName = "Beredning",
    allowedDependencies = {"arende", "gallring", "sakerhet", "uppgift"})
package se.flerpart.beredning;

import org.springframework.modulith.ApplicationModule;
