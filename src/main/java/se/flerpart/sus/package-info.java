/** SUS in- and utregistrering and the export. */
@ApplicationModule(
    displayName = "SUS",
    allowedDependencies = {"arende", "avslut", "gallring", "referens", "sakerhet", "web"})
package se.flerpart.sus;

import org.springframework.modulith.ApplicationModule;
