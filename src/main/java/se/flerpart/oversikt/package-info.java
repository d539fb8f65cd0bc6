/**
 * Processöversikten: where the open cases stand in the BPMN processes now, how many and for how
 * long, from Flerpart's own records (open tasks and the follow-up day being waited for); and one
 * case's path through the processes, drawn on the case page. No personal data.
 */
@ApplicationModule(
    displayName = "Processöversikt",
    allowedDependencies = {"arende", "process", "referens", "sakerhet", "web"})
package se.flerpart.oversikt;

import org.springframework.modulith.ApplicationModule;
