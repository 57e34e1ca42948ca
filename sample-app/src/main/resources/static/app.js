// The live graph page: polls /actuator/reaktiv (JSON), turns the graph of the chosen use case into a Mermaid
// flowchart (Mermaid does the layout), and re-renders when a count or an edge changed, outlining the nodes whose
// counts moved since the previous poll. The forms call the sample's own API.
'use strict';

const USE_CASES = {
  servers: ['serverMonitor.', 'serverAlerts.'],
  flags: ['featureFlags.', 'betaMonitor.'],
  permissions: ['permissionCache.'],
  gateway: ['gateway.', 'gatewayMonitor.', 'ordersUpstream.'],
  config: ['layeredConfig.', 'configAudit.'],
  pool: ['connectionPool.', 'poolAutoscaler.'],
  pipeline: ['eventPipeline.', 'pipelineAlerts.'],
  system: ['systemMonitor.', 'systemDashboard.'],
  all: null,
};
const POLL_MS = 1000;

const graphEl = document.getElementById('graph');
const statusEl = document.getElementById('status');
const useCaseEl = document.getElementById('usecase');
let previousCounts = new Map();
let lastSource = '';
let renders = 0;

mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { useMaxWidth: true } });

function counts(node) {
  switch (node.kind) {
    case 'signal': return `writes ${node.writes ?? 0}`;
    case 'computed': return `recomputes ${node.recomputes ?? 0}`;
    case 'linkedSignal': return `writes ${node.writes ?? 0} · recomputes ${node.recomputes ?? 0}`;
    case 'effect': return `runs ${node.runs ?? 0} · errors ${node.errors ?? 0}`;
    default: return '';
  }
}

function shape(node, label) {
  const text = `"${label}"`;
  switch (node.kind) {
    case 'signal': return `([${text}])`;
    case 'effect': return `{{${text}}}`;
    case 'linkedSignal': return `[/${text}/]`;
    default: return `[${text}]`;
  }
}

function escapeLabel(s) {
  return String(s).replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** The nodes of the chosen use case, plus what they read directly (such as timeSource.now). */
function select(graph, useCase) {
  const prefixes = USE_CASES[useCase];
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  if (!prefixes) {
    return { nodes: graph.nodes, links: graph.links };
  }
  const chosen = new Set(graph.nodes.filter(n => n.name && prefixes.some(p => n.name.startsWith(p))).map(n => n.id));
  graph.links.forEach(l => { if (chosen.has(l.to) && byId.has(l.from)) chosen.add(l.from); });
  return {
    nodes: graph.nodes.filter(n => chosen.has(n.id)),
    links: graph.links.filter(l => chosen.has(l.from) && chosen.has(l.to)),
  };
}

function toMermaid(view, changed) {
  const lines = ['flowchart LR',
    '  classDef signal fill:#4caf50,color:#fff,stroke:#2e7d32',
    '  classDef computed fill:#2196f3,color:#fff,stroke:#1565c0',
    '  classDef linkedSignal fill:#9c27b0,color:#fff,stroke:#6a1b9a',
    '  classDef effect fill:#ff9800,color:#000,stroke:#e65100',
    '  classDef changed stroke:#e53935,stroke-width:4px'];
  for (const node of view.nodes) {
    const label = `${escapeLabel(node.name ?? '#' + node.id)}<br/>${counts(node)}`;
    lines.push(`  n${node.id}${shape(node, label)}`);
    lines.push(`  class n${node.id} ${node.kind}`);
  }
  for (const link of view.links) {
    lines.push(`  n${link.from} --> n${link.to}`);
  }
  if (changed.length) {
    lines.push(`  class ${changed.map(id => 'n' + id).join(',')} changed`);
  }
  return lines.join('\n');
}

async function poll() {
  try {
    const response = await fetch('/actuator/reaktiv', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`/actuator/reaktiv answered ${response.status}`);
    }
    const graph = await response.json();
    const view = select(graph, useCaseEl.value);
    const now = new Map(view.nodes.map(n => [n.id, counts(n)]));
    const changed = view.nodes.filter(n => previousCounts.has(n.id) && previousCounts.get(n.id) !== now.get(n.id))
      .map(n => n.id);
    previousCounts = now;
    const source = toMermaid(view, changed);
    if (source !== lastSource) {
      const { svg } = await mermaid.render(`graph-svg-${++renders}`, source);
      graphEl.innerHTML = svg;
      graphEl.dataset.renders = String(renders);
      lastSource = source;
    }
    statusEl.textContent = `${view.nodes.length} of ${graph.nodes.length} nodes · ${view.links.length} links · `
      + `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    statusEl.textContent = `cannot read the graph: ${e.message}`;
  }
  try {
    const [servers, alerts] = await Promise.all([fetch('/servers').then(r => r.json()), fetch('/alerts').then(r => r.json())]);
    document.getElementById('servers').textContent =
      servers.servers.map(s => `${s.id}: ${s.status} (cpu ${s.cpu}, mem ${s.memory}, disk ${s.disk})`).join('\n')
      + '\n\nalerts: ' + (alerts.length ? alerts.map(a => `${a.serverId}: ${a.reason}`).join('; ') : 'none');
  } catch (e) {
    // the graph is what matters; the summary catches up on the next poll
  }
  setTimeout(poll, POLL_MS);
}

function show(method, url, status, body) {
  document.getElementById('response').textContent = `${method} ${url} → ${status}\n${body}`;
}

async function send(method, url, body, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text };
}

document.getElementById('metrics-form').addEventListener('submit', async event => {
  event.preventDefault();
  const f = new FormData(event.target);
  const url = `/servers/${encodeURIComponent(f.get('id'))}/metrics`;
  const r = await send('POST', url,
    { cpu: Number(f.get('cpu')), memory: Number(f.get('memory')), disk: Number(f.get('disk')) });
  show('POST', url, r.status, r.text);
});

document.getElementById('maintenance-form').addEventListener('submit', async event => {
  event.preventDefault();
  const f = new FormData(event.target);
  const url = `/servers/${encodeURIComponent(f.get('id'))}/maintenance`;
  const r = await send('PUT', url, { enabled: f.get('enabled') === 'on' });
  show('PUT', url, r.status, r.text);
});

document.getElementById('traffic-form').addEventListener('submit', async event => {
  event.preventDefault();
  const f = new FormData(event.target);
  await send('PUT', '/upstream/orders/failure-rate', { rate: Number(f.get('rate')) });
  const tally = new Map();
  let last = null;
  for (let i = 0; i < Number(f.get('count')); i++) {
    last = await send('GET', '/api/orders', undefined, { 'X-Client-Id': String(f.get('client')) });
    tally.set(last.status, (tally.get(last.status) ?? 0) + 1);
  }
  show('GET', '/api/orders', [...tally].map(([s, n]) => `${s} × ${n}`).join(', '), last ? last.text : '');
});

useCaseEl.addEventListener('change', () => { previousCounts = new Map(); lastSource = ''; });

poll();
