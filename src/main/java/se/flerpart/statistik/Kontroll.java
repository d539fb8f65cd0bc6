package se.flerpart.statistik;

import java.util.List;

/**
 * A check shown with a report: either the table's own arithmetic (sub-rows within their parent, K +
 * M + annat = totalt, shares at most 100 %, every closed participant in exactly one avslut row) or
 * a data problem (closed without avslutsorsak, active longer than the insats allows, avslut before
 * start, missing kön). A failed check is a visible warning, never a silent correction.
 *
 * @param id a fixed id, e.g. {@code summa-kon} or {@code utan-avslutsorsak}
 * @param beskrivning what is checked, in Swedish
 * @param godkand whether the check passed
 * @param meddelande the Swedish warning when it did not, otherwise null
 * @param arenden the case numbers (or import rows) concerned; never personal data
 */
public record Kontroll(
    String id, String beskrivning, boolean godkand, String meddelande, List<String> arenden) {}
