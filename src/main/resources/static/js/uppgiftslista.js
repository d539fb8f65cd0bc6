// The task list page tells the handläggare when the list it shows has changed (a new task, one
// taken or completed by someone else), without reloading by itself: one request at a time waits
// for the change (HEAD /api/uppgifter?vanta=25 with the list's ETag: no body, so no person's name
// is read for it) and the page then offers the updated list.
(() => {
  const ruta = document.getElementById('listan-andrad');
  if (!ruta) {
    return;
  }
  const VANTA_SEKUNDER = 25;
  const adress = ruta.dataset.adress + '&vanta=' + VANTA_SEKUNDER;
  const etag = ruta.dataset.etag;
  const paus = (ms) => new Promise((klar) => setTimeout(klar, ms));

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

  async function bevaka() {
    for (;;) {
      const start = Date.now();
      let svar;
      try {
        svar = await fetch(adress, {
          method: 'HEAD',
          headers: { Accept: 'application/json', 'If-None-Match': etag },
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch (e) {
        // The server is away (a restart): ask again in a while.
        await paus(30000);
        continue;
      }
      if (svar.ok) {
        visa();
        return;
      }
      if (svar.status === 401 || svar.status === 403 || svar.status === 400) {
        // Logged out, or the list can no longer be asked for: the page stays as it is.
        return;
      }
      if (svar.status !== 304 || Date.now() - start < 1000) {
        // An error, or an answer at once (the server lets no more requests wait): not at once again.
        await paus(svar.status === 304 ? 5000 : 30000);
      }
    }
  }

  bevaka();
})();
