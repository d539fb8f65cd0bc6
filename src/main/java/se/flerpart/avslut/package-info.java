/** The avsluta-arende task and what it records (försörjning, sysselsättning). */
@ApplicationModule(
    displayName = "Avslut",
    allowedDependencies = {"arende", "referens", "sakerhet", "uppgift"})
package se.flerpart.avslut;

import org.springframework.modulith.ApplicationModule;
