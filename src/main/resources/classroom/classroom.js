// The classroom pages: no library, nothing fetched but this server's own API.
const Classroom = (() => {
  const $ = id => document.getElementById(id);
  const post = (path, body) => fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
    .then(r => r.json().then(j => ({ok: r.ok, body: j})));
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
  const SVG = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs, text) => {
    const e = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text != null) e.textContent = text;
    return e;
  };
  // The rungs' colours, amber at the bottom of the ladder to dark red at the top, as on the console's map.
  const rungColour = (rung, rungs) => {
    const f = rungs > 1 ? (rung - 1) / (rungs - 1) : 1;
    const mix = (a, b) => Math.round(a + (b - a) * f);
    return 'rgb(' + mix(230, 122) + ',' + mix(159, 0) + ',' + mix(0, 25) + ')';
  };

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
    const first = box.hidden;
    box.hidden = false;
    if (first) setTimeout(() => box.scrollIntoView({block: 'start'}), 0);
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
    let busy = false, again = false;
    const refresh = () => {
      if (busy) { again = true; return; }
      busy = true;
      fetch('/api/state?' + query).then(r => r.json()).then(render).finally(() => { busy = false; if (again) { again = false; refresh(); } });
    };
    const source = new EventSource('/api/events?' + query);
    source.addEventListener('update', refresh);
    refresh();
    return source;
  }

  // ------------------------------------------------------------------ the student's page

  function student() {
    const saved = JSON.parse(sessionStorage.getItem('chair') || 'null');
    const params = new URLSearchParams(location.search);
    if (params.get('code')) $('code').value = params.get('code');
    fetch('/api/chairs').then(r => r.json()).then(chairs => {
      $('actor').replaceChildren(...chairs.map(c => { const o = el('option', c.name); o.value = c.actor; return o; }));
      if (saved) $('actor').value = saved.actor;
    });
    let optionsKey = null;
    let token = null, turn = 0, decidedTurn = -1, previewTurn = -1, previewVersion = -1, version = -1;
    const showPreview = () => {
      const box = $('preview');
      const option = ($('options').querySelector('input:checked') || {}).value;
      if (option !== 'model') { box.hidden = true; return; }
      box.hidden = false;
      if (previewTurn === turn && previewVersion === version) return;
      previewTurn = turn; previewVersion = version;
      box.replaceChildren(el('p', 'Asking the model\u2026'));
      fetch('/api/preview?token=' + encodeURIComponent(token)).then(r => r.json()).then(p => {
        if (p.error) { box.replaceChildren(el('p', p.error, 'error')); return; }
        const head = el('h4', 'If you let the model decide, over the ' + p.days + ' days of this turn its rules would have ' + state.actor_name + ':');
        const items = p.lines.length ? p.lines.map(l => {
          const li = el('li'); li.append(el('b', l.date + ' '), l.what + '. ');
          if (l.why) li.append(el('span', 'Why: ' + l.why + '.', 'why'));
          return li;
        }) : [el('li', 'take no action: nothing it has been through this turn moves its rules to act.')];
        const ul = el('ul'); ul.replaceChildren(...items);
        box.replaceChildren(head, ul, el('p', 'This is what the rules would do if the other chairs keep their choices as they stand now.', 'note'));
      });
    };
    let state = {};
    const render = s => {
      state = s;
      clock(s); ticker(s); debrief(s);
      if (s.turn > decidedTurn) $('chooseStatus').textContent = '';
      turn = s.turn; version = s.version;
      $('chair').textContent = 'You are ' + s.actor_name;
      $('turnInfo').textContent = s.finished ? 'The crisis is over.' : s.chosen ? 'You have decided; waiting for the others.' : 'Decide for this turn.';
      $('turnInfo').className = s.chosen || s.finished ? 'waiting' : 'your-turn';
      const k = s.situation;
      const knows = el('div');
      knows.append(el('p', 'Domestic pressure ' + k.pressure.toFixed(2) + ' (0: none; it rises with the harm you take). Weapons: '
        + (k.stocks.length ? k.stocks.map(w => w.stock + ' ' + w.weapon).join(', ') : 'none') + '.'));
      const table = el('table', null, 'knows');
      const head = el('tr');
      ['Adversary', 'Your grievance', 'They retaliate (your belief)', 'How hard'].forEach(h => head.append(el('th', h)));
      table.append(head);
      k.adversaries.forEach(a => {
        const tr = el('tr');
        tr.append(el('td', a.actor), el('td', a.grievance.toFixed(2)), el('td', Math.round(100 * a.belief_retaliates) + '%'),
          el('td', a.believed_severity.toFixed(2)));
        table.append(tr);
      });
      knows.append(table);
      $('knows').replaceChildren(knows);
      const done = el('ul');
      if (!k.done_to_you.length) done.append(el('li', 'Nothing yet.'));
      k.done_to_you.slice().reverse().forEach(l => done.append(el('li', l.text)));
      $('doneToYou').replaceChildren(done);
      const box = $('options');
      const picked = (box.querySelector('input:checked') || {}).value;
      // Rebuilt only when the options change, so that a click is never lost to an update of the page.
      const key = JSON.stringify([s.turn, s.finished, s.options]);
      if (key !== optionsKey) box.replaceChildren(...s.options.map(o => {
        const label = el('label', null, 'option' + (o.available ? '' : ' unavailable') + (o.id === 'model' ? ' model' : ''));
        const input = el('input'); input.type = 'radio'; input.name = 'option'; input.value = o.id; input.disabled = !o.available || s.finished;
        input.checked = o.id === picked;
        input.onchange = showPreview;
        const text = el('span', null, 'option-text');
        text.append(el('span', o.label, 'option-label'));
        if (o.target) text.append(el('span', o.rung + ' \u00b7 at ' + o.target + (o.salvo ? ' \u00b7 ' + o.salvo + ' weapons' : '')
          + (o.available ? '' : ' \u00b7 no weapons left'), 'option-detail'));
        label.append(input, text);
        return label;
      }));
      optionsKey = key;
      $('chooseButton').disabled = s.finished;
      $('decision').hidden = s.finished;
      showPreview();
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
      const forTurn = turn;
      post('/api/choose', {token, turn: forTurn, option, reason: $('reason').value}).then(r => {
        if (r.ok) decidedTurn = forTurn;
        $('chooseStatus').textContent = r.ok ? (r.body.turn > forTurn ? 'Decided; the turn is over.' : 'Decided for turn ' + (forTurn + 1) + '.') : r.body.error;
        if (r.ok) $('reason').value = '';
      });
    };
  }

  // ------------------------------------------------------------------ the projector's page

  function chart(id, title, values, opts) {
    const box = $(id), w = 600, h = 160, left = opts.left || 46, bottom = 28, top = 30;
    const max = Math.max(opts.max || 1, ...values.map(v => v || 0));
    const n = Math.max(2, opts.length);
    const x = i => left + (w - left - 12) * i / (n - 1), y = v => h - bottom - (h - bottom - top) * v / max;
    const g = svg('svg', {viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': title, class: 'chart'});
    g.append(svg('text', {x: 4, y: 20, class: 'chart-title'}, title));
    g.append(svg('line', {x1: left, y1: y(0), x2: w - 12, y2: y(0), stroke: '#888'}));
    g.append(svg('line', {x1: left, y1: y(0), x2: left, y2: top, stroke: '#888'}));
    (opts.ticks || [0, max]).forEach(t => {
      g.append(svg('text', {x: left - 6, y: y(t.v !== undefined ? t.v : t) + 5, 'text-anchor': 'end', class: 'tick'}, t.label !== undefined ? t.label : t));
      g.append(svg('line', {x1: left, y1: y(t.v !== undefined ? t.v : t), x2: w - 12, y2: y(t.v !== undefined ? t.v : t), stroke: '#e3e3e3'}));
    });
    g.append(svg('text', {x: left, y: h - 6, class: 'tick'}, opts.first));
    g.append(svg('text', {x: w - 12, y: h - 6, 'text-anchor': 'end', class: 'tick'}, opts.last));
    if (opts.bars) {
      const bw = Math.max(2, (w - left - 12) / n - 2);
      values.forEach((v, i) => g.append(svg('rect', {x: x(i) - bw / 2, y: y(v), width: bw, height: y(0) - y(v), fill: opts.colour})));
    } else if (values.length) {
      g.append(svg('polyline', {fill: 'none', stroke: opts.colour, 'stroke-width': 3, points: values.map((v, i) => x(i) + ',' + y(v)).join(' ')}));
    }
    box.replaceChildren(g);
  }

  function charts(state) {
    const days = state.days, rungs = state.rungs;
    const step = Math.ceil(rungs.length / 4), ticks = [];
    for (let v = 0; v <= rungs.length; v += step) ticks.push(v);
    chart('levelChart', 'Escalation rung, day by day (now: ' + state.level_name + ')', state.levels,
      {length: days, max: rungs.length, ticks, colour: '#b3261e', first: 'day 1', last: 'day ' + days, left: 34});
    const weeks = Math.ceil(days / 7), attacks = new Array(Math.ceil(state.levels.length / 7)).fill(0);
    const killed = new Array(state.levels.length).fill(0);
    state.strikes.forEach(s => { attacks[Math.floor(s.day / 7)]++; if (s.day < killed.length) killed[s.day] += s.killed; });
    for (let d = 1; d < killed.length; d++) killed[d] += killed[d - 1];
    const top = v => { const m = Math.max(1, ...v); return [0, m]; };
    chart('attackChart', 'Attacks per week', attacks, {length: weeks, bars: true, colour: '#0072b2', ticks: top(attacks), first: 'week 1', last: 'week ' + weeks});
    chart('killedChart', 'People killed, in all', killed, {length: days, colour: '#444', ticks: top(killed), first: 'day 1', last: 'day ' + days});
  }

  let geometry = null;
  function drawMapBase(g) {
    const box = $('map');
    const root = svg('svg', {viewBox: '0 0 ' + g.width + ' ' + g.height, role: 'img', 'aria-label': 'map of the region', class: 'map'});
    const defs = svg('defs');
    const marker = svg('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse'});
    marker.append(svg('path', {d: 'M0 0 L10 5 L0 10 z', fill: 'context-stroke'}));
    defs.append(marker);
    root.append(defs);
    const layer = (l, id) => {
      const s = svg('svg', {x: l.x, y: l.y, width: l.width, height: l.height, viewBox: '0 0 ' + l.width + ' ' + l.height, id});
      s.append(svg('rect', {width: l.width, height: l.height, class: 'sea'}));
      l.land.forEach(d => s.append(svg('path', {d, class: 'land', 'fill-rule': 'evenodd'})));
      s.append(svg('path', {d: l.coast, class: 'coast'}));
      s.append(svg('path', {d: l.borders, class: 'border'}));
      return s;
    };
    root.append(layer(g.main, 'mainLayer'));
    if (g.inset) {
      root.append(layer(g.inset, 'insetLayer'));
      root.append(svg('rect', {x: g.inset.x, y: g.inset.y, width: g.inset.width, height: g.inset.height, class: 'inset-frame'}));
    }
    root.append(svg('g', {id: 'strikes'}));
    g.actors.forEach(a => {
      root.append(svg('circle', {cx: a.x, cy: a.y, r: 9, fill: a.colour, class: 'actor'}));
    });
    box.replaceChildren(root);
    const taken = [];
    const clear = b => taken.every(t => b.x + b.width < t.x || t.x + t.width < b.x || b.y + b.height < t.y || t.y + t.height < b.y);
    const inside = b => b.x >= 2 && b.y >= 2 && b.x + b.width <= g.width - 2 && b.y + b.height <= g.height - 2;
    g.actors.forEach(a => taken.push({x: a.x - 9, y: a.y - 9, width: 18, height: 18}));
    taken.push({x: 0, y: 0, width: 560, height: 70}, {x: g.width - 330, y: g.height - 20, width: 330, height: 20});
    // Each actor's name goes right of its disc, else left, above or below, nudged until it covers no other name or disc.
    g.actors.forEach(a => {
      const label = svg('text', {x: a.x + 13, y: a.y + 6, class: 'actor-label'}, a.name);
      root.append(label);
      const w = label.getBBox().width, h = 20;
      const spots = [];
      for (const dy of [0, -18, 18, -36, 36, -54, 54]) {
        spots.push([a.x + 13, a.y + 6 + dy, 'start'], [a.x - 13, a.y + 6 + dy, 'end']);
      }
      spots.push([a.x, a.y - 14, 'middle'], [a.x, a.y + 26, 'middle']);
      const box = ([x, y, anchor]) => ({x: anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2, y: y - 15, width: w, height: h});
      const spot = spots.find(p => inside(box(p)) && clear(box(p))) || spots.find(p => inside(box(p))) || spots[0];
      label.setAttribute('x', spot[0]); label.setAttribute('y', spot[1]); label.setAttribute('text-anchor', spot[2]);
      taken.push(box(spot));
    });
    // Country names last, where they cover nothing placed before them.
    [[g.main, 'main'], [g.inset, 'inset']].forEach(([l]) => l && l.names.forEach(n => {
      const t = svg('text', {x: l.x + n.x, y: l.y + n.y, 'text-anchor': 'middle', class: 'country'}, n.name);
      root.insertBefore(t, $('strikes'));
      const b = t.getBBox();
      if (!clear(b) || !inside(b) || (l === g.main && g.inset && !(b.x + b.width < g.inset.x || b.x > g.inset.x + g.inset.width
          || b.y + b.height < g.inset.y || b.y > g.inset.y + g.inset.height))) t.remove();
      else taken.push(b);
    }));
    root.append(svg('text', {x: 10, y: 34, id: 'mapDate', class: 'map-date'}, ''));
    root.append(svg('text', {x: 10, y: 62, id: 'mapRung', class: 'map-rung'}, ''));
    root.append(svg('text', {x: g.width - 6, y: g.height - 6, 'text-anchor': 'end', class: 'credit'}, g.attribution));
  }

  function drawStrikes(state) {
    if (!geometry) return;
    const at = Object.fromEntries(geometry.actors.map(a => [a.actor, a]));
    const layer = $('strikes');
    const from = Math.max(0, state.day - state.turn_days);
    const recent = state.strikes.filter(s => s.day >= from && at[s.actor] && at[s.target]);
    layer.replaceChildren(...recent.map(s => {
      const a = at[s.actor], b = at[s.target];
      const mx = (a.x + b.x) / 2 - (b.y - a.y) * 0.15, my = (a.y + b.y) / 2 + (b.x - a.x) * 0.15;
      const age = state.day - s.day, opacity = Math.max(0.35, 1 - age / (state.turn_days + 1));
      return svg('path', {d: 'M' + a.x + ' ' + a.y + ' Q' + mx + ' ' + my + ' ' + b.x + ' ' + b.y, fill: 'none',
        stroke: rungColour(s.rung, state.rungs.length), 'stroke-width': s.hit ? 4 : 2.5, 'stroke-dasharray': s.hit ? '' : '8 6',
        opacity, 'marker-end': 'url(#arrow)', class: 'strike'});
    }));
    $('mapDate').textContent = state.date;
    $('mapRung').textContent = 'Today: ' + state.level_name + ' \u00b7 ' + recent.length + ' strikes in the last ' + state.turn_days + ' days';
  }

  function instructor() {
    const key = new URLSearchParams(location.search).get('key');
    const command = (c, extra) => post('/api/instructor', Object.assign({key, command: c}, extra || {}))
      .then(r => { $('status').textContent = r.ok ? '' : r.body.error; });
    let built = false;
    fetch('/api/map').then(r => r.json()).then(m => {
      if (!m.geographic) { $('mapCard').hidden = true; return; }
      geometry = m.map; drawMapBase(geometry);
      if (last) drawStrikes(last);
    });
    let last = null;
    const render = state => {
      last = state;
      clock(state); ticker(state); debrief(state); charts(state); drawStrikes(state);
      $('joinInfo').textContent = 'Join at ' + location.host + ' with code ' + state.join_code;
      $('chairs').replaceChildren(...state.chairs.map(c => {
        const tr = el('tr');
        tr.append(el('td', c.name), el('td', c.player ? c.player + (c.connected ? '' : ' (gone: the model decides)') : 'the model'),
          el('td', state.finished ? '' : c.chosen ? 'decided' : c.player && c.connected ? 'thinking' : '', c.chosen ? 'decided' : ''));
        return tr;
      }));
      $('rewindTo').max = state.turn;
      if (!built) {
        built = true;
        state.levers.forEach((l, i) => {
          const input = el('input'); input.type = 'number'; input.step = String(l.step || 0.05); input.min = l.min; input.max = l.max;
          input.id = 'lever-' + i;
          const b = el('button', 'Set'); b.onclick = () => command('lever', {index: i, value: parseFloat(input.value)});
          const label = el('label', l.name + ' (' + l.min + ' to ' + l.max + ') '); label.append(input, b);
          if (l.meaning) label.title = l.meaning;
          $('levers').appendChild(label);
        });
        state.shocks.forEach((s, i) => { const b = el('button', 'Fire: ' + s); b.onclick = () => command('shock', {index: i}); $('shocks').appendChild(b); });
      }
      // Each lever shows its value now (the scenario's, or the last one set), except while it is being typed in.
      state.levers.forEach((l, i) => { const input = $('lever-' + i); if (input && document.activeElement !== input) input.value = l.value; });
    };
    $('close').onclick = () => command('close');
    $('setTimer').onclick = () => command('timer', {value: parseInt($('timer').value, 10)});
    $('rewind').onclick = () => command('rewind', {value: parseInt($('rewindTo').value, 10)});
    $('finish').onclick = () => command('finish');
    listen('key=' + encodeURIComponent(key), render);
  }

  return {student, instructor};
})();
