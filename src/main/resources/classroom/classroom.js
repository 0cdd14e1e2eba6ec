// The classroom pages: no library, nothing fetched but this server's own API.
const Classroom = (() => {
  const $ = id => document.getElementById(id);
  const post = (path, body) => fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
    .then(r => r.json().then(j => ({ok: r.ok, body: j})));
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };

  function ticker(state) {
    const list = $('ticker');
    list.replaceChildren(...state.ticker.slice().reverse().map(l => {
      const li = el('li', l.text);
      if (l.reason) li.appendChild(el('span', ' \u2014 "' + l.reason + '"', 'reason'));
      return li;
    }));
  }

  function clock(state) {
    const left = state.seconds_left >= 0 ? ', ' + state.seconds_left + ' s left' : '';
    $('title').textContent = state.title;
    $('clock').textContent = state.finished ? 'The crisis is over: ' + state.date
      : 'Turn ' + (state.turn + 1) + ' from ' + state.date + ' (' + state.turn_days + ' days a turn' + left + ')';
  }

  function debrief(state) {
    const d = state.debrief, box = $('debrief');
    if (!d) { box.hidden = true; return; }
    box.hidden = false;
    box.replaceChildren(el('h2', 'Debrief: your class against ' + d.runs + ' runs of the model'));
    box.appendChild(el('p', 'Highest rung reached: ' + d.classHighestRungName + '; ' + Math.round(100 * d.shareOfRunsAsHigh)
      + '% of model runs climb as high. Killed: ' + d.classKilled + '; ' + Math.round(100 * d.shareOfRunsWithFewerKilled) + '% of model runs kill fewer.'));
    const ul = el('ul');
    d.thresholds.forEach(t => ul.appendChild(el('li', t.classDay >= 0
      ? t.name + ': your class crossed it on ' + t.classDate + '; ' + Math.round(100 * t.modelShareByThen) + '% of model runs do by then'
      : t.name + ': your class never crossed it; ' + Math.round(100 * t.modelShareEver) + '% of model runs do')));
    box.appendChild(ul);
    if (d.turns.length) {
      box.appendChild(el('h3', 'The decisions that moved the outcome most'));
      const ol = el('ol');
      d.turns.slice(0, 5).forEach(t => ol.appendChild(el('li', 'Turn ' + (t.turn + 1) + ' (' + t.date + ', ' + t.choices + '): with the model choosing instead, '
        + t.killedIfModel + ' killed (' + (t.killedChange >= 0 ? t.killedChange + ' fewer' : (-t.killedChange) + ' more') + ')')));
      box.appendChild(ol);
    }
  }

  function listen(query, render) {
    const refresh = () => fetch('/api/state?' + query).then(r => r.json()).then(render);
    const source = new EventSource('/api/events?' + query);
    source.addEventListener('update', refresh);
    refresh();
  }

  function student() {
    const saved = JSON.parse(sessionStorage.getItem('chair') || 'null');
    const params = new URLSearchParams(location.search);
    if (params.get('code')) $('code').value = params.get('code');
    fetch('/api/chairs').then(r => r.json()).then(chairs => $('actor').replaceChildren(...chairs.map(c => {
      const o = el('option', c.name); o.value = c.actor; return o;
    })));
    let token = null, turn = 0;
    const render = state => {
      clock(state); ticker(state); debrief(state);
      turn = state.turn;
      $('chair').textContent = 'You are ' + state.actor_name;
      $('turnInfo').textContent = state.finished ? 'The crisis is over.' : state.chosen ? 'You have decided; waiting for the others.' : 'Decide for this turn.';
      const s = state.situation;
      $('situation').replaceChildren(el('p', 'Domestic pressure ' + s.pressure.toFixed(2) + '. Weapons: '
        + s.stocks.map(k => k.stock + ' ' + k.weapon).join(', ') + '.'),
        ...s.adversaries.map(a => el('p', a.actor + ': grievance ' + a.grievance.toFixed(2) + ', you believe they retaliate with probability '
          + a.belief_retaliates.toFixed(2) + ' and severity ' + a.believed_severity.toFixed(2))));
      const box = $('options');
      const picked = (box.querySelector('input:checked') || {}).value;
      box.replaceChildren(...state.options.map(o => {
        const label = el('label', null, 'option' + (o.available ? '' : ' unavailable'));
        const input = el('input'); input.type = 'radio'; input.name = 'option'; input.value = o.id; input.disabled = !o.available;
        input.checked = o.id === picked;
        label.append(input, ' ' + o.label + (o.target ? ' \u2192 ' + o.target + ' (' + o.rung + (o.salvo ? ', ' + o.salvo + ' weapons' : '') + ')' : ''));
        return label;
      }));
    };
    const start = t => {
      token = t; $('join').hidden = true; $('play').hidden = false;
      listen('token=' + encodeURIComponent(token), render);
    };
    $('joinButton').onclick = () => post('/api/join', {code: $('code').value.trim().toUpperCase(), actor: $('actor').value, name: $('name').value,
        token: saved && saved.actor === $('actor').value ? saved.token : null})
      .then(r => {
        if (!r.ok) { $('joinError').textContent = r.body.error; return; }
        sessionStorage.setItem('chair', JSON.stringify({actor: r.body.actor, token: r.body.token}));
        start(r.body.token);
      });
    $('chooseButton').onclick = () => {
      const option = ($('options').querySelector('input:checked') || {}).value;
      if (!option) { $('chooseStatus').textContent = 'Pick an option first.'; return; }
      post('/api/choose', {token, turn, option, reason: $('reason').value}).then(r => {
        $('chooseStatus').textContent = r.ok ? 'Decided.' : r.body.error;
        if (r.ok) $('reason').value = '';
      });
    };
  }

  function levels(state) {
    const svg = $('levels'), w = 800, h = 240, max = 8;
    const x = d => 40 + (w - 50) * d / Math.max(1, state.days - 1), y = v => h - 25 - (h - 40) * v / max;
    const points = state.levels.map((v, d) => x(d) + ',' + y(v)).join(' ');
    svg.innerHTML = '<line x1="40" y1="' + y(0) + '" x2="' + (w - 10) + '" y2="' + y(0) + '" stroke="#999"/>'
      + '<polyline fill="none" stroke="#b3261e" stroke-width="3" points="' + points + '"/>'
      + '<text x="40" y="' + (h - 5) + '">' + 'day 1' + '</text><text x="' + (w - 120) + '" y="' + (h - 5) + '">day ' + state.days + '</text>'
      + '<text x="45" y="20">now: ' + state.level_name.replace(/</g, '') + '</text>';
  }

  function instructor() {
    const key = new URLSearchParams(location.search).get('key');
    const command = (c, extra) => post('/api/instructor', Object.assign({key, command: c}, extra || {}))
      .then(r => { $('status').textContent = r.ok ? '' : r.body.error; });
    let built = false;
    const render = state => {
      clock(state); ticker(state); debrief(state); levels(state);
      $('joinInfo').textContent = 'Join at ' + location.host + ' with code ' + state.join_code;
      $('chairs').replaceChildren(...state.chairs.map(c => {
        const tr = el('tr');
        tr.append(el('td', c.name), el('td', c.player ? c.player + (c.connected ? '' : ' (gone: the model decides)') : 'the model'),
          el('td', c.chosen ? 'decided' : 'thinking'));
        return tr;
      }));
      if (!built) {
        built = true;
        state.levers.forEach((l, i) => {
          const input = el('input'); input.type = 'number'; input.step = '0.05'; input.min = l.min; input.max = l.max;
          const b = el('button', 'Set'); b.onclick = () => command('lever', {index: i, value: parseFloat(input.value)});
          const label = el('label', l.name + ' '); label.append(input, b); $('levers').appendChild(label);
        });
        state.shocks.forEach((s, i) => { const b = el('button', 'Fire: ' + s); b.onclick = () => command('shock', {index: i}); $('shocks').appendChild(b); });
      }
    };
    $('close').onclick = () => command('close');
    $('setTimer').onclick = () => command('timer', {value: parseInt($('timer').value, 10)});
    $('rewind').onclick = () => command('rewind', {value: parseInt($('rewindTo').value, 10)});
    $('finish').onclick = () => command('finish');
    listen('key=' + encodeURIComponent(key), render);
  }

  return {student, instructor};
})();
