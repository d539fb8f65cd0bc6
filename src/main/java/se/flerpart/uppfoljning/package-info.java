/** Follow-up of the plan, through mote's plan API. */
@ApplicationModule(
    displayName = "Uppföljning",
    allowedDependencies = {"arende", "gallring", "mote", "referens", "sakerhet", "uppgift"})
package se.flerpart.uppfoljning;

import org.springframework.modulith.ApplicationModule;
