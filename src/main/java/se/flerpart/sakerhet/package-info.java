/** Users, login and the frame every page shares (who is logged in, the embedded-stack banner). */
@ApplicationModule(
    displayName = "Säkerhet",
    allowedDependencies = {"web"})
package se.flerpart.sakerhet;

import org.springframework.modulith.ApplicationModule;
