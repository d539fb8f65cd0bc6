/**
 * The kernel every module may use: error types and the REST API's error answers. Depends on no
 * other module.
 */
@ApplicationModule(
    displayName = "Webbkärnan",
    allowedDependencies = {})
package se.flerpart.web;

import org.springframework.modulith.ApplicationModule;
