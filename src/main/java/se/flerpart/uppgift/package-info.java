/**
 * The task list: user-task jobs stored, claimed, completed; features plug in an UppgiftHandler per
 * user task.
 */
@ApplicationModule(
    displayName = "Uppgiftslistan",
    allowedDependencies = {"gallring", "process", "sakerhet", "web"})
package se.flerpart.uppgift;

import org.springframework.modulith.ApplicationModule;
