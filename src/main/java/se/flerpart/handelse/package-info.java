/**
 * Kafka in and out. Domain events of the cases leave Flerpart as CloudEvents on {@code
 * flerpart.arende-handelser} (key = case id, no personal data); referrals from the parties' own
 * systems arrive on {@code flerpart.aktualiseringar}, are registered once per message id, and what
 * cannot be registered goes to {@code flerpart.aktualiseringar.DLT} with the reason in a header.
 *
 * <p>This module depends on {@code arende}, {@code sakerhet} and {@code web}; nothing depends on
 * it.
 */
package se.flerpart.handelse;
