/**
 * Reference data: parter, insatser and their beredningsgrupper, avslut categories and their admin
 * page.
 */
@ApplicationModule(
    displayName = "Referensdata",
    allowedDependencies = {"sakerhet", "web"})
package se.flerpart.referens;

import org.springframework.modulith.ApplicationModule;
