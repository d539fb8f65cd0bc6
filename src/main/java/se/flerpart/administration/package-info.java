/**
 * The administrator's pages and API: users, parter, insatser with their beredningsgrupper,
 * avvikelsetyper, the reassignment of an inactive user's tasks, and the admin log of every change.
 */
@ApplicationModule(
    displayName = "Administration",
    allowedDependencies = {
      "avvikelse",
      "beredning",
      "gallring",
      "referens",
      "sakerhet",
      "statistik",
      "sus",
      "uppgift",
      "web"
    })
package se.flerpart.administration;

import org.springframework.modulith.ApplicationModule;
