/**
 * The embedded default (in-memory engine, PostgreSQL, Kafka broker, SMTP server) and the demo data.
 * Depends on the rest; nothing depends on it.
 */
@ApplicationModule(displayName = "Inbyggd stack")
package se.flerpart.embedded;

import org.springframework.modulith.ApplicationModule;
