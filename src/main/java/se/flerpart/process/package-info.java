/**
 * Deployment of processes/ and forms/, the one way to tell the engine something (MessagePublisher)
 * and the application's clock.
 */
@ApplicationModule(
    displayName = "Process",
    allowedDependencies = {})
package se.flerpart.process;

import org.springframework.modulith.ApplicationModule;
