'use strict';
// The leadership dashboard: renders what kpi-service's API returns for the filters in the URL. The
// bearer token comes once in the fragment (#token=...), moves to sessionStorage and leaves the URL;
// it never travels in a query string, so it reaches no server log. Where the firm's identity provider
// signs users in to the dashboard, the token is the access token of the user's session instead.
(function () {
  const TOKEN_KEY = 'lanes.token';
  const KINDS = ['ops', 'pm', 'shared'];
  const FILTERS = ['from', 'to', 'practiceArea', 'matterType', 'team'];
  const TREND_MONTHS = 6;
  const shown = { scorecards: {}, filters: {} };

  if (location.hash.startsWith('#token=')) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(location.hash.substring('#token='.length)));
    history.replaceState(null, '', location.pathname + location.search);
  }
  let token = sessionStorage.getItem(TOKEN_KEY);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined) node.setAttribute(name, value);
    });
    children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  function notice(message) {
    const box = document.getElementById('notice');
    box.replaceChildren(...message);
    box.hidden = false;
    document.getElementById('board').hidden = true;
  }

  const SIGN_IN = [el('h2', {}, 'Sign in to see the scorecards'),
    el('p', {}, 'Open the dashboard address that deploy/local/run prints: it carries a leadership token. ' +
      'Where your firm\'s identity provider signs you in, reload this page to sign in again.')];
  const NOT_LEADERSHIP = [el('h2', {}, 'This dashboard is for the firm\'s leadership'),
    el('p', {}, 'Your sign-in does not have the leadership role, which the firm-wide scorecards and the diagnosis need. ' +
      'Project managers see their matters in their work queue; ask an administrator if you should have access.')];

  class Refused extends Error {
    constructor(status) { super('HTTP ' + status); this.status = status; }
  }

  // The signed-in session's access token (GET /dashboard/session), or null: no identity provider signs in
  // to this dashboard (204), or the session is over (a redirect to the provider, not followed here; the
  // page's next load signs in again).
  async function sessionToken() {
    const response = await fetch('/dashboard/session', { headers: { Accept: 'application/json' }, redirect: 'manual' });
    if (response.status !== 200) return null;
    const session = await response.json();
    sessionStorage.setItem(TOKEN_KEY, session.accessToken);
    return session.accessToken;
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
    if (response.status === 401 || response.status === 403) throw new Refused(response.status);
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || ('HTTP ' + response.status));
    }
    return response.json();
  }

  function currentFilters() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    FILTERS.forEach(name => { if (params.get(name)) filters[name] = params.get(name); });
    return filters;
  }

  function query(filters, extra) {
    const params = new URLSearchParams();
    Object.entries(Object.assign({}, filters, extra || {})).forEach(([k, v]) => { if (v) params.set(k, v); });
    const text = params.toString();
    return text ? '?' + text : '';
  }

  // The names docs/kpis.md gives the KPIs; a key the page does not know yet is spelled out from its camelCase.
  const NAMES = {
    intakeToOpenHours: 'Intake to open', dataCompletenessRate: 'Complete first submissions',
    sopAdoptionRate: 'Standard playbook adoption', handoffReworkRate: 'Handoffs sent back',
    billingTimelinessRate: 'Time entered on time', reportDeliveryRate: 'Reports delivered on time',
    attorneyAdminHours: 'Attorney admin hours a week', onTimeMilestoneRate: 'Milestones on time',
    overdueTaskRate: 'Overdue tasks', budgetVariancePct: 'Budget variance to plan',
    onTimeStatusUpdateRate: 'Status updates on time', escalationResolutionHours: 'Escalation resolution',
    cycleTimeVsPlan: 'Cycle time against plan', missedDeadlineRate: 'Missed deadlines',
    clientSatisfaction: 'Client satisfaction', processWriteDowns: 'Write-downs from process failures',
    throughputPerAttorney: 'Matters closed per attorney',
  };

  function label(key) {
    if (NAMES[key]) return NAMES[key];
    const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function format(value, unit) {
    if (value === null || value === undefined) return 'no data';
    const n = Number(value);
    switch (unit) {
      case 'ratio': return (n * 100).toFixed(1) + ' %';
      case 'percent': return n.toFixed(1) + ' %';
      case 'hours': return n.toFixed(1) + ' h';
      case 'count': return n.toFixed(0);
      case 'amount': return n.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      default: return String(value) + (unit ? ' ' + unit : '');
    }
  }

  const STATUS = { ON_TARGET: 'On target', OFF_TARGET: 'Off target', NO_DATA: 'No data' };

  function sparkline(series) {
    // A point without data has no value (null or absent).
    const values = (series ? series.points : []).map(p => p.value == null ? null : Number(p.value));
    const known = values.filter(v => v !== null);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('width', '160');
    svg.setAttribute('height', '28');
    svg.setAttribute('role', 'img');
    const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    title.textContent = 'Trend by month: ' + (series ? series.points.map(p => p.from.substring(0, 7) + ' ' +
      format(p.value, series.unit)).join(', ') : 'none');
    svg.append(title);
    svg.setAttribute('aria-label', title.textContent);
    if (known.length > 1) {
      const min = Math.min(...known), max = Math.max(...known), span = max - min || 1;
      const step = 156 / Math.max(1, values.length - 1);
      const points = values.map((v, i) => v === null ? null : (2 + i * step).toFixed(1) + ',' +
        (26 - ((v - min) / span) * 24).toFixed(1)).filter(p => p !== null).join(' ');
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
      line.setAttribute('points', points);
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', '#0b57d0');
      line.setAttribute('stroke-width', '2');
      svg.append(line);
    }
    return svg;
  }

  function renderScorecard(kind, scorecard, trend) {
    const series = {};
    (trend ? trend.series : []).forEach(s => { series[s.key] = s; });
    const list = document.getElementById(kind);
    list.replaceChildren(...scorecard.kpis.map(kpi => el('li', {
        class: 'kpi ' + kpi.status, 'data-key': kpi.key, 'data-value': kpi.value === null ? '' : String(kpi.value) },
      el('h3', {}, label(kpi.key)),
      el('p', { class: 'value' }, format(kpi.value, kpi.unit)),
      el('p', { class: 'status' }, STATUS[kpi.status] || kpi.status),
      el('p', { class: 'meta' }, 'target ' + format(kpi.target, kpi.unit) +
        (kpi.denominator !== null ? ' · ' + kpi.numerator + ' of ' + kpi.denominator : '') +
        ' · ' + kpi.sampleSize + ' in sample'),
      sparkline(series[kpi.key]))));
  }

  function renderDiagnosis(diagnosis, filters) {
    const verdict = document.getElementById('verdict');
    verdict.className = 'verdict-' + diagnosis.verdict;
    verdict.textContent = 'Verdict: ' + diagnosis.verdict.replace(/_/g, ' ').toLowerCase();
    document.getElementById('recommendation').textContent = diagnosis.recommendation;
    const evidence = diagnosis.evidence;
    const off = [...evidence.opsOff, ...evidence.pmOff];
    const c = evidence.concentration;
    const parts = [
      el('p', {}, off.length ? 'Off target: ' + off.map(k => label(k.key) + ' (' + k.scorecard + ')').join(', ') : 'No KPI is off target.'),
      el('p', {}, c.matters + ' matters in the period; ' + c.failures + ' PM failures' +
        (c.topShare == null ? '' : ', ' + (Number(c.topShare) * 100).toFixed(0) + ' % of them on the top ' + c.topMatters + ' matters')),
    ];
    if (evidence.failingMatters.length) {
      parts.push(el('table', {},
        el('caption', {}, 'The matters holding the failures'),
        el('thead', {}, el('tr', {}, ['Matter', 'Slips', 'Overdue tasks', 'Budget escalations'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, evidence.failingMatters.map(m => el('tr', {},
          el('td', {}, el('a', { href: query(filters, { matter: m.matterId }), 'data-matter': m.matterId }, m.matterId)),
          el('td', {}, m.slips), el('td', {}, m.overdueTasks), el('td', {}, m.budgetEscalations))))));
    }
    document.getElementById('evidence').replaceChildren(...parts);
  }

  // A difference of two cohorts' values: points for shares and percentages, the unit otherwise.
  function difference(value, unit) {
    if (value === null || value === undefined) return '';
    const n = Number(value) * (unit === 'ratio' ? 100 : 1);
    const text = (n > 0 ? '+' : '') + n.toFixed(1);
    return text + (unit === 'ratio' || unit === 'percent' ? ' pts' : unit === 'hours' ? ' h' : '');
  }

  const VERDICTS = {
    BETTER: 'better, beyond chance', WORSE: 'worse, beyond chance', WITHIN_CHANCE: 'within chance',
    NOT_ENOUGH_DATA: 'not enough data',
  };

  // With a matter type filter whose playbook has more than one version: the latest against the one before.
  async function renderImpact(filters) {
    const section = document.getElementById('impact');
    section.hidden = true;
    if (!filters.matterType) return;
    const versions = await api('/playbooks/' + encodeURIComponent(filters.matterType) + '/versions');
    if (versions.length < 2) return;
    const impact = await api('/playbooks/' + encodeURIComponent(filters.matterType) + '/versions/' +
      versions[versions.length - 1].version + '/impact');
    const v = 'v' + impact.version, before = 'v' + impact.previousVersion;
    document.getElementById('impact-title').textContent = 'What ' + impact.matterType + ' ' + v + ' did';
    document.getElementById('impact-summary').textContent = impact.matters + ' matters accepted on ' + v + ' (published ' +
      impact.publishedAt.substring(0, 10) + ') against ' + impact.previousMatters + ' on ' + before +
      '; a difference counts when p < ' + impact.significanceLevel + ' with at least ' + impact.minimumSample +
      ' items on each side.';
    document.getElementById('impact-body').replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ['KPI', v, before, 'Difference', 'Verdict'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, impact.kpis.map(k => el('tr', { 'data-key': k.key },
        el('td', {}, label(k.key)),
        el('td', {}, format(k.version.value, k.unit) + ' (' + k.version.sampleSize + ')'),
        el('td', {}, format(k.previousVersion.value, k.unit) + ' (' + k.previousVersion.sampleSize + ')'),
        el('td', {}, difference(k.difference, k.unit)),
        el('td', { class: k.verdict }, VERDICTS[k.verdict] + (k.test ? ' (p ' + k.test.pValue + ')' : '')))))));
    section.hidden = false;
  }

  async function renderMatter(matterId, filters) {
    const section = document.getElementById('matter');
    const m = await api('/matters/' + encodeURIComponent(matterId) + '/scorecard');
    document.getElementById('matter-title').textContent = 'Matter ' + (m.matterNumber || m.matterId);
    document.getElementById('matter-close').setAttribute('href', query(filters));
    document.getElementById('matter-body').replaceChildren(
      el('p', {}, [m.matterType, m.practiceArea, 'team ' + m.team, 'attorney ' + m.responsibleAttorney].join(' · ')),
      el('p', { 'data-field': 'milestones' }, 'Milestones: ' + m.milestones.completedOnTime + ' of ' + m.milestones.completed +
        ' completed on time, ' + m.milestones.slipped + ' slipped, ' + m.milestones.deadlinesMissed + ' deadlines missed'),
      el('p', {}, 'Tasks: ' + m.tasks.completed + ' of ' + m.tasks.total + ' done, ' + m.tasks.overdue.length + ' overdue'),
      el('table', {}, el('caption', {}, 'Budget by phase (' + m.currency + ')'),
        el('thead', {}, el('tr', {}, ['Phase', 'Budget', 'Actual', 'Variance'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, m.budget.map(p => el('tr', {}, el('td', {}, p.phase), el('td', {}, format(p.budget, 'amount')),
          el('td', {}, format(p.actual, 'amount')), el('td', {}, p.variancePct === null ? '' : format(p.variancePct, 'percent')))))),
      el('p', {}, m.openEscalations.length + ' open escalation(s)' + (m.openEscalations.length ? ': ' +
        m.openEscalations.map(e => e.cause + ' (' + e.severity + ', ' + e.assignedTo + ')').join(', ') : '')));
    section.hidden = false;
    section.scrollIntoView();
  }

  async function renderLag() {
    const partitions = await api('/projection/status');
    const behind = partitions.reduce((sum, p) => sum + p.lag, 0);
    const latest = partitions.map(p => p.lastEventTime).filter(Boolean).sort().pop();
    document.getElementById('lag').textContent = (behind === 0 ? 'Up to date' : behind + ' events not yet counted') +
      (latest ? ' · latest event ' + new Date(latest).toLocaleString() : '');
  }

  function csv() {
    const rows = [['scorecard', 'from', 'to', 'filters', 'kpi', 'value', 'unit', 'target', 'status', 'numerator', 'denominator', 'sampleSize']];
    KINDS.forEach(kind => {
      const s = shown.scorecards[kind];
      if (!s) return;
      const filters = Object.entries(s.filters || {}).map(([k, v]) => k + '=' + v).join('&');
      s.kpis.forEach(k => rows.push([kind, s.from, s.to, filters, k.key, k.value, k.unit, k.target, k.status,
        k.numerator, k.denominator, k.sampleSize]));
    });
    const text = rows.map(r => r.map(v => {
      const cell = v === null || v === undefined ? '' : String(v);
      return /[",\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
    }).join(',')).join('\r\n') + '\r\n';
    const link = el('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: 'lanes-scorecards.csv' });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function trendWindow(scorecard) {
    const to = new Date(scorecard.to + 'T00:00:00Z');
    const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - (TREND_MONTHS - 1), 1));
    return { from: from.toISOString().substring(0, 10), to: scorecard.to };
  }

  async function load(renewed) {
    if (!token) token = await sessionToken();
    if (!token) { notice(SIGN_IN); return; }
    const filters = currentFilters();
    shown.filters = filters;
    const form = document.getElementById('filters');
    FILTERS.forEach(name => { form.elements[name].value = filters[name] || ''; });
    try {
      const [diagnosis, ...scorecards] = await Promise.all([
        api('/diagnosis' + query(filters)), ...KINDS.map(kind => api('/scorecards/' + kind + query(filters)))]);
      document.getElementById('board').hidden = false;
      document.getElementById('notice').hidden = true;
      const first = scorecards[0];
      document.getElementById('period').textContent = 'Period ' + first.from + ' to ' + first.to + ' (the day after)' +
        (Object.keys(first.filters || {}).length ? ' · ' + Object.entries(first.filters).map(([k, v]) => k + ' ' + v).join(', ') : '');
      KINDS.forEach((kind, i) => { shown.scorecards[kind] = scorecards[i]; renderScorecard(kind, scorecards[i], null); });
      renderDiagnosis(diagnosis, filters);
      await renderImpact(filters);
      const matter = new URLSearchParams(location.search).get('matter');
      if (matter) await renderMatter(matter, filters);
      const trends = await Promise.all(KINDS.map((kind, i) => api('/scorecards/' + kind + '/trend' +
        query(filters, Object.assign({ interval: 'month' }, trendWindow(scorecards[i]))))));
      KINDS.forEach((kind, i) => renderScorecard(kind, scorecards[i], trends[i]));
      await renderLag();
      document.body.dataset.loaded = 'true';
    } catch (failure) {
      if (failure instanceof Refused) {
        if (failure.status === 401) {
          sessionStorage.removeItem(TOKEN_KEY);
          token = await sessionToken();
          // An expired token the session has since renewed: load again, once.
          if (token && !renewed) return load(true);
        }
        notice(failure.status === 401 ? SIGN_IN : NOT_LEADERSHIP);
        document.body.dataset.loaded = 'refused';
      } else {
        notice([el('h2', {}, 'The scorecards could not be loaded'), el('p', {}, failure.message)]);
        document.body.dataset.loaded = 'failed';
      }
    }
  }

  document.getElementById('filters').addEventListener('submit', event => {
    event.preventDefault();
    const form = event.target;
    const filters = {};
    FILTERS.forEach(name => { if (form.elements[name].value) filters[name] = form.elements[name].value; });
    history.pushState(null, '', location.pathname + query(filters));
    document.body.dataset.loaded = '';
    document.getElementById('matter').hidden = true;
    load();
  });
  document.getElementById('csv').addEventListener('click', csv);
  window.addEventListener('popstate', () => load());
  // A new sign-in link opened in the same tab changes only the fragment: read it as on a first load.
  window.addEventListener('hashchange', () => { if (location.hash.startsWith('#token=')) location.reload(); });
  load();
})();
