/** The beredningsgrupp's tasks: bered-arende and komplettera-aktualisering. */
@ApplicationModule(
    displayName = "Beredning",
    allowedDependencies = {"arende", "sakerhet", "uppgift"})
package se.flerpart.beredning;

import org.springframework.modulith.ApplicationModule;
