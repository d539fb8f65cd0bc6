package se.flerpart.arende;

import java.util.List;

/**
 * A referral as it arrives from the web form, the API or a message. The referring part and
 * handläggare come from the logged-in user, never from the request.
 *
 * @param kon only used with skyddad identitet, where no personnummer tells it (KVINNA, MAN,
 *     ANNAT_OKANT)
 */
public record Aktualisering(
    String personnummer,
    Boolean skyddadIdentitet,
    String kon,
    String insats,
    String skal,
    List<String> behov,
    Boolean bradskande) {}
