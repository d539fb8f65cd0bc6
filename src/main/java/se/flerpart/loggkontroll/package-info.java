/**
 * Loggkontroll: the audit log of personal-data reads for the förbund's dataskyddsombud or security
 * officer (role LOGGGRANSKARE), per person, user and period, with a flag on every read outside the
 * consent scope in force at the time, and an Excel export.
 */
@ApplicationModule(
    displayName = "Loggkontroll",
    allowedDependencies = {"administration", "arende", "sakerhet", "sus", "web"})
package se.flerpart.loggkontroll;

import org.springframework.modulith.ApplicationModule;
