/**
 * Kafka in and out. Domain events of the cases leave Flerpart as CloudEvents on {@code
 * flerpart.arende-handelser} (key = case id, no personal data), deviations on {@code
 * flerpart.avvikelser}; referrals from the parties' own systems arrive on {@code
 * flerpart.aktualiseringar}, are registered once per message id, and what cannot be registered goes
 * to {@code flerpart.aktualiseringar.DLT} with the reason in a header. Nothing depends on it.
 */
@ApplicationModule(
    displayName = "Händelser (Kafka)",
    allowedDependencies = {"arende", "avvikelse", "sakerhet", "web"})
package se.flerpart.handelse;

import org.springframework.modulith.ApplicationModule;
