// The task list page tells the handläggare when the list it shows has changed (a new task, one
// taken or completed by someone else), without reloading by itself: one request at a time waits
// for the change (HEAD /api/uppgifter?vanta=25 with the list's ETag: no body, so no person's name
// is read for it) and the page then offers the updated list.
//
// The waiting request is ended when the page is left. A page left for another is kept by the
// browser (the back/forward cache) with its request still open, and the browser has six
// connections to a server: six list pages within 25 seconds (sorting, filtering, changing view)
// took them all, and the seventh page then waited up to 25 seconds for one. A page shown again
// from that cache starts waiting anew, and is told at once if the list changed meanwhile.
//
// The server is not told that a request it holds has been ended, so each wait has a name
// (X-Vantan-Id) and the page, when left, asks the server to end the wait of that name
// (DELETE /api/uppgifter/vantan/<name>): its place among the server's waiting requests is free at
// once, not when its answer would have been due.
(() => {
  const ruta = document.getElementById('listan-andrad');
  if (!ruta) {
    return;
  }
  const VANTA_SEKUNDER = 25;
  const adress = ruta.dataset.adress + '&vanta=' + VANTA_SEKUNDER;
  const etag = ruta.dataset.etag;
  const paus = (ms) => new Promise((klar) => setTimeout(klar, ms));
  const csrfToken = document.querySelector('meta[name=_csrf]')?.content;
  const csrfHeader = document.querySelector('meta[name=_csrf_header]')?.content;
  // A name no other wait has: 128 random bits (crypto.randomUUID needs HTTPS, which an internal
  // installation may not have).
  const nyttNamn = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');

  function visa() {
    const text = document.createElement('span');
    text.textContent = 'Listan har ändrats sedan sidan visades. ';
    const lank = document.createElement('a');
    lank.href = ruta.dataset.har;
    lank.id = 'visa-andrad-lista';
    lank.textContent = 'Visa den uppdaterade listan';
    ruta.classList.add('info');
    ruta.replaceChildren(text, lank);
  }

  // The current round of waiting: a round ends when the page is left (its request with it), and
  // a new one starts if the page is shown again; an old round that wakes from a pause stops.
  let varv = 0;
  let avbryt = null;
  // The name of the wait the server holds now, if any.
  let vantar = null;

  async function bevaka(mitt) {
    const aktuell = () => mitt === varv;
    while (aktuell()) {
      const start = Date.now();
      let svar;
      avbryt = new AbortController();
      const namn = nyttNamn();
      vantar = namn;
      try {
        svar = await fetch(adress, {
          method: 'HEAD',
          headers: { Accept: 'application/json', 'If-None-Match': etag, 'X-Vantan-Id': namn },
          credentials: 'same-origin',
          cache: 'no-store',
          signal: avbryt.signal,
        });
      } catch (e) {
        // The page was left (its request ended), or the server is away (a restart).
        svar = null;
      }
      if (vantar === namn) {
        vantar = null;
      }
      if (!aktuell()) {
        return;
      }
      if (!svar) {
        // The server is away: ask again in a while.
        await paus(30000);
        continue;
      }
      if (svar.status === 200) {
        visa();
        return;
      }
      if (svar.status === 401 || svar.status === 403 || svar.status === 400) {
        // Logged out, or the list can no longer be asked for: the page stays as it is.
        return;
      }
      if (svar.status !== 304 || Date.now() - start < 1000) {
        // An error, a wait ended by a request to end it (204), or an answer at once (the server
        // lets no more requests wait): not at once again.
        await paus(svar.status === 304 ? 5000 : 30000);
      }
    }
  }

  function borja() {
    varv += 1;
    bevaka(varv);
  }

  // Ends the wait the server holds for this page; the request outlives the page (keepalive).
  function avslutaVantan() {
    const namn = vantar;
    vantar = null;
    if (!namn) {
      return;
    }
    const headers = {};
    if (csrfToken && csrfHeader) {
      headers[csrfHeader] = csrfToken;
    }
    fetch('/api/uppgifter/vantan/' + namn, {
      method: 'DELETE',
      headers,
      credentials: 'same-origin',
      keepalive: true,
    }).catch(() => {});
  }

  window.addEventListener('pagehide', () => {
    varv += 1;
    if (avbryt) {
      avbryt.abort();
    }
    avslutaVantan();
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted && !ruta.querySelector('#visa-andrad-lista')) {
      borja();
    }
  });
  borja();
})();
