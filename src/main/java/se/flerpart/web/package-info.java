/**
 * The kernel every module may use: error types, the REST API's error answers and a transaction's
 * memory of what it has read. Depends on no other module.
 */
@ApplicationModule(
    displayName = "Webbkärnan",
    allowedDependencies = {})
package se.flerpart.web;

import org.springframework.modulith.ApplicationModule;
