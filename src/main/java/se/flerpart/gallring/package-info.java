/**
 * Gallring: a set time after a case has ended (per insats, else flerpart.gallring.efter), a
 * scheduled job has every module that keeps the case's personal data remove it (each implements
 * Gallringsbar), and later removes the case's rows of the audit log.
 */
@ApplicationModule(
    displayName = "Gallring",
    allowedDependencies = {"process", "referens"})
package se.flerpart.gallring;

import org.springframework.modulith.ApplicationModule;
