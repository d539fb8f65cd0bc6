/** The mail outbox and its sender, mail and PDF templates. */
@ApplicationModule(
    displayName = "Notifiering",
    allowedDependencies = {"gallring"})
package se.flerpart.notifiering;

import org.springframework.modulith.ApplicationModule;
