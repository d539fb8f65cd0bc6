/** One job worker per job type of the BPMN; thin, idempotent, calling the modules' services. */
@ApplicationModule(
    displayName = "Jobbarbetare",
    allowedDependencies = {
      "arende",
      "avvikelse",
      "beredning",
      "mote",
      "statistik",
      "sus",
      "uppfoljning"
    })
package se.flerpart.workers;

import org.springframework.modulith.ApplicationModule;
